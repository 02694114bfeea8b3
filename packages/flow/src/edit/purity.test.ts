import { describe, expect, it } from 'vitest';
import type { FlowDefinition } from '../schema/flow-schema.js';
import { applyEdit } from './apply-edit.js';
import type { FlowEdit } from './flow-edit.js';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}

const flow: FlowDefinition = {
  schemaVersion: 1,
  id: 'orders',
  name: 'Orders',
  description: 'Order intake.',
  trigger: { type: 'core.webhook', config: { method: 'POST' }, businessKey: 'body.name' },
  nodes: [
    { id: 'map', type: 'core.transform', config: { expression: '$', nested: { list: [1, { a: 2 }] } } },
    { id: 'check', type: 'core.validate', config: { schema: {} }, retry: { maxAttempts: 2 } },
    { id: 'ship', type: 'carrier.createShipment', config: {}, credential: 'c' },
  ],
  edges: [
    { from: 'trigger', to: 'map' },
    { from: 'map', to: 'check' },
    { from: 'check.valid', to: 'ship' },
  ],
  layout: { nodes: { map: { x: 0, y: 0 } }, notes: [{ id: 'n1', text: 'hi', x: 0, y: 0 }] },
};

const everyOp: FlowEdit[] = [
  {
    op: 'addNode',
    node: { id: 'notify', type: 'core.code', config: {} },
    position: { x: 1, y: 1 },
    index: 0,
  },
  { op: 'removeNode', nodeId: 'check' },
  { op: 'renameNode', nodeId: 'map', newId: 'mapping' },
  { op: 'updateNode', nodeId: 'check', patch: { retry: undefined, name: 'Check', disabled: true } },
  { op: 'setConfig', nodeId: 'map', path: '/nested/list/1/a', value: 3 },
  { op: 'setConfig', nodeId: 'map', path: '/nested/list/0', value: undefined },
  { op: 'setConfig', nodeId: 'map', path: '/nested/list/-', value: 'x' },
  { op: 'setConfig', nodeId: 'map', path: '/brand/new', value: { deep: true } },
  { op: 'setConfig', nodeId: 'map', path: '', value: {} },
  { op: 'connect', edge: { from: 'check.invalid', to: 'ship' }, index: 1 },
  { op: 'disconnect', edge: { from: 'map.out', to: 'check.in' } },
  { op: 'setTrigger', patch: { config: { method: 'PUT' }, businessKey: undefined, dedupe: 'headers.id' } },
  { op: 'setMeta', patch: { name: 'Orders 2', description: undefined } },
  { op: 'moveNode', nodeId: 'map', position: { x: 5, y: 5 } },
  { op: 'moveNode', nodeId: 'ship', position: { x: 5, y: 5 } },
  { op: 'setNote', note: { id: 'n1', text: 'changed', x: 1, y: 1 } },
  { op: 'setNote', note: { id: 'n2', text: 'new', x: 1, y: 1 }, index: 0 },
  { op: 'removeNote', noteId: 'n1' },
  { op: 'setNodes', nodes: [] },
  { op: 'setEdges', edges: [] },
  { op: 'setLayout' },
  {
    op: 'batch',
    edits: [
      { op: 'removeNode', nodeId: 'ship' },
      { op: 'addNode', node: { id: 'ship', type: 'core.code', config: {} } },
    ],
  },
];

describe('applyEdit purity', () => {
  it.each(everyOp.map((edit) => [edit.op, edit] as const))(
    'never mutates a deep-frozen flow (%s), nor does its inverse',
    (_op, edit) => {
      const snapshot = structuredClone(flow);
      const frozen = deepFreeze(structuredClone(flow));
      const result = applyEdit(frozen, deepFreeze(structuredClone(edit)));
      if (!result.ok) throw new Error(result.error.message);
      expect(frozen).toStrictEqual(snapshot);

      const undone = applyEdit(deepFreeze(result.flow), deepFreeze(result.inverse));
      expect(undone.ok && undone.flow).toStrictEqual(snapshot);
    },
  );

  it('shares the parts an edit does not touch', () => {
    const result = applyEdit(flow, {
      op: 'setConfig',
      nodeId: 'check',
      path: '/schema/type',
      value: 'object',
    });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.flow.edges).toBe(flow.edges);
    expect(result.flow.layout).toBe(flow.layout);
    expect(result.flow.nodes[0]).toBe(flow.nodes[0]);
    expect(result.flow.nodes[1]).not.toBe(flow.nodes[1]);
  });
});
