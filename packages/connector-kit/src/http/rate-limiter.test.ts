import { describe, expect, it } from 'vitest';
import { toErrorInfo } from '../errors.js';
import { createRateLimiter } from './rate-limiter.js';

function fakeClock() {
  let now = 0;
  const slept: number[] = [];
  return {
    now: () => now,
    slept,
    sleep: async (ms: number) => {
      slept.push(ms);
      now += ms;
    },
  };
}

describe('rate limiter', () => {
  it('lets a burst through at once, then spaces calls at the declared rate', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter(clock);
    const limit = { requests: 2, perSeconds: 1, burst: 3 };
    for (let i = 0; i < 3; i++) await limiter.take('shop:a', limit);
    expect(clock.slept).toEqual([]);
    await limiter.take('shop:a', limit);
    await limiter.take('shop:a', limit);
    expect(clock.slept).toEqual([500, 500]);
  });

  it('keeps separate buckets per key, so one credential does not slow another', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter(clock);
    const limit = { requests: 1, perSeconds: 1 };
    await limiter.take('shop:a', limit);
    await limiter.take('shop:b', limit);
    expect(clock.slept).toEqual([]);
  });

  it('queues concurrent callers one after another instead of waking them together', async () => {
    const clock = fakeClock();
    const waits: number[] = [];
    const limiter = createRateLimiter({ now: clock.now, sleep: async (ms) => void waits.push(ms) });
    const limit = { requests: 10, perSeconds: 1, burst: 1 };
    await Promise.all([1, 2, 3, 4].map(() => limiter.take('odoo:main', limit)));
    expect(waits).toEqual([100, 200, 300]);
  });

  it('hands a wait longer than it may hold the worker back as a retryable error with the delay', async () => {
    const clock = fakeClock();
    const limiter = createRateLimiter({ ...clock, maxWaitMs: 1000 });
    const limit = { requests: 1, perSeconds: 10 };
    await limiter.take('sf:org', limit);
    const error = await limiter.take('sf:org', limit).catch((e: unknown) => e);
    expect(toErrorInfo(error)).toMatchObject({ code: 'RATE_LIMITED', retryable: true, retryAfterMs: 10_000 });
    // The refused call gave its place back: after 10 s the next one goes straight through.
    clock.slept.length = 0;
    await clock.sleep(10_000);
    await limiter.take('sf:org', limit);
    expect(clock.slept).toEqual([10_000]);
  });
});
