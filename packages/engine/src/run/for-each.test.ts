import { userError } from '@waybill/connector-kit';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../engine.js';
import { createFakeInvoker, flowOf, testCatalog } from '../testing/test-kit.js';

const loopFlow = (loopConfig: Record<string, unknown> = {}) =>
  flowOf(
    [
      { id: 'each', type: 'core.forEach', config: { items: 'lines', ...loopConfig } },
      { id: 'reserve', type: 'test.createOrder', config: {} },
      { id: 'shape', type: 'core.transform', config: { expression: '{ "sku": created.sku, "key": key }' } },
      {
        id: 'summary',
        type: 'core.transform',
        config: { expression: '{ "count": $count($), "skus": $.sku }' },
      },
    ],
    [
      { from: 'trigger', to: 'each' },
      { from: 'each.item', to: 'reserve' },
      { from: 'reserve', to: 'shape' },
      { from: 'each.done', to: 'summary' },
    ],
  );

const order = { lines: [{ sku: 'A' }, { sku: 'B' }, { sku: 'C' }, { sku: 'D' }, { sku: 'E' }] };

describe('core.forEach', () => {
  it('runs the body once per item and collects the results in item order', async () => {
    const invoker = createFakeInvoker();
    const engine = createEngine({ catalog: testCatalog, invoker });
    const record = await engine.run({ executionId: 'ex', revision: loopFlow(), trigger: order });
    expect(record.status).toBe('succeeded');
    const loop = record.steps.find((s) => s.key === 'each');
    expect(loop?.output).toEqual(
      ['A', 'B', 'C', 'D', 'E'].map((sku, i) => ({ sku, key: `ex:each[${i}]/reserve` })),
    );
    expect(record.steps.find((s) => s.key === 'summary')?.output).toEqual({
      count: 5,
      skus: ['A', 'B', 'C', 'D', 'E'],
    });
    expect(record.steps.filter((s) => s.nodeId === 'reserve').map((s) => s.items)).toEqual(
      expect.arrayContaining([[0], [1], [2], [3], [4]]),
    );
  });

  it('never has more items in flight than its concurrency', async () => {
    const invoker = createFakeInvoker();
    let inFlight = 0;
    let peak = 0;
    invoker.behave('reserve', async (call) => {
      inFlight += 1;
      peak = Math.max(peak, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight -= 1;
      return { output: { created: call.input } };
    });
    const engine = createEngine({ catalog: testCatalog, invoker });
    await engine.run({ executionId: 'ex', revision: loopFlow({ concurrency: 2 }), trigger: order });
    expect(peak).toBe(2);
    expect(invoker.countFor('reserve')).toBe(5);
  });

  it('records a failed item in its result slot and goes on when onItemError is continue', async () => {
    const invoker = createFakeInvoker();
    invoker.behave('reserve', (call) => {
      if ((call.input as { sku: string }).sku === 'C')
        throw userError({ code: 'UNKNOWN_SKU', message: 'SKU C is not sold.' });
      return { output: { created: call.input } };
    });
    const engine = createEngine({ catalog: testCatalog, invoker });
    const record = await engine.run({
      executionId: 'ex',
      revision: loopFlow({ onItemError: 'continue' }),
      trigger: order,
    });
    expect(record.status).toBe('succeeded');
    const results = record.steps.find((s) => s.key === 'each')?.output as unknown[];
    expect(results[2]).toEqual({
      error: expect.objectContaining({ code: 'UNKNOWN_SKU' }),
      item: { sku: 'C' },
    });
    expect(results.filter((r) => r && typeof r === 'object' && 'sku' in r)).toHaveLength(4);
  });

  it('fails the loop naming the item and node when an item fails and onItemError is fail', async () => {
    const invoker = createFakeInvoker();
    invoker.behave('reserve', (call) => {
      if ((call.input as { sku: string }).sku === 'B')
        throw userError({ code: 'UNKNOWN_SKU', message: 'SKU B is not sold.' });
      return { output: { created: call.input } };
    });
    const engine = createEngine({ catalog: testCatalog, invoker });
    const record = await engine.run({
      executionId: 'ex',
      revision: loopFlow({ concurrency: 1 }),
      trigger: order,
    });
    expect(record.status).toBe('failed');
    expect(record.error).toMatchObject({
      nodeId: 'each',
      code: 'UNKNOWN_SKU',
      message: 'Item 2 of 5 failed at node "reserve": SKU B is not sold.',
    });
    // With one item at a time, nothing after the failed item started.
    expect(invoker.countFor('reserve')).toBe(2);
  });

  it('runs nested loops with keys that name every level', async () => {
    const revision = flowOf(
      [
        { id: 'orders', type: 'core.forEach', config: {} },
        { id: 'lines', type: 'core.forEach', config: { items: 'lines', concurrency: 1 } },
        { id: 'double', type: 'core.transform', config: { expression: 'qty * 2' } },
      ],
      [
        { from: 'trigger', to: 'orders' },
        { from: 'orders.item', to: 'lines' },
        { from: 'lines.item', to: 'double' },
      ],
    );
    const engine = createEngine({ catalog: testCatalog });
    const record = await engine.run({
      executionId: 'ex',
      revision,
      trigger: [{ lines: [{ qty: 1 }, { qty: 2 }] }, { lines: [{ qty: 5 }] }],
    });
    expect(record.steps.find((s) => s.key === 'orders')?.output).toEqual([[2, 4], [10]]);
    expect(record.steps.map((s) => s.key)).toContain('orders[0]/lines[1]/double');
    expect(record.steps.find((s) => s.key === 'orders[1]/lines[0]/double')?.items).toEqual([1, 0]);
  });

  it('gives an empty result list for an empty or missing array', async () => {
    const engine = createEngine({ catalog: testCatalog, invoker: createFakeInvoker() });
    const record = await engine.run({ executionId: 'ex', revision: loopFlow(), trigger: { lines: [] } });
    expect(record.steps.find((s) => s.key === 'summary')?.output).toEqual({ count: 0 });
  });
});
