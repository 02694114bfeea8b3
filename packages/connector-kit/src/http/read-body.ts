import { connectorError } from '../errors.js';
import type { TransportResponse } from './http-transport.js';

/**
 * Reads a response body up to `limit` bytes. A declared Content-Length over the limit fails before
 * reading; otherwise the stream is read and destroyed as soon as it passes the limit, so a huge or
 * endless body costs at most `limit` bytes of memory.
 *
 * @example
 * const bytes = await readBodyWithin(response, 5 * 1024 * 1024, 'api.example.com');
 */
export async function readBodyWithin(
  response: TransportResponse,
  limit: number,
  host: string,
): Promise<Uint8Array> {
  const declared = Number(response.headers['content-length'] ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limit) {
    response.body.destroy();
    throw tooLarge(host, limit, response.status);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of response.body) {
    total += chunk.byteLength;
    if (total > limit) {
      response.body.destroy();
      throw tooLarge(host, limit, response.status);
    }
    chunks.push(chunk);
  }
  return concat(chunks, total);
}

/**
 * The first `maxBytes` of a body as text, for error excerpts; the rest is not read. Never throws:
 * a body that cannot be read gives an empty excerpt, and the status error is reported as is.
 *
 * @example
 * const excerpt = await readExcerpt(response, 2048); // '{"error":"invalid customer"}'
 */
export async function readExcerpt(response: TransportResponse, maxBytes: number): Promise<string> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for await (const chunk of response.body) {
      chunks.push(chunk);
      total += chunk.byteLength;
      if (total >= maxBytes) break;
    }
  } catch {
    // The excerpt is a courtesy; the status says what went wrong.
  } finally {
    // A body read to its end leaves the connection reusable; destroying it then changes nothing.
    response.body.destroy();
  }
  const bytes = concat(chunks, total).subarray(0, maxBytes);
  return new TextDecoder().decode(bytes);
}

/**
 * Throws away a body (redirects) without waiting for it.
 *
 * @example
 * discardBody(redirectResponse);
 */
export function discardBody(response: TransportResponse): void {
  response.body.destroy();
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function tooLarge(host: string, limit: number, status: number) {
  return connectorError({
    code: 'RESPONSE_TOO_LARGE',
    message: `The response from ${host} is larger than the ${formatBytes(limit)} limit; ask for less data (paging or filters) or raise the node's response size limit.`,
    retryable: false,
    upstream: { status },
  });
}

/**
 * A byte count for sentences.
 *
 * @example
 * formatBytes(5 * 1024 * 1024); // '5 MB'
 */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} bytes`;
}
