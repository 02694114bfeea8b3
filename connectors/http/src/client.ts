import type { BoundHttpClient } from '@waybill/connector-kit';

/**
 * The HTTP connector's only I/O: sends a prepared request through the kit's client (which checks
 * addresses, limits time and size and maps failures) and decodes the answer.
 */

/**
 * A request the operation prepared: final URL, lower-case headers, encoded body.
 *
 * @example
 * const request: OutboundRequest = { method: 'POST', url: 'https://api.example.com/orders', headers: {},
 *   body: '{"n":1}', sensitiveHeaders: [], timeoutMs: 10_000, maxResponseBytes: 5_242_880,
 *   responseFormat: 'json', accept: (status) => status < 300 };
 */
export interface OutboundRequest {
  method: string;
  /** Safe to send twice (see HttpRequest.idempotent). */
  idempotent: boolean;
  url: string;
  headers: Record<string, string>;
  body: string | undefined;
  sensitiveHeaders: string[];
  timeoutMs: number;
  maxResponseBytes: number;
  responseFormat: 'json' | 'text';
  accept: (status: number) => boolean;
}

/**
 * What `http.request` outputs.
 *
 * @example
 * const result: HttpResult = { status: 200, headers: { 'content-type': 'application/json' }, body: { id: 1 } };
 */
export interface HttpResult {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/**
 * Sends the request and decodes the body: JSON when asked and the body parses, otherwise text;
 * an empty body is null.
 *
 * @example
 * const result = await sendRequest(ctx.http, request);
 */
export async function sendRequest(http: BoundHttpClient, request: OutboundRequest): Promise<HttpResult> {
  const response = await http.request({
    method: request.method,
    idempotent: request.idempotent,
    url: request.url,
    headers: request.headers,
    body: request.body,
    timeoutMs: request.timeoutMs,
    maxResponseBytes: request.maxResponseBytes,
    accept: request.accept,
    sensitiveHeaders: request.sensitiveHeaders,
  });
  const text = response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: decodeBody(text, request.responseFormat),
  };
}

function decodeBody(text: string, format: 'json' | 'text'): unknown {
  if (text === '') return null;
  if (format === 'text') return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // Many APIs answer errors or acknowledgements as plain text even when JSON was asked for.
    return text;
  }
}
