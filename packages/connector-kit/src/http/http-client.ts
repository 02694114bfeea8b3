import { connectorError, isWaybillError, systemError } from '../errors.js';
import type { HttpTransport, TransportResponse } from './http-transport.js';
import { linkAbort } from './linked-abort.js';
import { describeNetworkFailure } from './network-errors.js';
import { discardBody, readBodyWithin, readExcerpt } from './read-body.js';
import { buildHeaders, encodeBody, headerRecord, withoutHeaders } from './request-parts.js';
import { errorForStatus, UPSTREAM_EXCERPT_BYTES } from './status-errors.js';
import { checkTarget, type HostResolver, parseTargetUrl, systemResolver } from './target-check.js';
import { createUndiciTransport } from './undici-transport.js';

export type { HttpTransport, TransportBody, TransportRequest, TransportResponse } from './http-transport.js';
export { createPinnedConnector, type PinnedConnectorOptions } from './pinned-connect.js';
export {
  createUndiciTransport,
  type UndiciTransport,
  type UndiciTransportOptions,
} from './undici-transport.js';

/**
 * Options of an HTTP client; everything has a safe default. `transport` and `resolve` are
 * injectable so the address checks can be tested without sending traffic anywhere.
 *
 * @example
 * const options: HttpClientOptions = { timeoutMs: 20_000, maxResponseBytes: 10 * 1024 * 1024 };
 */
export interface HttpClientOptions {
  /**
   * Sends each hop; by default undici over connection pools that dial only addresses passing the
   * address policy (created with this `resolve`).
   */
  transport?: HttpTransport;
  /** Resolves host names for the address checks; the system resolver by default. */
  resolve?: HostResolver;
  /** Default time limit of one request, redirects and body included (30 s). */
  timeoutMs?: number;
  /** Default response size limit (5 MB). */
  maxResponseBytes?: number;
  /** Redirects followed before giving up (5). */
  maxRedirects?: number;
  /** Clock for Retry-After dates. */
  now?: () => number;
}

/**
 * One outbound request. Bodies are strings or bytes so a redirect that keeps the method can send
 * them again.
 *
 * @example
 * const request: HttpRequest = { method: 'POST', url: 'https://api.example.com/orders', json: { number: 'SO1' } };
 */
export interface HttpRequest {
  method?: string;
  url: string | URL;
  headers?: Record<string, string>;
  body?: string | Uint8Array | URLSearchParams;
  /** Sent as JSON with `content-type: application/json` unless a content type is given. */
  json?: unknown;
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Hosts (`host` or `host:port`) that may be private or loopback; from the credential. */
  allowedHosts?: readonly string[];
  maxResponseBytes?: number;
  /** Statuses returned as a response; any other becomes an error. 2xx by default. */
  accept?: (status: number) => boolean;
  /** Headers dropped when a redirect leaves the origin, besides authorization, cookie and proxy-authorization. */
  sensitiveHeaders?: readonly string[];
  /**
   * Whether sending this request twice does no harm, for the bound client's in-place retries of
   * 5xx and dropped connections. Defaults by method (GET, HEAD, PUT, DELETE, OPTIONS are); mark a
   * POST that only reads (JSON-RPC, GraphQL queries) or carries an idempotency key.
   */
  idempotent?: boolean;
}

/**
 * A fully read response.
 *
 * @example
 * const order = (await client.request({ url })).json();
 */
export interface HttpResponse {
  status: number;
  /** The URL that answered, after redirects. */
  url: string;
  /** Lower-case names. */
  headers: Record<string, string>;
  bytes: Uint8Array;
  text(): string;
  /** The body parsed as JSON; a body that is not JSON is a connector error. */
  json(): unknown;
}

/**
 * The outbound HTTP client every connector uses.
 *
 * @example
 * const response = await client.request({ url: 'https://api.example.com/health' });
 */
export interface HttpClient {
  request(request: HttpRequest): Promise<HttpResponse>;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_MAX_RESPONSE_BYTES = 5 * 1024 * 1024;
const DEFAULT_MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const ALWAYS_SENSITIVE = ['authorization', 'cookie', 'proxy-authorization'];

/**
 * Creates the outbound HTTP client: one attempt per request (operations get it bound, with short
 * in-place retries and rate limits, see bound-client.ts; the engine retries per node policy),
 * redirects followed by hand with the address check repeated on every hop, a time limit over the
 * whole request and a size limit on the body, and every failure mapped into the error taxonomy.
 *
 * The early check resolves the host and refuses with a sentence saying how to allow it; the
 * default transport then resolves once more when it opens a connection and dials only addresses
 * that pass the same policy, so DNS that changes its answer in between (DNS rebinding) cannot
 * steer a connection to a private address.
 *
 * @example
 * const client = createHttpClient();
 * const response = await client.request({ method: 'POST', url: 'https://api.example.com/orders',
 *   json: order, headers: { 'idempotency-key': ctx.idempotencyKey }, allowedHosts: credential.allowedHosts });
 */
export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const resolve = options.resolve ?? systemResolver;
  const transport = options.transport ?? createUndiciTransport({ resolve });
  const now = options.now ?? Date.now;
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;

