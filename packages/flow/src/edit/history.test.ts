import { describe, expect, it } from 'vitest';
import type { FlowDefinition } from '../schema/flow-schema.js';
import { createHistory } from './history.js';

const flow: FlowDefinition = {
  schemaVersion: 1,
  id: 'orders',
  name: 'Orders',
  trigger: { type: 'core.manual', config: {} },
  nodes: [
    { id: 'map', type: 'core.transform', config: { expression: '$' } },
    { id: 'legacy', type: 'core.transform', config: { expression: '$' } },
  ],
  edges: [
    { from: 'trigger', to: 'map' },
    { from: 'map', to: 'legacy' },
  ],
};

function ok<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('expected a flow');
  return value;
}

describe('createHistory', () => {
  it('undoes and redoes edits in order', () => {
    const history = createHistory();
    expect([history.canUndo, history.canRedo]).toEqual([false, false]);
    const first = history.apply(flow, { op: 'setMeta', patch: { name: 'Orders v2' } });
    if (!first.ok) throw new Error(first.error.message);
    const second = history.apply(first.flow, { op: 'removeNode', nodeId: 'legacy' });
    if (!second.ok) throw new Error(second.error.message);

    const undoneOnce = ok(history.undo(second.flow));
    expect(undoneOnce).toStrictEqual(first.flow);
    const undoneTwice = ok(history.undo(undoneOnce));
    expect(undoneTwice).toStrictEqual(flow);
    expect([history.canUndo, history.canRedo]).toEqual([false, true]);
    expect(history.undo(undoneTwice)).toBeUndefined();

    const redone = ok(history.redo(ok(history.redo(undoneTwice))));
    expect(redone).toStrictEqual(second.flow);
    expect([history.canUndo, history.canRedo]).toEqual([true, false]);
  });

  it('forgets the redo stack when a new edit is applied', () => {
    const history = createHistory();
    const first = history.apply(flow, { op: 'moveNode', nodeId: 'map', position: { x: 1, y: 1 } });
    if (!first.ok) throw new Error(first.error.message);
    const undone = ok(history.undo(first.flow));
    expect(history.canRedo).toBe(true);
    history.apply(undone, { op: 'setMeta', patch: { description: 'New.' } });
    expect(history.canRedo).toBe(false);
  });

  it('records nothing for an edit that fails', () => {
    const history = createHistory();
    const result = history.apply(flow, { op: 'removeNode', nodeId: 'nope' });
    expect(result.ok).toBe(false);
    expect(history.canUndo).toBe(false);
  });

  it('keeps an entry whose inverse no longer applies, so nothing is lost', () => {
    const history = createHistory();
    const added = history.apply(flow, {
      op: 'addNode',
      node: { id: 'extra', type: 'core.code', config: {} },
    });
    if (!added.ok) throw new Error(added.error.message);
    expect(history.undo(flow)).toBeUndefined();
    expect(history.canUndo).toBe(true);
  });

  it('drops the oldest edits beyond its limit', () => {
    const history = createHistory({ limit: 2 });
    let current = flow;
    for (const name of ['a', 'b', 'c']) {
      const result = history.apply(current, { op: 'setMeta', patch: { name } });
      if (!result.ok) throw new Error(result.error.message);
      current = result.flow;
    }
    current = ok(history.undo(ok(history.undo(current))));
    expect(current.name).toBe('a');
    expect(history.canUndo).toBe(false);
    history.clear();
    expect(history.canRedo).toBe(false);
  });
});
