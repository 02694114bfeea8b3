import { describe, expect, it } from 'vitest';
import { createEngine } from '../engine.js';
import type { DispatchRequest, ExecutionDispatcher } from '../ports.js';
import { chain, testCatalog } from '../testing/test-kit.js';

function recordingDispatcher(): ExecutionDispatcher & { requests: DispatchRequest[] } {
  const requests: DispatchRequest[] = [];
  const started = new Map<string, string>();
  return {
    requests,
    async dispatch(batch) {
      requests.push(...batch);
      return batch.map((r) => {
        if (!started.has(r.dedupeKey)) started.set(r.dedupeKey, `child_${started.size + 1}`);
        return started.get(r.dedupeKey) as string;
      });
    },
  };
}

const fanOut = (config: Record<string, unknown>) =>
  chain([
    { id: 'split', type: 'core.fanOut', config: { flowId: 'apply-line', items: 'lines', ...config } },
    { id: 'after', type: 'core.transform', config: { expression: 'executions' } },
  ]);

describe('core.fanOut', () => {
  it('starts one child execution per record with its own business key and a stable dedupe key', async () => {
    const dispatcher = recordingDispatcher();
    const engine = createEngine({ catalog: testCatalog, dispatcher });
    const record = await engine.run({
      executionId: 'ex_parent',
      revision: fanOut({ businessKey: 'sku' }),
      trigger: { lines: [{ sku: 'A' }, { sku: 'B' }, { sku: 'C' }] },
    });
    expect(record.status).toBe('succeeded');
    expect(dispatcher.requests.map((r) => [r.flowId, r.businessKey, r.dedupeKey])).toEqual([
      ['apply-line', 'A', 'ex_parent:split#0'],
      ['apply-line', 'B', 'ex_parent:split#1'],
      ['apply-line', 'C', 'ex_parent:split#2'],
    ]);
    expect(dispatcher.requests[1]?.payload).toEqual({
      parentExecutionId: 'ex_parent',
      index: 1,
      record: { sku: 'B' },
    });
    expect(record.steps[0]?.output).toEqual({
      flowId: 'apply-line',
      records: 3,
      executions: 3,
      executionIds: ['child_1', 'child_2', 'child_3'],
    });
    expect(record.steps[1]?.output).toBe(3);
  });

  it('groups records into chunks when asked', async () => {
    const dispatcher = recordingDispatcher();
    const engine = createEngine({ catalog: testCatalog, dispatcher });
    await engine.run({
      executionId: 'ex_chunks',
      revision: fanOut({ chunkSize: 2 }),
      trigger: { lines: [1, 2, 3, 4, 5] },
    });
    expect(dispatcher.requests.map((r) => r.payload)).toEqual([
      { parentExecutionId: 'ex_chunks', index: 0, records: [1, 2] },
      { parentExecutionId: 'ex_chunks', index: 1, records: [3, 4] },
      { parentExecutionId: 'ex_chunks', index: 2, records: [5] },
    ]);
  });

  it('never starts the children again when the parent resumes', async () => {
    const dispatcher = recordingDispatcher();
    const engine = createEngine({ catalog: testCatalog, dispatcher });
    const revision = chain([
      { id: 'split', type: 'core.fanOut', config: { flowId: 'apply-line' } },
      { id: 'stop', type: 'core.fail', config: { message: 'Downstream broke.' } },
    ]);
    const first = await engine.run({ executionId: 'ex_r', revision, trigger: [1, 2] });
    expect(first.status).toBe('failed');
    await engine.run({ executionId: 'ex_r', revision, trigger: [1, 2], resume: { steps: first.steps } });
    expect(dispatcher.requests).toHaveLength(2);
  });

  it('fails with a sentence where no dispatcher exists (the CLI)', async () => {
    const engine = createEngine({ catalog: testCatalog });
    const record = await engine.run({ executionId: 'ex_cli', revision: fanOut({}), trigger: { lines: [1] } });
    expect(record.error).toMatchObject({ code: 'NO_DISPATCHER', nodeId: 'split' });
  });
});
