import type { FlowDefinition } from '@waybill/flow';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../config/default-config.js';
import { copyNodes, pasteEdit } from './clipboard.js';
import { createEditorStore } from './editor-store.js';
import { uniqueNodeId } from './node-defaults.js';

const flow: FlowDefinition = {
  schemaVersion: 1,
  id: 'orders',
  name: 'Orders',
  trigger: { type: 'core.webhook', config: {} },
  nodes: [
    { id: 'map', type: 'core.transform', config: { expression: '$' } },
    { id: 'check', type: 'core.validate', config: { schema: {} } },
  ],
  edges: [
    { from: 'trigger', to: 'map' },
    { from: 'map', to: 'check' },
  ],
};

describe('createEditorStore', () => {
  it('applies typed edits, marks the flow dirty and undoes back to clean', () => {
    const store = createEditorStore({ flow });
    const result = store.getState().apply({ op: 'setMeta', patch: { name: 'Orders v2' } });
    expect(result.ok).toBe(true);
    expect(store.getState().flow.name).toBe('Orders v2');
    expect(store.getState().dirty).toBe(true);
    expect(store.getState().canUndo).toBe(true);
    store.getState().undo();
    expect(store.getState().flow.name).toBe('Orders');
    expect(store.getState().dirty).toBe(false);
    expect(store.getState().canRedo).toBe(true);
    store.getState().redo();
    expect(store.getState().flow.name).toBe('Orders v2');
  });

  it('reports a refused edit without changing the flow', () => {
    const store = createEditorStore({ flow });
    const result = store.getState().apply({ op: 'removeNode', nodeId: 'nope' });
    expect(result.ok).toBe(false);
    expect(store.getState().flow).toBe(flow);
    expect(store.getState().lastEditError).toMatch(/nope/);
  });

  it('drops removed nodes from the selection and keeps the trigger', () => {
    const store = createEditorStore({ flow });
    store.getState().select(['trigger', 'map']);
    store.getState().apply({ op: 'removeNode', nodeId: 'map' });
    expect(store.getState().selection).toEqual(['trigger']);
    expect(store.getState().flow.edges).toEqual([]);
  });

  it('refuses edits on a read-only version', () => {
    const store = createEditorStore({ flow, readOnly: true });
    expect(store.getState().apply({ op: 'setMeta', patch: { name: 'x' } }).ok).toBe(false);
  });

  it('is clean after markSaved and starts dirty from a restored draft', () => {
    const store = createEditorStore({ flow });
    store.getState().apply({ op: 'moveNode', nodeId: 'map', position: { x: 1, y: 2 } });
    store.getState().markSaved();
    expect(store.getState().dirty).toBe(false);
    const draft = { ...flow, name: 'Draft' };
    store.getState().load(draft, { saved: flow });
    expect(store.getState().dirty).toBe(true);
    expect(store.getState().canUndo).toBe(false);
  });

  it('keeps the last run and the problems of a failed save', () => {
    const store = createEditorStore({ flow });
    store.getState().setLastRun({ status: 'succeeded', steps: [] });
    store
      .getState()
      .setProblems([{ code: 'invalid-config', nodeId: 'map', pointer: '/nodes/0', message: 'x' }]);
    expect(store.getState().lastRun?.status).toBe('succeeded');
    expect(store.getState().problems).toHaveLength(1);
  });
});

describe('copy and paste', () => {
  it('pastes copies with fresh ids and their inner edges, undone in one step', () => {
    const store = createEditorStore({ flow });
    const payload = copyNodes(flow, ['map', 'check'], { map: { x: 0, y: 0 }, check: { x: 100, y: 0 } });
    expect(payload?.edges).toEqual([{ from: 'map', to: 'check' }]);
    const { edit, ids } = pasteEdit(store.getState().flow, payload!);
    expect(ids).toEqual(['map_2', 'check_2']);
    expect(store.getState().apply(edit).ok).toBe(true);
    expect(store.getState().flow.edges).toContainEqual({ from: 'map_2', to: 'check_2' });
    expect(store.getState().flow.layout?.nodes?.map_2).toEqual({ x: 40, y: 40 });
    store.getState().undo();
    expect(store.getState().flow.nodes).toHaveLength(2);
  });
});

describe('node defaults', () => {
  it('derives unique ids from the type', () => {
    expect(uniqueNodeId('core.transform', new Set())).toBe('transform');
    expect(uniqueNodeId('core.transform', new Set(['transform', 'transform_2']))).toBe('transform_3');
  });

  it('fills required fields and defaults', () => {
    expect(
      defaultConfig({
        type: 'object',
        required: ['expression', 'cases'],
        properties: {
          expression: { type: 'string' },
          mode: { type: 'string', default: 'first' },
          cases: {
            type: 'array',
            minItems: 1,
            items: { type: 'object', required: ['port'], properties: { port: { type: 'string' } } },
          },
          optional: { type: 'string' },
        },
      }),
    ).toEqual({ expression: '', mode: 'first', cases: [{ port: '' }] });
  });
});
