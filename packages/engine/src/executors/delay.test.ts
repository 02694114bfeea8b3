import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../clock.js';
import { createEngine } from '../engine.js';
import { chain, testCatalog } from '../testing/test-kit.js';

const T0 = Date.parse('2026-05-01T00:00:00Z');

describe('core.delay', () => {
  it('waits in place for short delays', async () => {
    const clock = createFakeClock(T0);
    const engine = createEngine({ catalog: testCatalog, clock, maxInlineWaitMs: 5000 });
    const record = await engine.run({
      executionId: 'ex',
      revision: chain([{ id: 'wait', type: 'core.delay', config: { ms: 1500 } }]),
      trigger: 1,
    });
    expect(record.status).toBe('succeeded');
    expect(clock.sleeps).toEqual([1500]);
  });

  it('suspends for long delays and continues once the recorded moment has come', async () => {
    const clock = createFakeClock(T0);
    const engine = createEngine({ catalog: testCatalog, clock, maxInlineWaitMs: 5000 });
    const revision = chain([
      { id: 'wait', type: 'core.delay', config: { until: '$trigger.shipBy' } },
      { id: 'after', type: 'core.transform', config: { expression: '"went on"' } },
    ]);
    const trigger = { shipBy: '2026-05-01T06:00:00Z' };
    const first = await engine.run({ executionId: 'ex', revision, trigger });
    expect(first).toMatchObject({ status: 'waiting', resumeAt: '2026-05-01T06:00:00.000Z' });
    expect(first.steps.map((s) => s.nodeId)).toEqual(['wait']);

    await clock.sleep(6 * 3_600_000);
    const second = await engine.run({ executionId: 'ex', revision, trigger, resume: { steps: first.steps } });
    expect(second.status).toBe('succeeded');
    expect(second.steps.map((s) => s.nodeId)).toEqual(['wait', 'after']);
  });

  it('fails with a sentence when the until expression gives no time', async () => {
    const engine = createEngine({ catalog: testCatalog });
    const record = await engine.run({
      executionId: 'ex',
      revision: chain([{ id: 'wait', type: 'core.delay', config: { until: '"soon"' } }]),
      trigger: {},
    });
    expect(record.error).toMatchObject({
      code: 'DELAY_INVALID_TIME',
      message: 'Node "wait" could not read a time from its until expression; it gave "soon".',
    });
  });
});
