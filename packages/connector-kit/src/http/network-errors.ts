import { systemError, userError, type WaybillError } from '../errors.js';

const REASONS: Record<string, string> = {
  ECONNREFUSED: 'the connection was refused',
  ECONNRESET: 'the connection was reset',
  EPIPE: 'the connection was closed while sending',
  ETIMEDOUT: 'the connection timed out',
  EHOSTUNREACH: 'the host is unreachable',
  ENETUNREACH: 'the network is unreachable',
  ENOTFOUND: 'the host name does not resolve',
  EAI_AGAIN: 'DNS did not answer',
  UND_ERR_SOCKET: 'the connection failed',
  UND_ERR_CONNECT_TIMEOUT: 'the connection timed out',
  UND_ERR_HEADERS_TIMEOUT: 'no response headers arrived in time',
  UND_ERR_BODY_TIMEOUT: 'the response body stalled',
  CERT_HAS_EXPIRED: 'its TLS certificate has expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'its TLS certificate is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'its TLS certificate chain is self-signed',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its TLS certificate cannot be verified',
  ERR_TLS_CERT_ALTNAME_INVALID: 'its TLS certificate is for another host name',
};

/**
 * Describes a failed request as a retryable system error naming the host and the reason, found in
 * the error's `code` or in its causes: undici's request API rejects with the socket error itself
 * or an undici error (`UND_ERR_…`), and fetch wrapped the same errors in `TypeError('fetch failed')`.
 * Any other TypeError means the request itself could not be built, which retrying will not fix.
 *
 * @example
 * describeNetworkFailure(new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } }), new URL('http://api.example.com'));
 * // WaybillError { kind: 'system', code: 'NETWORK', message: 'Could not reach api.example.com: the connection was refused (ECONNREFUSED).' }
 */
export function describeNetworkFailure(error: unknown, url: URL): WaybillError {
  if (error instanceof TypeError && error.message !== 'fetch failed') {
    return userError({
      code: 'INVALID_REQUEST',
      message: `The request to ${url.host} could not be built: ${error.message.replace(/\.$/, '')}.`,
    });
  }
  const code = causeCode(error);
  const reason = code ? (REASONS[code] ?? 'the connection failed') : 'the connection failed';
  return systemError({
    code: 'NETWORK',
    message: `Could not reach ${url.host}: ${reason}${code ? ` (${code})` : ''}.`,
    retryable: true,
    ...(code ? { upstream: { code } } : {}),
  });
}

function causeCode(error: unknown): string | undefined {
  let current: unknown = error;
  // fetch nested the socket error one or two causes deep (AggregateError for happy eyeballs).
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    const errors = (current as { errors?: unknown }).errors;
    if (Array.isArray(errors) && errors.length > 0) {
      current = errors[0];
      continue;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
