import type { RateLimiterRes } from 'rate-limiter-flexible';
import { ApiError } from '../http/api-error.js';
import { memoryCounters, type RateCounters } from './rate-counters.js';

export interface SignInThrottleOptions {
  /** Failed sign-ins of one account within the window before it must wait. */
  failuresPerAccount: number;
  /** Failed sign-ins from one address within the window (any accounts) before it must wait. */
  failuresPerAddress: number;
  windowSeconds: number;
}

export type SignInThrottle = ReturnType<typeof createSignInThrottle>;

/**
 * Slows password guessing two ways: per account (someone trying many passwords for one user) and
 * per address (someone trying a few passwords for many users). Only failures count, and a
 * successful sign-in clears its account's count, so users who mistype once are never held up.
 * Counts live in Redis when Waybill has one (shared by every API server), else in this process.
 *
 * @example
 * await throttle.check(email, address); // throws 429 while either is over its limit
 * if (!ok) await throttle.failed(email, address); else await throttle.succeeded(email);
 */
export function createSignInThrottle(
  options: SignInThrottleOptions,
  counters: RateCounters = memoryCounters(),
) {
  const byAccount = counters({
    keyPrefix: 'signin-account',
    points: options.failuresPerAccount,
    duration: options.windowSeconds,
  });
  const byAddress = counters({
    keyPrefix: 'signin-address',
    points: options.failuresPerAddress,
    duration: options.windowSeconds,
  });
  const exhausted = (res: RateLimiterRes | null, limit: number) =>
    res !== null && res.consumedPoints >= limit;
  const refuse = (res: RateLimiterRes, what: string) => {
    const seconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
    const minutes = Math.ceil(seconds / 60);
    return new ApiError(
      429,
      'TOO_MANY_SIGN_IN_ATTEMPTS',
      `Too many failed sign-ins ${what}; try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
      { retryAfterSeconds: seconds },
    );
  };

  return {
    async check(email: string, address: string): Promise<void> {
      const [account, from] = await Promise.all([byAccount.get(email), byAddress.get(address)]);
      if (account && exhausted(account, options.failuresPerAccount))
        throw refuse(account, 'for this account');
      if (from && exhausted(from, options.failuresPerAddress)) throw refuse(from, 'from this address');
    },
    async failed(email: string, address: string): Promise<void> {
      // Consuming past the limit rejects; the count is what matters here, not the rejection.
      await Promise.allSettled([byAccount.consume(email), byAddress.consume(address)]);
    },
    async succeeded(email: string): Promise<void> {
      await byAccount.delete(email);
    },
  };
}
