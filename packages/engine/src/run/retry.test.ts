import { userError } from '@waybill/connector-kit';
import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../clock.js';
import { createEngine } from '../engine.js';
import { chain, createFakeInvoker, testCatalog, upstream503 } from '../testing/test-kit.js';
import { backoffDelay, NO_RETRY, resolveRetryPolicy } from './backoff.js';

const T0 = Date.parse('2026-03-01T08:00:00Z');

function setup(maxInlineWaitMs = 60_000) {
  const clock = createFakeClock(T0);
  const invoker = createFakeInvoker();
  const engine = createEngine({ catalog: testCatalog, clock, invoker, random: () => 0.5, maxInlineWaitMs });
  return { clock, invoker, engine };
}

describe('per-node retries', () => {
  it('retries a retryable connector error with exponential backoff until it succeeds', async () => {
    const { clock, invoker, engine } = setup();
    invoker.failNext('create', upstream503(), upstream503(), upstream503());
    const revision = chain([
      {
        id: 'create',
        type: 'test.createOrder',
        config: {},
        retry: { maxAttempts: 5, initialMs: 1000, jitter: false },
      },
    ]);
    const record = await engine.run({ executionId: 'ex_1', revision, trigger: { po: 1 } });
    expect(record.status).toBe('succeeded');
    expect(invoker.countFor('create')).toBe(4);
    expect(clock.sleeps).toEqual([1000, 2000, 4000]);
    const attempts = record.steps[0]?.attempts ?? [];
    expect(attempts.map((a) => a.error?.code ?? 'ok')).toEqual([
      'UPSTREAM_UNAVAILABLE',
      'UPSTREAM_UNAVAILABLE',
      'UPSTREAM_UNAVAILABLE',
      'ok',
    ]);
    expect(attempts.map((a) => a.startedAt)).toEqual([
      '2026-03-01T08:00:00.000Z',
      '2026-03-01T08:00:01.000Z',
      '2026-03-01T08:00:03.000Z',
      '2026-03-01T08:00:07.000Z',
    ]);
  });

  it('gives up after maxAttempts and fails the execution with the last error', async () => {
    const { invoker, engine } = setup();
    invoker.failNext('create', upstream503(), upstream503(), upstream503());
    const revision = chain([
      { id: 'create', type: 'test.createOrder', config: {}, retry: { maxAttempts: 2, initialMs: 10 } },
    ]);
    const record = await engine.run({ executionId: 'ex_2', revision, trigger: {} });
    expect(record.status).toBe('failed');
    expect(invoker.countFor('create')).toBe(2);
    expect(record.error).toMatchObject({
      nodeId: 'create',
      code: 'UPSTREAM_UNAVAILABLE',
      kind: 'connector',
      upstream: { status: 503 },
    });
  });

  it('never retries user errors or kinds the policy leaves out', async () => {
    const { invoker, engine } = setup();
    invoker.failNext('user', userError({ code: 'BAD_SKU', message: 'SKU X does not exist.' }).info);
    invoker.failNext('conn', upstream503());
    const revision = chain([{ id: 'user', type: 'test.createOrder', config: {}, retry: { maxAttempts: 5 } }]);
    expect((await engine.run({ executionId: 'a', revision, trigger: {} })).status).toBe('failed');
    expect(invoker.countFor('user')).toBe(1);

    const systemOnly = chain([
      { id: 'conn', type: 'test.createOrder', config: {}, retry: { maxAttempts: 5, retryOn: ['system'] } },
    ]);
    expect((await engine.run({ executionId: 'b', revision: systemOnly, trigger: {} })).status).toBe('failed');
    expect(invoker.countFor('conn')).toBe(1);
  });

  it('waits at least as long as the upstream Retry-After asks', async () => {
    const { clock, invoker, engine } = setup();
    invoker.failNext('create', { ...upstream503(), code: 'RATE_LIMITED', retryAfterMs: 30_000 });
    const revision = chain([
      { id: 'create', type: 'test.createOrder', config: {}, retry: { maxAttempts: 2, initialMs: 100 } },
    ]);
    await engine.run({ executionId: 'ex', revision, trigger: {} });
    expect(clock.sleeps).toEqual([30_000]);
  });

  it('ends the run as waiting when the next attempt is further away than it may wait in place, and resumes the count later', async () => {
    const { clock, invoker, engine } = setup(5000);
    invoker.failNext('create', upstream503(), upstream503());
    const revision = chain([
      {
        id: 'create',
        type: 'test.createOrder',
        config: {},
        retry: { maxAttempts: 3, initialMs: 60_000, jitter: false },
      },
    ]);
    const first = await engine.run({ executionId: 'ex_w', revision, trigger: {} });
    expect(first.status).toBe('waiting');
    expect(first.resumeAt).toBe('2026-03-01T08:01:00.000Z');
    expect(first.steps[0]).toMatchObject({ status: 'waiting', resumeAt: '2026-03-01T08:01:00.000Z' });
    expect(clock.sleeps).toEqual([]);

    await clock.sleep(60_000);
    const second = await engine.run({
      executionId: 'ex_w',
      revision,
      trigger: {},
      resume: { steps: first.steps },
    });
    expect(second.status).toBe('waiting');
    expect(second.steps[0]?.attempts.map((a) => a.attempt)).toEqual([1, 2]);
    expect(second.resumeAt).toBe('2026-03-01T08:03:00.000Z');

    await clock.sleep(120_000);
    const third = await engine.run({
      executionId: 'ex_w',
      revision,
      trigger: {},
      resume: { steps: second.steps },
    });
    expect(third.status).toBe('succeeded');
    expect(third.steps[0]?.attempts.map((a) => a.attempt)).toEqual([1, 2, 3]);
    expect(invoker.countFor('create')).toBe(3);
  });
});

describe('backoffDelay', () => {
  const policy = resolveRetryPolicy({ maxAttempts: 10, initialMs: 1000, maxMs: 8000 });

  it('doubles per attempt up to maxMs, drawing jittered waits from the upper half', () => {
    expect([1, 2, 3, 4, 5].map((a) => backoffDelay({ ...policy, jitter: false }, a, () => 0))).toEqual([
      1000, 2000, 4000, 8000, 8000,
    ]);
    expect(backoffDelay(policy, 3, () => 0)).toBe(2000);
    expect(backoffDelay(policy, 3, () => 0.999_999)).toBe(4000);
  });

  it('keeps fixed waits fixed', () => {
    expect(
      backoffDelay({ ...NO_RETRY, backoff: 'fixed', initialMs: 250, jitter: false }, 7, Math.random),
    ).toBe(250);
  });
});
