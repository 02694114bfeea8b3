import { WaybillError } from '@waybill/connector-kit';
import { afterAll, describe, expect, it } from 'vitest';
import { createIsolatePool } from './create-isolate-pool.js';

const sandbox = createIsolatePool({ size: 2 });
afterAll(() => sandbox.close());

const run = (code: string, input: unknown = { order: 1 }) =>
  sandbox.run({ code, input, timeoutMs: 1000, memoryMb: 32 });

/** Either a value that is not a host object, or a user-code error: never a host object. */
async function attempt(code: string): Promise<{ output?: unknown; error?: string }> {
  try {
    return { output: (await run(code)).output };
  } catch (error) {
    expect(error).toBeInstanceOf(WaybillError);
    expect((error as WaybillError).info).toMatchObject({ kind: 'user', code: 'CODE_ERROR' });
    return { error: (error as WaybillError).message };
  }
}

describe('code sandbox isolation', () => {
  it('has no process, require, module or Buffer', async () => {
    expect(
      (await run('return [typeof process, typeof require, typeof module, typeof Buffer];')).output,
    ).toEqual(['undefined', 'undefined', 'undefined', 'undefined']);
    expect(await attempt('return process.env;')).toEqual({
      error: expect.stringContaining('process is not defined'),
    });
    expect(await attempt('return require("fs");')).toEqual({
      error: expect.stringContaining('require is not defined'),
    });
  });

  it('has no process on globalThis or on the global reached through Function', async () => {
    expect(await attempt('return globalThis.process;')).toEqual({ output: null });
    expect(await attempt('return Function("return this")().process;')).toEqual({ output: null });
  });

  it('cannot climb from this, the input or the console to a host Function', async () => {
    expect(await attempt('return this.constructor.constructor("return process")();')).toEqual({
      error: expect.stringContaining('process is not defined'),
    });
    expect(await attempt('return input.constructor.constructor("return process")();')).toEqual({
      error: expect.stringContaining('process is not defined'),
    });
    expect(await attempt('return console.log.constructor("return process")();')).toEqual({
      error: expect.stringContaining('process is not defined'),
    });
  });

  it('cannot load modules with a dynamic import', async () => {
    const result = await attempt('const fs = await import("fs"); return typeof fs.readFileSync;');
    expect(result.error).toBeDefined();
  });

  it('cannot reach the host through eval of a string', async () => {
    expect(await attempt('return eval("typeof process + \\" \\" + typeof require");')).toEqual({
      output: 'undefined undefined',
    });
    expect(await attempt('return eval("process.exit")')).toEqual({
      error: expect.stringContaining('process is not defined'),
    });
    expect(await attempt('return (0, eval)("this").process;')).toEqual({ output: null });
  });

  it('exposes only the language built-ins, the console and the sandbox driver as globals', async () => {
    const { output } = await run('return Object.getOwnPropertyNames(globalThis);');
    const names = output as string[];
    for (const hostName of [
      'process',
      'require',
      'module',
      'Buffer',
      'setTimeout',
      'setInterval',
      'fetch',
      'ivm',
      '_ivm',
    ]) {
      expect(names).not.toContain(hostName);
    }
    expect(names).toContain('console');
    expect(names).not.toContain('__waybillInput');
  });

  it('runs a console written in JavaScript inside the isolate, not a host function', async () => {
    const { output } = await run(
      'return [String(console.log).includes("[native code]"), Object.keys(console)];',
    );
    expect(output).toEqual([false, ['log', 'info', 'warn', 'error', 'debug']]);
  });
});
