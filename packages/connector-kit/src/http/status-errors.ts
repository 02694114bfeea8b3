import { connectorError, type WaybillError } from '../errors.js';
import { parseRetryAfter } from './retry-after.js';

/**
 * How much of an error body is kept with the error (execution history, dead-letter inbox).
 *
 * @example
 * excerpt.slice(0, UPSTREAM_EXCERPT_BYTES);
 */
export const UPSTREAM_EXCERPT_BYTES = 2048;

/**
 * The taxonomy error for an HTTP status the caller did not accept: 429, 408 and 5xx are
 * retryable (with the delay from Retry-After), other statuses are not, since sending the same
 * request again would get the same answer.
 *
 * @example
 * errorForStatus({ status: 503, url: new URL('https://api.example.com/orders'), headers: { 'retry-after': '5' }, body: 'busy' });
 * // WaybillError { kind: 'connector', code: 'HTTP_503', retryable: true, retryAfterMs: 5000, upstream: { status: 503, body: 'busy' } }
 */
export function errorForStatus(response: {
  status: number;
  url: URL;
  /** A `Headers`, or a record with lower-case names as transports return. */
  headers: Headers | Readonly<Record<string, string>>;
  body: string;
  now?: number;
}): WaybillError {
  const { status, url, headers } = response;
  const host = url.host;
  const upstream = { status, body: response.body };
  const retryAfter = headers instanceof Headers ? headers.get('retry-after') : headers['retry-after'];
  const retryAfterMs = parseRetryAfter(retryAfter, response.now);
  const withDelay = retryAfterMs === undefined ? {} : { retryAfterMs };
  if (status === 429) {
    return connectorError({
      code: 'RATE_LIMITED',
      message: `${host} is rate limiting our calls (HTTP 429); the call can be retried${retryAfterMs === undefined ? '' : ` after ${seconds(retryAfterMs)}`}.`,
      retryable: true,
      upstream,
      ...withDelay,
    });
  }
  if (status >= 500) {
    return connectorError({
      code: `HTTP_${status}`,
      message: `${host} failed to handle the request (HTTP ${status}); the call can be retried.`,
      retryable: true,
      upstream,
      ...withDelay,
    });
  }
  if (status === 408) {
    return connectorError({
      code: 'HTTP_408',
      message: `${host} gave up waiting for the request (HTTP 408); the call can be retried.`,
      retryable: true,
      upstream,
    });
  }
  if (status === 401) {
    return connectorError({
      code: 'UNAUTHORIZED',
      message: `${host} did not accept the credentials (HTTP 401); check the token or password in the node's credential.`,
      retryable: false,
      upstream,
    });
  }
  if (status === 403) {
    return connectorError({
      code: 'FORBIDDEN',
      message: `${host} refused access (HTTP 403); check the permissions of the account behind the node's credential.`,
      retryable: false,
      upstream,
    });
  }
  if (status === 404) {
    return connectorError({
      code: 'NOT_FOUND',
      message: `${host} has nothing at ${url.pathname} (HTTP 404); check the URL and the ids in it.`,
      retryable: false,
      upstream,
    });
  }
  return connectorError({
    code: `HTTP_${status}`,
    message: `${host} rejected the request (HTTP ${status}); its answer is kept with the error.`,
    retryable: false,
    upstream,
  });
}

function seconds(ms: number): string {
  const value = Math.ceil(ms / 1000);
  return `${value} second${value === 1 ? '' : 's'}`;
}
