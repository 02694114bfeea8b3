import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { order, orderIntakeFlow } from './testing/fixture-flows.js';
import { createTestRuntime, type TestRuntime } from './testing/test-runtime.js';

describe('test runs from the canvas', () => {
  let t: TestRuntime;
  beforeAll(async () => {
    t = await createTestRuntime('sqlite', { worker: false });
    await t.call('POST', '/api/flows', { id: 'order-intake', name: 'Order intake' });
  });
  afterAll(() => t?.close());

  it('runs an unsaved definition on sample data and answers every step, keeping nothing in history', async () => {
    const res = await t.call('POST', '/api/flows/order-intake/test-runs', {
      definition: orderIntakeFlow(),
      trigger: { headers: {}, query: {}, body: order('PO-T1', 3) },
    });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('succeeded');
    const map = res.body.steps.find((step: { nodeId: string }) => step.nodeId === 'map');
    expect(map.output).toMatchObject({ po: 'PO-T1', units: 3 });
    expect((await t.call('GET', '/api/executions?flowId=order-intake')).body.items).toEqual([]);
    expect((await t.call('GET', '/api/audit?action=flow.test-run')).body.items[0]).toMatchObject({
      actor: t.admin.user.email,
      details: { status: 'succeeded' },
    });
  });

  it('stops after the node asked for', async () => {
    const res = await t.call('POST', '/api/flows/order-intake/test-runs', {
      definition: orderIntakeFlow(),
      trigger: { body: order('PO-T2') },
      stopAfter: 'map',
    });
    expect(res.body.steps.map((step: { nodeId: string }) => step.nodeId)).toEqual(['map']);
  });

  it('shows a failing node with its error, and lists the problems of an invalid definition', async () => {
    const failing = await t.call('POST', '/api/flows/order-intake/test-runs', {
      definition: orderIntakeFlow({ mapping: '{ "po": body.po, "units": $number("x") }' }),
      trigger: { body: order('PO-T3') },
    });
    expect(failing.body.status).toBe('failed');
    expect(failing.body.error.nodeId).toBe('map');
    const invalid = await t.call('POST', '/api/flows/order-intake/test-runs', {
      definition: { ...orderIntakeFlow(), nodes: [{ id: 'x', type: 'core.nothing', config: {} }] },
      trigger: {},
    });
    expect(invalid.status).toBe(422);
    expect(invalid.body.error.message).toMatch(/nothing was run/);
  });
});
