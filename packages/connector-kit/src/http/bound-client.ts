import type { HttpClient, HttpRequest, HttpResponse } from './http-client.js';

/**
 * The HTTP client an operation gets: cancellation and the allowed hosts come from the call and
 * its credential, so operation code cannot widen what the credential's admin allowed.
 *
 * @example
 * const response = await ctx.http.request({ method: 'GET', url: 'https://api.example.com/orders' });
 */
export interface BoundHttpClient {
  request(request: Omit<HttpRequest, 'allowedHosts'>): Promise<HttpResponse>;
}

/**
 * Binds a client to one call's signal and allowed hosts.
 *
 * @example
 * const http = bindHttpClient(createHttpClient(), { signal: call.signal, allowedHosts: ['127.0.0.1'] });
 */
export function bindHttpClient(
  client: HttpClient,
  binding: { signal: AbortSignal; allowedHosts: readonly string[] },
): BoundHttpClient {
  return {
    request: (request) =>
      client.request({
        ...request,
        signal: request.signal ? AbortSignal.any([binding.signal, request.signal]) : binding.signal,
        // Last, so a stray allowedHosts from untyped code cannot override the credential's.
        allowedHosts: binding.allowedHosts,
      }),
  };
}
