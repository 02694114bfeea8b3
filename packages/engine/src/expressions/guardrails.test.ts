import { describe, expect, it } from 'vitest';
import { createEngine } from '../engine.js';
import { chain, testCatalog } from '../testing/test-kit.js';

const limits = { timeoutMs: 300, maxDepth: 200, maxSequence: 100_000 };
const engine = createEngine({ catalog: testCatalog, expressionLimits: limits });

async function runExpression(expression: string) {
  const revision = chain([
    { id: 'runaway', type: 'core.transform', config: { expression } },
    { id: 'after', type: 'core.transform', config: { expression: '"unreached"' } },
  ]);
  const started = performance.now();
  const record = await engine.run({ executionId: 'ex', revision, trigger: {} });
  return { record, elapsed: performance.now() - started };
}

describe('JSONata guardrails', () => {
  it('stops an infinitely recursive expression at its time limit and fails only its node', async () => {
    const { record, elapsed } = await runExpression('($loop := function($x) { $loop($x + 1) }; $loop(0))');
    expect(record.status).toBe('failed');
    expect(record.error).toMatchObject({
      nodeId: 'runaway',
      kind: 'user',
      code: 'EXPRESSION_TIMEOUT',
      retryable: false,
    });
    expect(record.error?.message).toContain('300 ms limit');
    expect(record.steps.map((s) => s.nodeId)).toEqual(['runaway']);
    // Generous bound: the limit is checked at every evaluation step, so it is never far past.
    expect(elapsed).toBeLessThan(3000);
  });

  it('stops deep non-tail recursion at the depth limit', async () => {
    const { record } = await runExpression('($deep := function($n) { 1 + $deep($n + 1) }; $deep(0))');
    expect(record.error).toMatchObject({ code: 'EXPRESSION_TOO_DEEP', nodeId: 'runaway' });
  });

  it('refuses a hundred-million item range without allocating it', async () => {
    const { record, elapsed } = await runExpression('[1..100000000]');
    expect(record.error).toMatchObject({ code: 'EXPRESSION_SEQUENCE_TOO_LONG', nodeId: 'runaway' });
    expect(elapsed).toBeLessThan(1000);
  });

  it('refuses sequences longer than the configured limit', async () => {
    const { record } = await runExpression('[1..200000].($ * 2)');
    expect(record.error).toMatchObject({ code: 'EXPRESSION_SEQUENCE_TOO_LONG' });
    expect(record.error?.message).toContain('100,000 items');
  });

  it('still evaluates ordinary expressions on the same engine afterwards', async () => {
    const { record } = await runExpression('$sum([1..1000])');
    expect(record.status).toBe('succeeded');
    expect(record.steps[0]?.output).toBe(500_500);
  });
});

describe('compiled expression cache', () => {
  it('compiles each expression once per place and reuses it across executions and revisions', async () => {
    const local = createEngine({ catalog: testCatalog });
    const build = (name: string) =>
      chain([{ id: 'map', type: 'core.transform', config: { expression: '{ "n": name }' }, notes: name }]);
    const a = build('first');
    const b = build('second');
    expect(a.hash).not.toBe(b.hash);
    const first = local.prepare(a).nodes.get('map')?.prepared;
    const second = local.prepare(b).nodes.get('map')?.prepared;
    expect((first as { expression: unknown }).expression).toBe(
      (second as { expression: unknown }).expression,
    );
    expect(local.prepare(a)).toBe(local.prepare(a));
  });
});
