import { describe, expect, it } from 'vitest';
import type { FlowDefinition } from '../schema/flow-schema.js';
import { applyEdit } from './apply-edit.js';
import type { EditResult, FlowEdit } from './flow-edit.js';

const flow: FlowDefinition = {
  schemaVersion: 1,
  id: 'orders',
  name: 'Orders',
  trigger: { type: 'core.webhook', config: {}, businessKey: 'body.name' },
  nodes: [
    { id: 'map', type: 'core.transform', config: { expression: '$' } },
    { id: 'check', type: 'core.validate', config: { schema: { type: 'object' } } },
    { id: 'route', type: 'core.branch', config: { cases: [{ port: 'big', condition: 'total > 9' }] } },
    { id: 'ship', type: 'carrier.createShipment', config: {}, credential: 'carrier-main' },
  ],
  edges: [
    { from: 'trigger', to: 'map' },
    { from: 'map', to: 'check' },
    { from: 'check.valid', to: 'route.in' },
    { from: 'route.big', to: 'ship' },
  ],
  layout: {
    nodes: { map: { x: 0, y: 0 }, check: { x: 200, y: 0 } },
    notes: [{ id: 'n1', text: 'hi', x: 0, y: 90 }],
  },
};

/** Applies an edit that must succeed, checks that its inverse restores the flow, and returns the new flow. */
function applyOk(start: FlowDefinition, edit: FlowEdit): FlowDefinition {
  const result = applyEdit(start, edit);
  if (!result.ok) throw new Error(result.error.message);
  const undone = applyEdit(result.flow, result.inverse);
  expect(undone.ok && undone.flow).toStrictEqual(start);
  return result.flow;
}

function errorOf(result: EditResult) {
  return result.ok ? undefined : result.error;
}

describe('applyEdit: nodes', () => {
  it('appends an added node and places it on the canvas', () => {
    const next = applyOk(flow, {
      op: 'addNode',
      node: { id: 'notify', type: 'core.code', config: { code: 'return 1;' } },
      position: { x: 5, y: 6 },
    });
    expect(next.nodes.at(-1)?.id).toBe('notify');
    expect(next.layout?.nodes?.notify).toEqual({ x: 5, y: 6 });
  });

  it('refuses an existing id, an id with a dot and the reserved id trigger', () => {
    const add = (id: string) =>
      applyEdit(flow, { op: 'addNode', node: { id, type: 'core.code', config: {} } });
    expect(errorOf(add('map'))?.code).toBe('node-exists');
    expect(errorOf(add('a.b'))?.code).toBe('invalid-id');
    expect(errorOf(add('trigger'))?.code).toBe('invalid-id');
    expect(errorOf(add(''))?.message).toMatch(/not valid/);
  });

  it('removes a node together with its edges and layout entry', () => {
    const next = applyOk(flow, { op: 'removeNode', nodeId: 'check' });
    expect(next.nodes.map((node) => node.id)).toEqual(['map', 'route', 'ship']);
    expect(next.edges).toEqual([
      { from: 'trigger', to: 'map' },
      { from: 'route.big', to: 'ship' },
    ]);
    expect(next.layout?.nodes).toEqual({ map: { x: 0, y: 0 } });
  });

  it('renames a node in its edges and layout, keeping port spellings', () => {
    const next = applyOk(flow, { op: 'renameNode', nodeId: 'check', newId: 'validate_order' });
    expect(next.nodes[1]?.id).toBe('validate_order');
    expect(next.edges).toEqual([
      { from: 'trigger', to: 'map' },
      { from: 'map', to: 'validate_order' },
      { from: 'validate_order.valid', to: 'route.in' },
      { from: 'route.big', to: 'ship' },
    ]);
    expect(Object.keys(next.layout?.nodes ?? {})).toEqual(['map', 'validate_order']);
  });

  it('refuses to rename onto an existing node or an invalid id', () => {
    expect(errorOf(applyEdit(flow, { op: 'renameNode', nodeId: 'map', newId: 'check' }))?.code).toBe(
      'node-exists',
    );
    expect(errorOf(applyEdit(flow, { op: 'renameNode', nodeId: 'map', newId: 'x y' }))?.code).toBe(
      'invalid-id',
    );
    expect(errorOf(applyEdit(flow, { op: 'renameNode', nodeId: 'nope', newId: 'x' }))?.code).toBe(
      'node-not-found',
    );
  });

  it('updates node fields and removes those set to undefined', () => {
    const next = applyOk(flow, {
      op: 'updateNode',
      nodeId: 'ship',
      patch: { name: 'Ship it', credential: undefined, retry: { maxAttempts: 4 } },
    });
    expect(next.nodes[3]).toStrictEqual({
      id: 'ship',
      type: 'carrier.createShipment',
      config: {},
      name: 'Ship it',
      retry: { maxAttempts: 4 },
    });
  });

  it('refuses to change id or config through updateNode, or to remove the type', () => {
    const update = (patch: object) => applyEdit(flow, { op: 'updateNode', nodeId: 'map', patch });
    expect(errorOf(update({ id: 'x' }))?.code).toBe('invalid-patch');
    expect(errorOf(update({ config: {} }))?.code).toBe('invalid-patch');
    expect(errorOf(update({ type: undefined }))?.code).toBe('invalid-patch');
    expect(errorOf(update({ colour: 'red' }))?.message).toBe(
      'The node "map" has no field "colour" that this edit can change.',
    );
  });
});

