import { describe, expect, it } from 'vitest';
import { connectorError, toErrorInfo } from '../errors.js';
import { retrying } from './retrying-request.js';

const policy = { attempts: 3, baseMs: 1, maxWaitMs: 200 };
const unavailable = () =>
  connectorError({ code: 'HTTP_503', message: 'busy', retryable: true, upstream: { status: 503 } });
const throttled = (retryAfterMs?: number) =>
  connectorError({
    code: 'RATE_LIMITED',
    message: 'slow down',
    retryable: true,
    upstream: { status: 429 },
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  });

function failingTimes(count: number, error: () => Error) {
  let calls = 0;
  return {
    calls: () => calls,
    send: async () => {
      calls += 1;
      if (calls <= count) throw error();
      return 'ok';
    },
  };
}

describe('in-place request retries', () => {
  it('repeats an idempotent request that met a 5xx until it succeeds', async () => {
    const target = failingTimes(2, unavailable);
    expect(await retrying(target.send, { method: 'GET' }, policy)).toBe('ok');
    expect(target.calls()).toBe(3);
  });

  it('does not repeat a POST that met a 5xx, since the server may have acted on it', async () => {
    const target = failingTimes(1, unavailable);
    await expect(retrying(target.send, { method: 'POST' }, policy)).rejects.toThrow('busy');
    expect(target.calls()).toBe(1);
  });

  it('repeats a POST the connector marks idempotent, and any request answered 429', async () => {
    const marked = failingTimes(1, unavailable);
    expect(await retrying(marked.send, { method: 'POST', idempotent: true }, policy)).toBe('ok');
    const limited = failingTimes(2, () => throttled(5));
    expect(await retrying(limited.send, { method: 'POST' }, policy)).toBe('ok');
    expect(limited.calls()).toBe(3);
  });

  it('waits at least what Retry-After asks, and leaves a longer wait to the engine', async () => {
    const started = Date.now();
    const short = failingTimes(1, () => throttled(60));
    expect(await retrying(short.send, { method: 'GET' }, policy)).toBe('ok');
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
    const long = failingTimes(1, () => throttled(120_000));
    const error = await retrying(long.send, { method: 'GET' }, policy).catch((e: unknown) => e);
    expect(toErrorInfo(error)).toMatchObject({ code: 'RATE_LIMITED', retryAfterMs: 120_000 });
    expect(long.calls()).toBe(1);
  });

  it('gives up after the last attempt with the last error, and never repeats a failure that is not retryable', async () => {
    const always = failingTimes(10, unavailable);
    await expect(retrying(always.send, { method: 'GET' }, policy)).rejects.toThrow('busy');
    expect(always.calls()).toBe(3);
    const refused = failingTimes(1, () =>
      connectorError({ code: 'HTTP_400', message: 'bad', retryable: false }),
    );
    await expect(retrying(refused.send, { method: 'GET' }, policy)).rejects.toThrow('bad');
    expect(refused.calls()).toBe(1);
  });

  it('stops waiting when the call is cancelled', async () => {
    const controller = new AbortController();
    const target = failingTimes(5, () => throttled(150));
    const pending = retrying(target.send, { method: 'GET', signal: controller.signal }, policy);
    setTimeout(() => controller.abort(new Error('cancelled')), 20);
    await expect(pending).rejects.toThrow('cancelled');
    expect(target.calls()).toBe(1);
  });
});
