import type { HttpClient, HttpRequest, HttpResponse } from './http-client.js';
import type { RateLimit, RateLimiter } from './rate-limiter.js';
import { defaultRetryPolicy, type RetryPolicy, retrying } from './retrying-request.js';

/**
 * The HTTP client an operation gets: cancellation and the allowed hosts come from the call and
 * its credential, so operation code cannot widen what the credential's admin allowed; requests
 * keep to the connector's rate limit for the credential and are retried in place when a short
 * wait is enough (see retrying-request.ts).
 *
 * @example
 * const response = await ctx.http.request({ method: 'GET', url: 'https://api.example.com/orders' });
 */
export interface BoundHttpClient {
  request(request: Omit<HttpRequest, 'allowedHosts'>): Promise<HttpResponse>;
}

export interface HttpBinding {
  signal: AbortSignal;
  allowedHosts: readonly string[];
  /** The bucket this call's requests take tokens from (connector or operation + credential). */
  rateLimit?: { limiter: RateLimiter; key: string; limit: RateLimit };
  retry?: RetryPolicy;
}

/**
 * Binds a client to one call's signal, allowed hosts, rate limit and retry policy.
 *
 * @example
 * const http = bindHttpClient(createHttpClient(), { signal: call.signal, allowedHosts: ['127.0.0.1'] });
 */
export function bindHttpClient(client: HttpClient, binding: HttpBinding): BoundHttpClient {
  const policy = binding.retry ?? defaultRetryPolicy;
  const rate = binding.rateLimit;
  return {
    request: (request) => {
      const signal = request.signal ? AbortSignal.any([binding.signal, request.signal]) : binding.signal;
      const send = async () => {
        if (rate) await rate.limiter.take(rate.key, rate.limit, signal);
        return client.request({
          ...request,
          signal,
          // Last, so a stray allowedHosts from untyped code cannot override the credential's.
          allowedHosts: binding.allowedHosts,
        });
      };
      return retrying(send, { ...request, signal }, policy);
    },
  };
}
