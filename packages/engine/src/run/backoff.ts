import type { ErrorInfo } from '@waybill/connector-kit';
import type { RetryPolicy } from '@waybill/flow';

/** A retry policy with every default filled in. */
export type ResolvedRetryPolicy = Required<RetryPolicy>;

export const NO_RETRY: ResolvedRetryPolicy = {
  maxAttempts: 1,
  backoff: 'exponential',
  initialMs: 1000,
  maxMs: 300_000,
  jitter: true,
  retryOn: ['connector', 'system'],
};

/**
 * Fills in the defaults of a node's retry policy.
 *
 * @example
 * resolveRetryPolicy({ maxAttempts: 5 }).initialMs; // 1000
 */
export function resolveRetryPolicy(policy: RetryPolicy | undefined): ResolvedRetryPolicy {
  if (!policy) return NO_RETRY;
  return {
    maxAttempts: policy.maxAttempts,
    backoff: policy.backoff ?? NO_RETRY.backoff,
    initialMs: policy.initialMs ?? NO_RETRY.initialMs,
    maxMs: policy.maxMs ?? NO_RETRY.maxMs,
    jitter: policy.jitter ?? NO_RETRY.jitter,
    retryOn: policy.retryOn ?? NO_RETRY.retryOn,
  };
}

/** An error is retried when it says it is retryable, its kind is listed and attempts remain. */
export function shouldRetry(policy: ResolvedRetryPolicy, error: ErrorInfo, attempt: number): boolean {
  return attempt < policy.maxAttempts && error.retryable && policy.retryOn.includes(error.kind);
}

/**
 * The wait before the attempt after `attempt` (1-based). Exponential waits double from initialMs up
 * to maxMs; with jitter the wait is drawn from its upper half ("equal jitter"), which spreads a
 * burst of retries while still growing. A Retry-After from upstream is never undercut.
 *
 * @example
 * backoffDelay({ ...NO_RETRY, maxAttempts: 5, jitter: false }, 3, Math.random); // 4000
 */
export function backoffDelay(
  policy: ResolvedRetryPolicy,
  attempt: number,
  random: () => number,
  retryAfterMs?: number,
): number {
  const raw = policy.backoff === 'fixed' ? policy.initialMs : policy.initialMs * 2 ** (attempt - 1);
  const capped = Math.min(raw, policy.maxMs);
  const wait = policy.jitter ? capped / 2 + random() * (capped / 2) : capped;
  return Math.round(Math.max(wait, retryAfterMs ?? 0));
}
