import { WaybillError } from '@waybill/connector-kit';
import { afterAll, describe, expect, it } from 'vitest';
import { createIsolatePool } from './create-isolate-pool.js';
import type { CodeRunRequest } from './types.js';

const limits = { timeoutMs: 2000, memoryMb: 32 };
const sandbox = createIsolatePool({ size: 2 });
afterAll(() => sandbox.close());

const run = (code: string, input: unknown = null, extra: Partial<CodeRunRequest> = {}) =>
  sandbox.run({ code, input, ...limits, ...extra });

async function failureOf(promise: Promise<unknown>): Promise<WaybillError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(WaybillError);
  return error as WaybillError;
}

describe('createIsolatePool', () => {
  it('returns the value the code returns, computed from its input', async () => {
    const result = await run('return { total: input.lines.reduce((sum, line) => sum + line.amount, 0) };', {
      lines: [{ amount: 2 }, { amount: 3 }],
    });
    expect(result).toEqual({ output: { total: 5 }, logs: [] });
  });

  it('gives the code a copy of the input, so mutating it leaves the caller object alone', async () => {
    const input = { name: 'order', lines: [1, 2, 3] };
    const result = await run('input.name = "changed"; input.lines.push(4); return input;', input);
    expect(result.output).toEqual({ name: 'changed', lines: [1, 2, 3, 4] });
    expect(input).toEqual({ name: 'order', lines: [1, 2, 3] });
  });

  it('turns a missing return value into null', async () => {
    expect((await run('const unused = 1;')).output).toBeNull();
  });

  it('waits for async code that awaits before returning', async () => {
    const code = 'const doubled = await Promise.resolve(input * 2); await null; return doubled + 1;';
    expect((await run(code, 20)).output).toBe(41);
  });

  it('collects console output at every level, formatting objects as JSON', async () => {
    const code = [
      'console.log("plain", 1, true, null, undefined);',
      'console.info({ id: 7, tags: ["a"] });',
      'console.warn([1, 2]);',
      'console.error(new TypeError("bad input"));',
      'console.debug(10n, Symbol("s"));',
      'return "done";',
    ].join('\n');
    const result = await run(code);
    expect(result.logs).toEqual([
      { level: 'log', message: 'plain 1 true null undefined' },
      { level: 'info', message: '{"id":7,"tags":["a"]}' },
      { level: 'warn', message: '[1,2]' },
      { level: 'error', message: 'TypeError: bad input' },
      { level: 'debug', message: '10 Symbol(s)' },
    ]);
  });

  it('keeps at most 200 console lines and then adds one truncated line', async () => {
    const result = await run('for (let i = 0; i < 1000; i++) console.log(i); return 1;');
    expect(result.logs).toHaveLength(201);
    expect(result.logs[199]).toEqual({ level: 'log', message: '199' });
    expect(result.logs[200]).toEqual({ level: 'warn', message: '…truncated' });
  });

  it('keeps at most 10 kB of console text per call', async () => {
    const result = await run('for (let i = 0; i < 50; i++) console.log("x".repeat(1000)); return 1;');
    const text = result.logs.slice(0, -1).reduce((total, line) => total + line.message.length, 0);
    expect(text).toBe(10 * 1024);
    expect(result.logs.at(-1)?.message).toBe('…truncated');
  });

  it('gives every call a fresh context, so globals and prototype changes do not leak', async () => {
    const single = createIsolatePool({ size: 1 });
    try {
      await single.run({
        code: 'globalThis.leaked = 1; Object.prototype.polluted = true; console.log = null; return 1;',
        input: null,
        ...limits,
      });
      const result = await single.run({
        code: 'console.log("still works"); return [typeof leaked, ({}).polluted ?? "clean"];',
        input: null,
        ...limits,
      });
      expect(result).toEqual({
        output: ['undefined', 'clean'],
        logs: [{ level: 'log', message: 'still works' }],
      });
    } finally {
      await single.close();
    }
  });

  it('refuses a returned function with a sentence naming the problem', async () => {
    const error = await failureOf(run('return () => 1;'));
    expect(error.info).toMatchObject({ kind: 'user', code: 'CODE_OUTPUT_INVALID', retryable: false });
    expect(error.message).toContain('the value is a function');
  });

  it('refuses nested functions, cycles and BigInts instead of silently dropping them', async () => {
    const nested = await failureOf(run('return { total: 1, format: () => "" };'));
    expect(nested.message).toContain('the property "format" is a function');
    const cycle = await failureOf(run('const order = {}; order.self = order; return order;'));
    expect(cycle.info.code).toBe('CODE_OUTPUT_INVALID');
    expect(cycle.message).toContain('circular');
    const big = await failureOf(run('return 1n;'));
    expect(big.info.code).toBe('CODE_OUTPUT_INVALID');
  });

  it('refuses an input that cannot be copied', async () => {
    const error = await failureOf(run('return 1;', { callback: () => 1 }));
    expect(error.info).toMatchObject({ kind: 'user', code: 'CODE_INPUT_INVALID' });
  });

  it('refuses limits isolated-vm cannot honour', async () => {
    const error = await failureOf(run('return 1;', null, { memoryMb: 4 }));
    expect(error.info.code).toBe('CODE_LIMITS_INVALID');
  });

  it('completes every call when more run at once than the pool has isolates', async () => {
    const code = 'let sum = 0; for (let i = 0; i < 200000; i++) sum += i % 7; return input * 1000 + sum % 7;';
    const results = await Promise.all(Array.from({ length: 8 }, (_, index) => run(code, index)));
    expect(results.map((result) => Math.floor((result.output as number) / 1000))).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7,
    ]);
  });

  it('queues a call until an isolate of its memory limit is free', async () => {
    const single = createIsolatePool({ size: 1 });
    try {
      const busy = 'const started = Date.now(); while (Date.now() - started < 150) {} return Date.now();';
      const [first, second] = await Promise.all([
        single.run({ code: busy, input: null, ...limits }),
        single.run({ code: 'return Date.now();', input: null, ...limits }),
      ]);
      expect(second.output as number).toBeGreaterThanOrEqual(first.output as number);
    } finally {
      await single.close();
    }
  });

  it('stops a running call when its signal aborts and rejects with an AbortError', async () => {
    const controller = new AbortController();
    const started = performance.now();
    setTimeout(() => controller.abort(), 50);
    const error = await run('while (true) {}', null, { timeoutMs: 10_000, signal: controller.signal }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toBe('AbortError');
    expect(performance.now() - started).toBeLessThan(2000);
    expect((await run('return "after abort";')).output).toBe('after abort');
  });

  it('rejects a call whose signal aborts while it waits for an isolate', async () => {
    const single = createIsolatePool({ size: 1 });
    try {
      const busy = single.run({
        code: 'const started = Date.now(); while (Date.now() - started < 150) {} return "busy";',
        input: null,
        ...limits,
      });
      const controller = new AbortController();
      const queued = single.run({
        code: 'return "queued";',
        input: null,
        ...limits,
        signal: controller.signal,
      });
      controller.abort();
      await expect(queued).rejects.toMatchObject({ name: 'AbortError' });
      expect((await busy).output).toBe('busy');
      const already = single.run({ code: 'return 1;', input: null, ...limits, signal: AbortSignal.abort() });
      await expect(already).rejects.toMatchObject({ name: 'AbortError' });
    } finally {
      await single.close();
    }
  });

  it('rejects runs after close, and stops the ones still running', async () => {
    const closing = createIsolatePool({ size: 1 });
    const running = closing.run({ code: 'await new Promise(() => {});', input: null, ...limits });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await closing.close();
    const stopped = await failureOf(running);
    expect(stopped.info).toMatchObject({ kind: 'system', code: 'SANDBOX_CLOSED' });
    const later = await failureOf(closing.run({ code: 'return 1;', input: null, ...limits }));
    expect(later.info.code).toBe('SANDBOX_CLOSED');
  });
});
