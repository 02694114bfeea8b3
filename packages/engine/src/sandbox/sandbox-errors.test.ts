import { WaybillError } from '@waybill/connector-kit';
import { afterAll, describe, expect, it } from 'vitest';
import { createIsolatePool } from './create-isolate-pool.js';

// Size 1, so every test after a failure proves that the failed isolate was replaced.
const sandbox = createIsolatePool({ size: 1 });
afterAll(() => sandbox.close());

const run = (code: string, timeoutMs = 300, memoryMb = 32) =>
  sandbox.run({ code, input: null, timeoutMs, memoryMb });

async function failureOf(promise: Promise<unknown>): Promise<WaybillError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(WaybillError);
  return error as WaybillError;
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; elapsed: number }> {
  const started = performance.now();
  const value = await work();
  return { value, elapsed: performance.now() - started };
}

describe('code sandbox errors', () => {
  it('reports a throw with its line number in the user code', async () => {
    const error = await failureOf(run('const x = 1;\nconst y = 2;\nx();'));
    expect(error.info).toMatchObject({ kind: 'user', code: 'CODE_ERROR', retryable: false });
    expect(error.message).toBe('The code threw: TypeError: x is not a function (line 3).');
  });

  it('reports a rejection after an await, with the console output written before it', async () => {
    const error = await failureOf(
      run('console.log("checking");\nawait null;\nthrow new Error("Order 12 is invalid.");'),
    );
    expect(error.message).toBe('The code threw: Error: Order 12 is invalid (line 3).');
    expect(error.info.details).toMatchObject({ line: 3, logs: [{ level: 'log', message: 'checking' }] });
  });

  it('reports a thrown non-error value as text', async () => {
    const error = await failureOf(run('throw "no stock";'));
    expect(error.message).toBe('The code threw: no stock.');
  });

  it('reports a syntax error with its message and line', async () => {
    const error = await failureOf(run('const a = 1;\nconst b = ;\nreturn a;'));
    expect(error.info).toMatchObject({ kind: 'user', code: 'CODE_SYNTAX_ERROR', retryable: false });
    expect(error.message).toBe("The code has a syntax error: Unexpected token ';' (line 2).");
  });

  it('explains a syntax error caused by a block left open without naming the wrapper', async () => {
    const error = await failureOf(run('if (input) {\n  return 1;'));
    expect(error.info.code).toBe('CODE_SYNTAX_ERROR');
    expect(error.message).toContain('left open');
  });

  it('stops a synchronous infinite loop within its time limit', async () => {
    const { value: error, elapsed } = await timed(() => failureOf(run('while (true) {}', 300)));
    expect(error.info).toMatchObject({ kind: 'user', code: 'CODE_TIMEOUT', retryable: false });
    expect(error.message).toBe('The code ran longer than its 300 ms limit and was stopped.');
    expect(elapsed).toBeLessThan(900);
    expect((await run('return "next";')).output).toBe('next');
  });

  it('stops an infinite loop that starts after an await', async () => {
    const { value: error, elapsed } = await timed(() => failureOf(run('await null;\nwhile (true) {}', 300)));
    expect(error.info.code).toBe('CODE_TIMEOUT');
    expect(elapsed).toBeLessThan(900);
  });

  it('stops code waiting on a promise that never settles', async () => {
    const { value: error, elapsed } = await timed(() => failureOf(run('await new Promise(() => {});', 300)));
    expect(error.info.code).toBe('CODE_TIMEOUT');
    expect(elapsed).toBeLessThan(900);
    expect((await run('return "next";')).output).toBe('next');
  });

  it('stops code that exceeds its memory limit and keeps serving the next call', async () => {
    const blowup = 'const chunks = [];\nwhile (true) chunks.push(new Array(100000).fill(1));';
    const error = await failureOf(run(blowup, 5000, 16));
    expect(error.info).toMatchObject({ kind: 'user', code: 'CODE_MEMORY_LIMIT', retryable: false });
    expect(error.message).toBe('The code used more than its 16 MB memory limit and was stopped.');
    expect((await run('return "survived";', 1000, 16)).output).toBe('survived');
  });

  it('stops code that exceeds its memory limit with many small objects after an await', async () => {
    const error = await failureOf(
      run('await null;\nconst all = [];\nwhile (true) all.push({ n: Math.random() });', 5000, 16),
    );
    expect(error.info.code).toBe('CODE_MEMORY_LIMIT');
    expect((await run('return "survived";', 1000, 16)).output).toBe('survived');
  });
});
