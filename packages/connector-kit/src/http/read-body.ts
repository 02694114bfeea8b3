import { connectorError } from '../errors.js';

/**
 * Reads a response body up to `limit` bytes. A declared Content-Length over the limit fails before
 * reading; otherwise the stream is read and cancelled as soon as it passes the limit, so a huge or
 * endless body costs at most `limit` bytes of memory.
 *
 * @example
 * const bytes = await readBodyWithin(response, 5 * 1024 * 1024, 'api.example.com');
 */
export async function readBodyWithin(response: Response, limit: number, host: string): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limit) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge(host, limit, response.status);
  }
  if (!response.body) return new Uint8Array(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(host, limit, response.status);
    }
    chunks.push(value);
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
export async function readExcerpt(response: Response, maxBytes: number): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    while (total < maxBytes) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      total += value.byteLength;
    }
  } catch {
    // The excerpt is a courtesy; the status says what went wrong.
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  const bytes = concat(chunks, total).subarray(0, maxBytes);
  return new TextDecoder().decode(bytes);
}

/**
 * Throws away a body (redirects), releasing the connection.
 *
 * @example
 * await discardBody(redirectResponse);
 */
export async function discardBody(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
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
