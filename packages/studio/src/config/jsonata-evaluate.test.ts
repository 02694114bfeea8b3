import { describe, expect, it } from 'vitest';
import { evaluateJsonata, formatResult } from './jsonata-evaluate.js';

describe('evaluateJsonata', () => {
  it('evaluates against the sample', async () => {
    expect(await evaluateJsonata('$sum(lines.qty)', { lines: [{ qty: 2 }, { qty: 3 }] })).toEqual({
      ok: true,
      value: 5,
    });
  });

  it('reports syntax errors with the span of the offending token', async () => {
    const outcome = await evaluateJsonata('a + )', {});
    expect(outcome).toMatchObject({ ok: false, from: 4, to: 5 });
    const end = await evaluateJsonata('a +', {});
    expect(end).toMatchObject({ ok: false, message: expect.stringMatching(/end of expression/i) });
  });

  it('reports evaluation errors with their position', async () => {
    const outcome = await evaluateJsonata('"a" + 1', {});
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.from).toBeTypeOf('number');
  });

  it('stops a runaway expression instead of hanging', async () => {
    const started = Date.now();
    const outcome = await evaluateJsonata('($f := function($n) { $f($n + 1) }; $f(0))', {}, 200);
    expect(outcome.ok).toBe(false);
    const loop = await evaluateJsonata('$map([1..1000000], function($v) { $v * 2 }) ~> $count()', {}, 50);
    expect(loop).toMatchObject({ ok: false, message: expect.stringMatching(/timeout|stopped/i) });
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe('formatResult', () => {
  it('prints JSON, and a sentence for nothing', () => {
    expect(formatResult({ n: [1] })).toBe('{\n  "n": [\n    1\n  ]\n}');
    expect(formatResult(undefined)).toMatch(/No result/);
    expect(formatResult('x'.repeat(30), 10)).toMatch(/more characters/);
  });
});
