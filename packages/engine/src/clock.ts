import { setTimeout as sleep } from 'node:timers/promises';
import type { Clock } from './ports.js';

/**
 * The real clock.
 *
 * @example
 * await systemClock.sleep(100);
 */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) => sleep(ms, undefined, signal ? { signal } : undefined),
};

export interface FakeClock extends Clock {
  /** Every sleep requested, in order, in milliseconds. */
  readonly sleeps: number[];
}

/**
 * A clock whose sleeps return at once and move time forward, for tests of retries and delays.
 *
 * @example
 * const clock = createFakeClock(Date.parse('2026-01-01T00:00:00Z'));
 * await clock.sleep(5000); clock.now(); // start + 5000
 */
export function createFakeClock(start = 0): FakeClock {
  let now = start;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep: async (ms, signal) => {
      signal?.throwIfAborted();
      sleeps.push(ms);
      now += ms;
    },
  };
}
