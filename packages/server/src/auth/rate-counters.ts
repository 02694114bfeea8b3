import type { Redis } from 'ioredis';
import { type RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';

/** Makes the counters behind the sign-in throttle and the per-token API limit. */
export type RateCounters = (options: {
  keyPrefix: string;
  points: number;
  duration: number;
}) => RateLimiterAbstract;

/**
 * Counters in this process: right for one server (the embedded setup).
 *
 * @example
 * const counters = memoryCounters();
 */
export function memoryCounters(): RateCounters {
  return (options) => new RateLimiterMemory(options);
}

/**
 * Counters in Redis, shared by every API server, so N servers behind a balancer do not give an
 * attacker N times the sign-in attempts. While Redis is unreachable each server counts in memory
 * (the insurance limiter) rather than refusing everyone or letting everyone through.
 *
 * @example
 * const counters = redisCounters(new Redis(config.redisUrl), 'waybill:');
 */
export function redisCounters(redis: Redis, prefix: string): RateCounters {
  return (options) =>
    new RateLimiterRedis({
      ...options,
      storeClient: redis,
      keyPrefix: `${prefix}${options.keyPrefix}`,
      insuranceLimiter: new RateLimiterMemory(options),
    });
}