describe('applyEdit: config', () => {
  const set = (path: string, value: unknown, nodeId = 'route') =>
    applyOk(flow, { op: 'setConfig', nodeId, path, value });
  const configOf = (next: FlowDefinition, id = 'route') => next.nodes.find((node) => node.id === id)?.config;

  it('sets a value deep inside arrays and objects', () => {
    expect(configOf(set('/cases/0/condition', 'total > 99'))).toEqual({
      cases: [{ port: 'big', condition: 'total > 99' }],
    });
  });

  it('appends to an array with "-" and removes an item with undefined', () => {
    const appended = set('/cases/-', { port: 'small', condition: 'true' });
    expect(configOf(appended)).toEqual({
      cases: [
        { port: 'big', condition: 'total > 9' },
        { port: 'small', condition: 'true' },
      ],
    });
    expect(configOf(set('/cases/0', undefined))).toEqual({ cases: [] });
  });

  it('creates missing intermediate objects and unescapes ~1 and ~0', () => {
    expect(configOf(set('/headers/a~1b~0c', 'v', 'ship'), 'ship')).toEqual({ headers: { 'a/b~c': 'v' } });
  });

  it('replaces the whole config with the empty path', () => {
    expect(configOf(set('', { mode: 'first', cases: [] }))).toEqual({ mode: 'first', cases: [] });
  });

  it('removes a key and leaves removing an absent key as a no-op', () => {
    expect(configOf(set('/expression', undefined, 'map'), 'map')).toEqual({});
    expect(configOf(set('/nothing/here', undefined, 'map'), 'map')).toEqual({ expression: '$' });
  });

  it('refuses malformed pointers and paths through plain values', () => {
    const attempt = (path: string, value: unknown = 1) =>
      errorOf(applyEdit(flow, { op: 'setConfig', nodeId: 'route', path, value }));
    expect(attempt('cases')?.code).toBe('invalid-path');
    expect(attempt('/a~2')?.code).toBe('invalid-path');
    expect(attempt('/cases/5')?.code).toBe('invalid-path');
    expect(attempt('/cases/x')?.code).toBe('invalid-path');
    expect(attempt('/cases/0/port/deeper')?.code).toBe('invalid-path');
    expect(attempt('/__proto__/polluted')?.code).toBe('invalid-path');
    expect(attempt('', 'not an object')?.code).toBe('invalid-value');
  });
});

describe('applyEdit: connections', () => {
  it('adds a connection and refuses an equivalent spelling of an existing one', () => {
    const next = applyOk(flow, { op: 'connect', edge: { from: 'check.invalid', to: 'ship' } });
    expect(next.edges.at(-1)).toEqual({ from: 'check.invalid', to: 'ship' });
    expect(errorOf(applyEdit(flow, { op: 'connect', edge: { from: 'map.out', to: 'check.in' } }))?.code).toBe(
      'edge-exists',
    );
    expect(errorOf(applyEdit(flow, { op: 'connect', edge: { from: 'trigger', to: 'map.in' } }))?.code).toBe(
      'edge-exists',
    );
  });

  it('refuses to connect nodes that do not exist', () => {
    expect(errorOf(applyEdit(flow, { op: 'connect', edge: { from: 'ghost', to: 'map' } }))?.code).toBe(
      'node-not-found',
    );
    expect(errorOf(applyEdit(flow, { op: 'connect', edge: { from: 'map', to: 'ghost' } }))?.code).toBe(
      'node-not-found',
    );
  });

  it('disconnects by any equivalent spelling', () => {
    const next = applyOk(flow, { op: 'disconnect', edge: { from: 'check.valid', to: 'route' } });
    expect(next.edges).toHaveLength(3);
    expect(errorOf(applyEdit(flow, { op: 'disconnect', edge: { from: 'map', to: 'route' } }))?.code).toBe(
      'edge-not-found',
    );
    expect(errorOf(applyEdit(flow, { op: 'disconnect', edge: { from: 'map', to: 'ghost' } }))?.code).toBe(
      'node-not-found',
    );
  });

  it('still removes a dangling connection whose node is gone', () => {
    const dangling = { ...flow, edges: [...flow.edges, { from: 'ship', to: 'ghost' }] };
    expect(applyOk(dangling, { op: 'disconnect', edge: { from: 'ship.out', to: 'ghost' } }).edges).toEqual(
      flow.edges,
    );
  });
});

