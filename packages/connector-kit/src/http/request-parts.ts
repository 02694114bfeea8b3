import { userError } from '../errors.js';
import type { HttpRequest } from './http-client.js';

/**
 * The headers and body of an outbound request as the client sends them: validated, lower-case,
 * with the content types fetch used to add, so upstreams see the same requests whichever
 * transport sends them.
 */

/**
 * The request's headers, checked: a name or value that cannot be sent is the node's mistake.
 * JSON bodies get `content-type: application/json` unless one is given.
 *
 * @example
 * buildHeaders({ url, headers: { 'X-Api-Key': 'k' }, json: {} }); // Headers { x-api-key: k, content-type: application/json }
 */
export function buildHeaders(request: HttpRequest): Headers {
  let headers: Headers;
  try {
    headers = new Headers(request.headers);
  } catch (error) {
    throw userError({
      code: 'INVALID_HEADER',
      message: `A request header is not valid: ${(error as Error).message.replace(/\.$/, '')}; check the node's headers.`,
    });
  }
  if (request.json !== undefined && !headers.has('content-type'))
    headers.set('content-type', 'application/json');
  return headers;
}

/**
 * The body as sent. Strings default to `text/plain;charset=UTF-8` and form parameters to
 * `application/x-www-form-urlencoded;charset=UTF-8`, as fetch did; bytes get no content type.
 *
 * @example
 * encodeBody({ url, body: new URLSearchParams({ a: '1' }) }, headers); // 'a=1'
 */
export function encodeBody(request: HttpRequest, headers: Headers): string | Uint8Array | undefined {
  if (request.json !== undefined) return JSON.stringify(request.json);
  const { body } = request;
  if (body instanceof URLSearchParams) {
    if (!headers.has('content-type'))
      headers.set('content-type', 'application/x-www-form-urlencoded;charset=UTF-8');
    return body.toString();
  }
  if (typeof body === 'string' && !headers.has('content-type'))
    headers.set('content-type', 'text/plain;charset=UTF-8');
  return body;
}

/**
 * Headers as the plain record a transport takes.
 *
 * @example
 * headerRecord(new Headers({ Accept: 'text/plain' })); // { accept: 'text/plain' }
 */
export function headerRecord(headers: Headers): Record<string, string> {
  const record: Record<string, string> = {};
  headers.forEach((value, name) => {
    record[name] = value;
  });
  return record;
}

/**
 * A copy without the named headers (lower-case names).
 *
 * @example
 * withoutHeaders(headers, new Set(['authorization']));
 */
export function withoutHeaders(headers: Headers, names: Set<string>): Headers {
  const kept = new Headers();
  headers.forEach((value, name) => {
    if (!names.has(name)) kept.append(name, value);
  });
  return kept;
}
