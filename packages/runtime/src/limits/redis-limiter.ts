import { Redis } from 'ioredis';
import {
  type ConcurrencyLimiter,
  createLeasedLimiter,
  type LeasedLimiterOptions,
} from './concurrency-limiter.js';

// Drops expired leases, then takes a slot when fewer than the limit are held; atomic in Redis.
const ACQUIRE = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[3]) then
  redis.call('ZADD', KEYS[1], ARGV[2], ARGV[4])
  local latest = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
  redis.call('PEXPIREAT', KEYS[1], latest[2])
  return 1
end
return 0`;

// Renews a slot only while it is still held (XX), and keeps the set alive as long as its latest lease.
const EXTEND = `
if redis.call('ZADD', KEYS[1], 'XX', 'CH', ARGV[1], ARGV[2]) == 1 then
  local latest = redis.call('ZRANGE', KEYS[1], -1, -1, 'WITHSCORES')
  redis.call('PEXPIREAT', KEYS[1], latest[2])
end
return 0`;

/**
 * The limiter shared by every worker on every machine when the deployment has Redis: a sorted set
 * per key whose members are slot tokens scored by lease end. Scores come from the callers' clocks,
 * which workers share closely enough for a lease of a minute.
 *
 * @example
 * const limiter = createRedisLimiter({ redisUrl: 'redis://127.0.0.1:6379' });
 */
export function createRedisLimiter(
  options: { redisUrl: string; prefix?: string } & LeasedLimiterOptions,
): ConcurrencyLimiter {
  const redis = new Redis(options.redisUrl, { maxRetriesPerRequest: 3 });
  const prefix = options.prefix ?? 'waybill:limit:';
  const now = options.now ?? Date.now;
  return createLeasedLimiter(
    {
      async acquire(key, token, limit, leaseUntilMs) {
        const taken = await redis.eval(
          ACQUIRE,
          1,
          `${prefix}${key}`,
          String(now()),
          String(leaseUntilMs),
          String(limit),
          token,
        );
        return taken === 1;
      },
      async extend(key, token, leaseUntilMs) {
        await redis.eval(EXTEND, 1, `${prefix}${key}`, String(leaseUntilMs), token);
      },
      async release(key, token) {
        await redis.zrem(`${prefix}${key}`, token);
      },
      async close() {
        redis.disconnect();
      },
    },
    options,
  );
}
