import { describe, expect, it } from 'vitest';
import { createEngine } from '../engine.js';
import { createFakeInvoker, flowOf, testCatalog, upstream503 } from '../testing/test-kit.js';

describe('error port', () => {
  const revision = flowOf(
    [
      { id: 'create', type: 'test.createOrder', config: {}, retry: { maxAttempts: 2, initialMs: 1 } },
      { id: 'done', type: 'core.transform', config: { expression: '"created"' } },
      {
        id: 'park',
        type: 'core.transform',
        config: { expression: '{ "reason": error.code, "po": input.po }' },
      },
    ],
    [
      { from: 'trigger', to: 'create' },
      { from: 'create', to: 'done' },
      { from: 'create.error', to: 'park' },
    ],
  );

  it('routes a failure to the error port after the retries are spent, with the error and the input', async () => {
    const invoker = createFakeInvoker();
    invoker.failNext('create', upstream503(), upstream503());
    const engine = createEngine({ catalog: testCatalog, invoker });
    const record = await engine.run({ executionId: 'e1', revision, trigger: { po: 'PO-9' } });
    expect(record.status).toBe('succeeded');
    expect(invoker.countFor('create')).toBe(2);
    expect(record.steps.map((s) => `${s.nodeId}:${s.status}:${s.port}`)).toEqual([
      'create:failed:error',
      'park:succeeded:out',
    ]);
    expect(record.steps[1]?.output).toEqual({ reason: 'UPSTREAM_UNAVAILABLE', po: 'PO-9' });
  });

  it('takes the normal port and skips the error branch when the node succeeds', async () => {
    const engine = createEngine({ catalog: testCatalog, invoker: createFakeInvoker() });
    const record = await engine.run({ executionId: 'e2', revision, trigger: { po: 'PO-9' } });
    expect(record.steps.map((s) => s.nodeId)).toEqual(['create', 'done']);
  });

  it('fails the execution, naming the node, when no edge leaves the error port', async () => {
    const invoker = createFakeInvoker();
    invoker.failNext('create', upstream503());
    const engine = createEngine({ catalog: testCatalog, invoker });
    const bare = flowOf(
      [{ id: 'create', type: 'test.createOrder', config: {} }],
      [{ from: 'trigger', to: 'create' }],
    );
    const record = await engine.run({ executionId: 'e3', revision: bare, trigger: {} });
    expect(record.status).toBe('failed');
    expect(record.error).toMatchObject({ nodeId: 'create', stepKey: 'create', code: 'UPSTREAM_UNAVAILABLE' });
  });
});
