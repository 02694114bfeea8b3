export interface RetryDelayOptions {
  /** Delay before the second attempt, before jitter. */
  baseMs: number;
  /** Upper bound, so a long outage is probed at a steady pace rather than ever more rarely. */
  maxMs: number;
  /** Source of randomness for the jitter; tests pin it. */
  random?: () => number;
}

/**
 * How long to wait before running a job again after its handler threw on the given attempt
 * (1 = the first run): exponential, capped, and jittered down to half so that workers which all
 * failed at once (database down) do not come back in lock step.
 *
 * @example
 * retryDelayMs(3, { baseMs: 1000, maxMs: 60_000 }); // between 2000 and 4000
 */
export function retryDelayMs(attempt: number, options: RetryDelayOptions): number {
  const random = options.random ?? Math.random;
  const exponent = Math.max(0, Math.min(attempt - 1, 30));
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** exponent);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
