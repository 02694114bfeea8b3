import type { MiddlewareHandler } from 'hono';
import { RateLimiterRes } from 'rate-limiter-flexible';
import { ApiError } from '../http/api-error.js';
import { memoryCounters, type RateCounters } from './rate-counters.js';

/**
 * Caps API requests per API token (and per browser session) in a sliding minute, so one runaway
 * script cannot starve everyone else: over the cap the answer is 429 with Retry-After. Anonymous
 * requests are left to the sign-in throttle. Counted in Redis when Waybill has one, else per process.
 *
 * @example
 * app.use('/api/*', apiRateLimit({ requestsPerMinute: 1200 }));
 */
export function apiRateLimit(
  options: { requestsPerMinute: number },
  counters: RateCounters = memoryCounters(),
): MiddlewareHandler {
  if (options.requestsPerMinute <= 0) return (_c, next) => next();
  const limiter = counters({ keyPrefix: 'api', points: options.requestsPerMinute, duration: 60 });
  return async (c, next) => {
    const principal = c.get('principal');
    if (!principal) return next();
    const key = principal.tokenId ? `token:${principal.tokenId}` : `session:${principal.sessionHash}`;
    try {
      await limiter.consume(key);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      throw new ApiError(
        429,
        'RATE_LIMITED',
        `This ${principal.tokenId ? 'API token' : 'session'} made more than ${options.requestsPerMinute} requests in a minute; try again in ${seconds} s.`,
        { retryAfterSeconds: seconds },
      );
    }
    return next();
  };
}
