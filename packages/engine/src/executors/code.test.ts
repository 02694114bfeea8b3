import { afterAll, describe, expect, it } from 'vitest';
import { createEngine } from '../engine.js';
import { createIsolatePool } from '../sandbox/index.js';
import { chain, testCatalog } from '../testing/test-kit.js';

const sandbox = createIsolatePool({ size: 1 });
const engine = createEngine({ catalog: testCatalog, sandbox });
afterAll(() => sandbox.close());

const codeFlow = (code: string, extra: Record<string, unknown> = {}) =>
  chain([
    { id: 'code', type: 'core.code', config: { code, ...extra } },
    { id: 'after', type: 'core.transform', config: { expression: '$' } },
  ]);

describe('core.code in a flow', () => {
  it('returns the value the code returns and keeps its console output in the step', async () => {
    const record = await engine.run({
      executionId: 'c1',
      revision: codeFlow(
        'console.log("lines", input.lines.length); return { units: input.lines.reduce((s, l) => s + l.qty, 0) };',
      ),
      trigger: { lines: [{ qty: 2 }, { qty: 5 }] },
    });
    expect(record.status).toBe('succeeded');
    expect(record.steps[0]).toMatchObject({
      output: { units: 7 },
      logs: [{ level: 'log', message: 'lines 2' }],
    });
    expect(record.steps[1]?.output).toEqual({ units: 7 });
  });

  it('gives the code no way to reach the host process', async () => {
    const record = await engine.run({
      executionId: 'c2',
      revision: codeFlow(`
        const probes = {};
        probes.process = typeof process;
        probes.require = typeof require;
        try { probes.viaThis = typeof this.constructor.constructor('return process')(); } catch (e) { probes.viaThis = 'threw'; }
        probes.viaObject = ({}).constructor.constructor('return typeof process')();
        try { await import('fs'); probes.import = 'loaded'; } catch (e) { probes.import = 'refused'; }
        return probes;`),
      trigger: {},
    });
    const probes = record.steps[0]?.output as Record<string, string>;
    expect(probes).toMatchObject({
      process: 'undefined',
      require: 'undefined',
      viaObject: 'undefined',
      import: 'refused',
    });
    // `this` is undefined in the code's strict function body, so the classic escape cannot even start.
    expect(['undefined', 'threw']).toContain(probes.viaThis);
  });

  it('fails only its node when the code runs past its time limit, and the pool serves the next execution', async () => {
    const stuck = await engine.run({
      executionId: 'c3',
      revision: codeFlow('while (true) {}', { timeoutMs: 200 }),
      trigger: {},
    });
    expect(stuck.status).toBe('failed');
    expect(stuck.error).toMatchObject({
      nodeId: 'code',
      code: 'CODE_TIMEOUT',
      kind: 'user',
      retryable: false,
    });
    expect(stuck.steps.map((s) => s.nodeId)).toEqual(['code']);

    const next = await engine.run({ executionId: 'c4', revision: codeFlow('return input * 2'), trigger: 21 });
    expect(next.steps[0]?.output).toBe(42);
  });

  it('fails its node when the code allocates past its memory limit, and the process goes on', async () => {
    const hog = await engine.run({
      executionId: 'c5',
      revision: codeFlow('const hoard = []; while (true) hoard.push(new Array(100000).fill({ sku: "X" }));', {
        memoryMb: 16,
        timeoutMs: 5000,
      }),
      trigger: {},
    });
    expect(hog.error).toMatchObject({ code: 'CODE_MEMORY_LIMIT', nodeId: 'code' });
    const next = await engine.run({
      executionId: 'c6',
      revision: codeFlow('return "still here"', { memoryMb: 16 }),
      trigger: {},
    });
    expect(next.steps[0]?.output).toBe('still here');
  });

  it('reports the line of an error thrown by the code', async () => {
    const record = await engine.run({
      executionId: 'c7',
      revision: codeFlow('const a = 1;\nreturn input.missing.field;'),
      trigger: {},
    });
    expect(record.error?.code).toBe('CODE_ERROR');
    expect(record.error?.message).toMatch(/^The code threw: TypeError: .+ \(line 2\)\.$/);
  });
});
