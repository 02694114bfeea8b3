import { describe, expect, it } from 'vitest';
import { summarizeBulkReplay } from './replay-summary.js';
import type { ReplayPlan } from './types.js';

function plan(executionId: string, done: boolean): ReplayPlan {
  return {
    executionId,
    from: 'failed',
    revision: { hash: 'a'.repeat(64), which: 'original' },
    reused: [],
    willRun: [
      { nodeId: 'map', type: 'core.map', effect: 'pure' },
      { nodeId: 'create_so', type: 'odoo.createSaleOrder', effect: 'write' },
    ],
    sideEffects: [{ nodeId: 'create_so', type: 'odoo.createSaleOrder', alreadyDoneInOriginal: done }],
  };
}

describe('summarizeBulkReplay', () => {
  it('counts per node across executions', () => {
    const summary = summarizeBulkReplay([
      { executionId: 'a', plan: plan('a', true) },
      { executionId: 'b', plan: plan('b', false) },
      { executionId: 'c' },
    ]);
    expect(summary.willRun).toEqual([
      { nodeId: 'create_so', type: 'odoo.createSaleOrder', effect: 'write', executions: 2 },
      { nodeId: 'map', type: 'core.map', effect: 'pure', executions: 2 },
    ]);
    expect(summary.sideEffects).toEqual([
      { nodeId: 'create_so', type: 'odoo.createSaleOrder', executions: 2, alreadyDone: 1 },
    ]);
  });

  it('is empty for no executions', () => {
    expect(summarizeBulkReplay([])).toEqual({ willRun: [], sideEffects: [] });
  });
});