describe('applyEdit: trigger, meta and layout', () => {
  it('patches the trigger and removes optional fields set to undefined', () => {
    const next = applyOk(flow, { op: 'setTrigger', patch: { businessKey: undefined, dedupe: 'headers.id' } });
    expect(next.trigger).toStrictEqual({ type: 'core.webhook', config: {}, dedupe: 'headers.id' });
    expect(errorOf(applyEdit(flow, { op: 'setTrigger', patch: { type: undefined } }))?.code).toBe(
      'invalid-patch',
    );
  });

  it("sets and removes the trigger's credential, and undoes it", () => {
    const result = applyEdit(flow, { op: 'setTrigger', patch: { credential: 'hook-secret' } });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.flow.trigger.credential).toBe('hook-secret');
    expect(applyOk(result.flow, result.inverse).trigger).toStrictEqual(flow.trigger);
    expect(
      applyOk(result.flow, { op: 'setTrigger', patch: { credential: undefined } }).trigger,
    ).not.toHaveProperty('credential');
  });

  it('changes name and description', () => {
    const next = applyOk(flow, {
      op: 'setMeta',
      patch: { name: 'Orders v2', description: 'Now with returns.' },
    });
    expect([next.name, next.description]).toEqual(['Orders v2', 'Now with returns.']);
  });

  it('moves nodes and edits sticky notes on the layout only', () => {
    const moved = applyOk(flow, { op: 'moveNode', nodeId: 'ship', position: { x: 9, y: 9 } });
    expect(moved.layout?.nodes?.ship).toEqual({ x: 9, y: 9 });
    expect(moved.nodes).toBe(flow.nodes);
    const noted = applyOk(flow, { op: 'setNote', note: { id: 'n1', text: 'changed', x: 1, y: 1 } });
    expect(noted.layout?.notes).toEqual([{ id: 'n1', text: 'changed', x: 1, y: 1 }]);
    expect(applyOk(flow, { op: 'removeNote', noteId: 'n1' }).layout?.notes).toEqual([]);
    expect(errorOf(applyEdit(flow, { op: 'removeNote', noteId: 'n9' }))?.code).toBe('note-not-found');
    expect(errorOf(applyEdit(flow, { op: 'moveNode', nodeId: 'n9', position: { x: 0, y: 0 } }))?.code).toBe(
      'node-not-found',
    );
  });

  it('creates the layout member when the first node is placed', () => {
    const { layout: _, ...bare } = flow;
    const next = applyOk(bare, { op: 'moveNode', nodeId: 'map', position: { x: 1, y: 2 } });
    expect(next.layout).toEqual({ nodes: { map: { x: 1, y: 2 } } });
  });
});

describe('applyEdit: batches', () => {
  it('applies the edits of a batch in order and undoes them in reverse', () => {
    const next = applyOk(flow, {
      op: 'batch',
      edits: [
        { op: 'addNode', node: { id: 'notify', type: 'core.code', config: { code: 'return 1;' } } },
        { op: 'connect', edge: { from: 'check.invalid', to: 'notify' } },
        { op: 'renameNode', nodeId: 'notify', newId: 'alert' },
      ],
    });
    expect(next.edges.at(-1)).toEqual({ from: 'check.invalid', to: 'alert' });
  });

  it('applies nothing when one edit of a batch fails, and says which one', () => {
    const result = applyEdit(flow, {
      op: 'batch',
      edits: [
        { op: 'removeNode', nodeId: 'ship' },
        {
          op: 'batch',
          edits: [
            { op: 'setMeta', patch: { name: 'x' } },
            { op: 'removeNode', nodeId: 'ship' },
          ],
        },
      ],
    });
    expect(errorOf(result)).toEqual({
      code: 'node-not-found',
      message: 'The node "ship" does not exist in this flow.',
      at: [1, 1],
    });
  });

  it('answers an unknown operation with an error instead of throwing', () => {
    const edit = JSON.parse('{ "op": "explode" }');
    expect(errorOf(applyEdit(flow, edit))?.code).toBe('unknown-op');
  });
});