  return {
    async request(request) {
      const timeoutMs = request.timeoutMs ?? options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
      const limit = request.maxResponseBytes ?? options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
      const accept = request.accept ?? ((status: number) => status >= 200 && status < 300);
      const allowedHosts = request.allowedHosts ?? [];

      let url = parseTargetUrl(request.url);
      let method = (request.method ?? 'GET').toUpperCase();
      let headers = buildHeaders(request);
      let body = encodeBody(request, headers);
      if (body !== undefined && (method === 'GET' || method === 'HEAD')) {
        throw systemError({
          code: 'INVALID_REQUEST',
          message: `A ${method} request cannot carry a body; this is a bug in the connector.`,
          retryable: false,
        });
      }
      const sensitive = new Set([...ALWAYS_SENSITIVE, ...(request.sensitiveHeaders ?? []).map(lower)]);
      // One controller for the time limit and the caller's cancellation, with a timer cleared on
      // completion: AbortSignal.timeout would keep its timer (and the signal) alive for the full
      // limit after every fast request, and AbortSignal.any is costly on this hot path.
      const controller = new AbortController();
      const signal = controller.signal;
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        controller.abort(new DOMException(`Timed out after ${timeoutMs} ms.`, 'TimeoutError'));
      }, timeoutMs);
      timer.unref();
      const callerSignal = request.signal;
      const unlink = callerSignal ? linkAbort(callerSignal, controller) : undefined;

      try {
        for (let hop = 0; ; hop++) {
          await checkTarget(url, { allowedHosts, resolve, signal });
          const response = await transport({
            url,
            method,
            headers: headerRecord(headers),
            body,
            signal,
            allowedHosts,
          });
          const location = response.headers.location;
          if (REDIRECTS.has(response.status) && location !== undefined) {
            discardBody(response);
            if (hop >= maxRedirects) {
              throw connectorError({
                code: 'TOO_MANY_REDIRECTS',
                message: `${url.host} redirected more than ${maxRedirects} times; call the final URL directly.`,
                retryable: false,
                upstream: { status: response.status },
              });
            }
            const next = redirectTarget(location, url);
            // Browsers' rules: 303 always, and 301/302 after POST, continue as a GET without a body.
            if (
              response.status === 303 ||
              ((response.status === 301 || response.status === 302) && method === 'POST')
            ) {
              if (method !== 'HEAD') method = 'GET';
              body = undefined;
              headers.delete('content-type');
              headers.delete('content-length');
            }
            // Credentials meant for one origin must not follow a redirect to another (or to plain http).
            if (next.origin !== url.origin) {
              headers = withoutHeaders(headers, sensitive);
            }
            url = next;
            continue;
          }
          if (!accept(response.status)) {
            const excerpt = await readExcerpt(response, UPSTREAM_EXCERPT_BYTES);
            throw errorForStatus({
              status: response.status,
              url,
              headers: response.headers,
              body: excerpt,
              now: now(),
            });
          }
          const bytes = await readBodyWithin(response, limit, url.host);
          return toResponse(response, url, bytes);
        }
      } catch (error) {
        throw translateFailure(error, { url, timedOut, callerSignal, timeoutMs });
      } finally {
        clearTimeout(timer);
        unlink?.();
      }
    },
  };
}

function redirectTarget(location: string, from: URL): URL {
  let next: URL;
  try {
    next = new URL(location, from);
  } catch {
    throw connectorError({
      code: 'INVALID_REDIRECT',
      message: `${from.host} redirected to "${location.slice(0, 200)}", which is not a URL.`,
      retryable: false,
    });
  }
  if (next.protocol !== 'http:' && next.protocol !== 'https:') {
    throw connectorError({
      code: 'INVALID_REDIRECT',
      message: `${from.host} redirected to a ${next.protocol.replace(/:$/, '')} URL; only http and https redirects are followed.`,
      retryable: false,
    });
  }
  // parseTargetUrl also refuses user:password in the redirect target.
  return parseTargetUrl(next);
}

function toResponse(response: TransportResponse, url: URL, bytes: Uint8Array): HttpResponse {
  const { headers } = response;
  const text = () => new TextDecoder().decode(bytes);
  return {
    status: response.status,
    url: url.href,
    headers,
    bytes,
    text,
    json: () => {
      try {
        return JSON.parse(text()) as unknown;
      } catch {
        throw connectorError({
          code: 'INVALID_RESPONSE',
          message: `The response from ${url.host} is not valid JSON.`,
          retryable: false,
          upstream: { status: response.status, body: text().slice(0, UPSTREAM_EXCERPT_BYTES) },
        });
      }
    },
  };
}

function translateFailure(
  error: unknown,
  context: { url: URL; timedOut: boolean; callerSignal: AbortSignal | undefined; timeoutMs: number },
): unknown {
  if (isWaybillError(error)) return error;
  // The caller's cancellation stays an AbortError, which the engine reports as CANCELLED.
  if (context.callerSignal?.aborted) return context.callerSignal.reason ?? error;
  if (context.timedOut) {
    return systemError({
      code: 'TIMEOUT',
      message: `${context.url.host} did not answer within ${context.timeoutMs} ms; the call can be retried, or the node's time limit raised.`,
      retryable: true,
    });
  }
  return describeNetworkFailure(error, context.url);
}

/**
 * The limits a client uses when neither its options nor the request set them.
 *
 * @example
 * httpClientDefaults.maxResponseBytes; // 5242880
 */
export const httpClientDefaults = {
  timeoutMs: DEFAULT_TIMEOUT_MS,
  maxResponseBytes: DEFAULT_MAX_RESPONSE_BYTES,
  maxRedirects: DEFAULT_MAX_REDIRECTS,
};

function lower(name: string): string {
  return name.toLowerCase();
}
