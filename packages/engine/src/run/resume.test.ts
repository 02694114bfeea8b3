import { userError, WaybillError } from '@waybill/connector-kit';
import { createRevision } from '@waybill/flow';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../engine.js';
import {
  createFakeInvoker,
  createMemoryRecorder,
  flowOf,
  testCatalog,
  upstream503,
} from '../testing/test-kit.js';

// trigger → lookup (read) → map (pure) → create (write) → confirm (write) → notify (pure)
const revision = flowOf(
  [
    { id: 'lookup', type: 'test.lookup', config: {} },
    { id: 'map', type: 'core.transform', config: { expression: '{ "po": created.po }' } },
    { id: 'create', type: 'test.createOrder', config: {} },
    { id: 'confirm', type: 'test.createOrder', config: {} },
    { id: 'notify', type: 'core.transform', config: { expression: '"done"' } },
  ],
  [
    { from: 'trigger', to: 'lookup' },
    { from: 'lookup', to: 'map' },
    { from: 'map', to: 'create' },
    { from: 'create', to: 'confirm' },
    { from: 'confirm', to: 'notify' },
  ],
);

describe('checkpoints', () => {
  it('checkpoints once per completed side-effecting node, carrying the pure and read steps before it', async () => {
    const recorder = createMemoryRecorder();
    const engine = createEngine({ catalog: testCatalog, invoker: createFakeInvoker() });
    const record = await engine.run({ executionId: 'ex', revision, trigger: { po: 'PO-1' }, recorder });
    expect(record.status).toBe('succeeded');
    expect(recorder.checkpoints.map((batch) => batch.map((s) => s.nodeId))).toEqual([
      ['lookup', 'map', 'create'],
      ['confirm'],
    ]);
    // The last pure step arrives with the final record, not in a checkpoint of its own.
    expect(record.steps.map((s) => s.nodeId)).toEqual(['lookup', 'map', 'create', 'confirm', 'notify']);
  });
});

describe('resuming from the failed node', () => {
  it('reuses recorded outputs and never runs a completed side-effecting node again', async () => {
    const invoker = createFakeInvoker();
    invoker.failNext(
      'confirm',
      userError({ code: 'CREDIT_HOLD', message: 'The customer is on credit hold.' }).info,
    );
    const engine = createEngine({ catalog: testCatalog, invoker });
    const failed = await engine.run({ executionId: 'ex_1', revision, trigger: { po: 'PO-1' } });
    expect(failed.status).toBe('failed');
    expect(failed.error?.nodeId).toBe('confirm');
    expect(invoker.countFor('create')).toBe(1);

    const resumed = await engine.run({
      executionId: 'ex_1',
      revision,
      trigger: { po: 'PO-1' },
      resume: { steps: failed.steps },
    });
    expect(resumed.status).toBe('succeeded');
    expect(invoker.countFor('lookup')).toBe(1);
    expect(invoker.countFor('create')).toBe(1);
    expect(invoker.countFor('confirm')).toBe(2);
    expect(resumed.steps.filter((s) => s.reused).map((s) => s.nodeId)).toEqual(['lookup', 'map', 'create']);
    // The idempotency key derives from the execution, so the retried confirm reuses it.
    expect(invoker.calls.filter((c) => c.nodeId === 'confirm').map((c) => c.idempotencyKey)).toEqual([
      'ex_1:confirm',
      'ex_1:confirm',
    ]);
  });

  it('re-runs a pure node whose definition changed, but still not the side effect after it', async () => {
    const invoker = createFakeInvoker();
    invoker.failNext('confirm', upstream503());
    const engine = createEngine({ catalog: testCatalog, invoker });
    const failed = await engine.run({ executionId: 'ex_2', revision, trigger: { po: 'PO-2' } });
    const fixed = createRevision({
      ...revision.definition,
      nodes: revision.definition.nodes.map((n) =>
        n.id === 'map' ? { ...n, config: { expression: '{ "po": created.po, "v": 2 }' } } : n,
      ),
    });
    const resumed = await engine.run({
      executionId: 'ex_2',
      revision: fixed,
      trigger: { po: 'PO-2' },
      resume: { steps: failed.steps },
    });
    expect(resumed.status).toBe('succeeded');
    expect(resumed.steps.find((s) => s.nodeId === 'map')).toMatchObject({ output: { po: 'PO-2', v: 2 } });
    expect(resumed.steps.find((s) => s.nodeId === 'map')?.reused).toBeUndefined();
    expect(invoker.countFor('create')).toBe(1);
  });

  it('takes over the completed items of a loop and runs only the failed one again', async () => {
    const loop = flowOf(
      [
        { id: 'each', type: 'core.forEach', config: { concurrency: 1 } },
        { id: 'ship', type: 'test.createOrder', config: {} },
      ],
      [
        { from: 'trigger', to: 'each' },
        { from: 'each.item', to: 'ship' },
      ],
    );
    const invoker = createFakeInvoker();
    invoker.behave('ship', (call) => {
      if (call.input === 'c' && invoker.countFor('ship') === 3)
        throw userError({ code: 'NO_STOCK', message: 'No stock for c.' });
      return { output: call.input };
    });
    const engine = createEngine({ catalog: testCatalog, invoker });
    const failed = await engine.run({ executionId: 'ex_3', revision: loop, trigger: ['a', 'b', 'c', 'd'] });
    expect(failed.status).toBe('failed');
    const resumed = await engine.run({
      executionId: 'ex_3',
      revision: loop,
      trigger: ['a', 'b', 'c', 'd'],
      resume: { steps: failed.steps },
    });
    expect(resumed.status).toBe('succeeded');
    expect(invoker.calls.map((c) => c.input)).toEqual(['a', 'b', 'c', 'c', 'd']);
    expect(resumed.steps.find((s) => s.key === 'each')?.output).toEqual(['a', 'b', 'c', 'd']);
  });

  it('does not repeat the completed items of a loop when the loop node itself retries', async () => {
    const loop = flowOf(
      [
        {
          id: 'each',
          type: 'core.forEach',
          config: { concurrency: 1 },
          retry: { maxAttempts: 3, initialMs: 1 },
        },
        { id: 'ship', type: 'test.createOrder', config: {} },
      ],
      [
        { from: 'trigger', to: 'each' },
        { from: 'each.item', to: 'ship' },
      ],
    );
    const invoker = createFakeInvoker();
    let failures = 0;
    invoker.behave('ship', (call) => {
      if (call.input === 'b' && failures++ === 0) throw upstream503Error();
      return { output: call.input };
    });
    const engine = createEngine({ catalog: testCatalog, invoker });
    const record = await engine.run({ executionId: 'ex_4', revision: loop, trigger: ['a', 'b', 'c'] });
    expect(record.status).toBe('succeeded');
    expect(record.steps.find((s) => s.key === 'each')?.attempts).toHaveLength(2);
    expect(invoker.calls.map((c) => c.input)).toEqual(['a', 'b', 'b', 'c']);
  });
});

const upstream503Error = () => new WaybillError(upstream503());
