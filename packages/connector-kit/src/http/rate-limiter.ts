import { connectorError } from '../errors.js';

/**
 * How fast calls with one credential may go: `requests` per `perSeconds`, with bursts of up to
 * `burst` (default: `requests`). Declared by a connector for all its operations, or by one
 * operation for itself (e.g. a bulk endpoint with a lower quota).
 *
 * @example
 * const shopifyRest: RateLimit = { requests: 2, perSeconds: 1, burst: 40 }; // Shopify's leaky bucket
 */
export interface RateLimit {
  requests: number;
  perSeconds: number;
  burst?: number;
}

/**
 * Token buckets by key (connector or operation, plus credential id). A request takes a token,
 * waiting for one when the bucket is empty; a wait longer than `maxWaitMs` is not spent holding
 * the worker: the call fails as a retryable RATE_LIMITED with the delay, and the engine waits
 * for it as a delayed job. Buckets live in one process: each worker keeps to the limit on its own,
 * so N workers send at most N times the rate (the upstream's 429 then slows them further).
 *
 * @example
 * const limiter = createRateLimiter();
 * await limiter.take('odoo:odoo-main', { requests: 10, perSeconds: 1 }, signal);
 */
export interface RateLimiter {
  take(key: string, limit: RateLimit, signal?: AbortSignal): Promise<void>;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export function createRateLimiter(
  options: {
    now?: () => number;
    maxWaitMs?: number;
    sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  } = {},
): RateLimiter {
  const now = options.now ?? Date.now;
  const maxWaitMs = options.maxWaitMs ?? 5000;
  const sleep = options.sleep ?? abortableSleep;
  const buckets = new Map<string, Bucket>();

  return {
    async take(key, limit, signal) {
      const capacity = Math.max(1, limit.burst ?? limit.requests);
      const perMs = limit.requests / (limit.perSeconds * 1000);
      const at = now();
      const bucket = buckets.get(key) ?? { tokens: capacity, updatedAt: at };
      bucket.tokens = Math.min(capacity, bucket.tokens + (at - bucket.updatedAt) * perMs);
      bucket.updatedAt = at;
      buckets.set(key, bucket);
      // Taking the token now (going negative) reserves this caller's place in line, so concurrent
      // callers wait one after another instead of all waking at the same refill.
      bucket.tokens -= 1;
      if (bucket.tokens >= 0) return;
      const waitMs = Math.ceil(-bucket.tokens / perMs);
      if (waitMs > maxWaitMs) {
        bucket.tokens += 1;
        throw connectorError({
          code: 'RATE_LIMITED',
          message: `Calls with this credential are limited to ${limit.requests} per ${limit.perSeconds} s; the call waits ${Math.ceil(waitMs / 1000)} s for its turn.`,
          retryable: true,
          retryAfterMs: waitMs,
        });
      }
      try {
        await sleep(waitMs, signal);
      } catch (error) {
        bucket.tokens += 1;
        throw error;
      }
    },
  };
}

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export { abortableSleep };
