import type { Store } from '@waybill/store';
import {
  type ConcurrencyLimiter,
  createLeasedLimiter,
  type LeasedLimiterOptions,
} from './concurrency-limiter.js';

/**
 * The limiter of deployments without Redis: slots are leased rows in the database, so several
 * worker processes on one PostgreSQL (or one SQLite file) share the limits exactly.
 *
 * @example
 * const limiter = createStoreLimiter(store);
 */
export function createStoreLimiter(store: Store, options: LeasedLimiterOptions = {}): ConcurrencyLimiter {
  const iso = (ms: number) => new Date(ms).toISOString();
  return createLeasedLimiter(
    {
      acquire: (key, token, limit, leaseUntilMs) => store.slots.acquire(key, token, limit, iso(leaseUntilMs)),
      extend: (key, token, leaseUntilMs) => store.slots.extend(key, token, iso(leaseUntilMs)),
      release: (key, token) => store.slots.release(key, token),
    },
    options,
  );
}
