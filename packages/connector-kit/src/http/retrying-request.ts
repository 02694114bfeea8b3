import { isWaybillError } from '../errors.js';
import { abortableSleep } from './rate-limiter.js';

/**
 * In-place retries of one HTTP request, before the engine's node retries: short waits happen
 * here, within `maxWaitMs` in all, so a passing 429 or 503 costs a fraction of a second instead of
 * a trip through the queue. What may be repeated:
 * - a 429 always (the server refused the request without acting on it);
 * - other retryable failures (5xx, 408, time-outs, dropped connections) only when the request is
 *   idempotent: GET, HEAD, PUT, DELETE, OPTIONS, or one the connector marks `idempotent` (a
 *   JSON-RPC read, a write carrying an idempotency key).
 * A wait longer than what is left (e.g. Retry-After: 120) ends the retries: the error goes to the
 * engine with its delay, and the execution waits as a delayed job.
 *
 * @example
 * const response = await retrying(() => client.request(request), { method: 'GET' }, defaultRetryPolicy);
 */
export interface RetryPolicy {
  /** Tries in all, the first included; 1 turns in-place retries off. */
  attempts: number;
  /** First backoff; doubled each try, with jitter. */
  baseMs: number;
  /** Time spent waiting across all retries of one request. */
  maxWaitMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { attempts: 3, baseMs: 250, maxWaitMs: 5000 };

const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);

export async function retrying<T>(
  send: () => Promise<T>,
  request: { method?: string; idempotent?: boolean; signal?: AbortSignal },
  policy: RetryPolicy,
  random: () => number = Math.random,
): Promise<T> {
  const idempotent = request.idempotent ?? IDEMPOTENT_METHODS.has((request.method ?? 'GET').toUpperCase());
  let waited = 0;
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      if (attempt >= policy.attempts || !isWaybillError(error) || !error.info.retryable) throw error;
      const rateLimited = error.info.code === 'RATE_LIMITED' && error.info.upstream?.status === 429;
      if (!rateLimited && !idempotent) throw error;
      const backoff = policy.baseMs * 2 ** (attempt - 1) * (0.5 + random());
      const waitMs = Math.max(error.info.retryAfterMs ?? 0, backoff);
      if (waited + waitMs > policy.maxWaitMs) throw error;
      await abortableSleep(waitMs, request.signal);
      waited += waitMs;
    }
  }
}
