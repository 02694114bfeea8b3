import type { NodeDefinition } from '@waybill/flow';
import { describe, expect, it } from 'vitest';
import { nodeJsonEdits } from './node-json-edits.js';

const node: NodeDefinition = { id: 'map', type: 'core.transform', config: { expression: 'a' }, notes: 'hi' };
const text = (value: unknown) => JSON.stringify(value);

describe('nodeJsonEdits', () => {
  it('gives nothing for an unchanged node and one edit for one change', () => {
    expect(nodeJsonEdits(node, text(node))).toEqual({ ok: true, edit: undefined });
    expect(nodeJsonEdits(node, text({ ...node, config: { expression: 'b' } }))).toEqual({
      ok: true,
      edit: { op: 'setConfig', nodeId: 'map', path: '', value: { expression: 'b' } },
    });
  });

  it('batches field patches (removals included), the config and a rename last', () => {
    const { notes: _notes, ...rest } = node;
    const result = nodeJsonEdits(node, text({ ...rest, id: 'shape', disabled: true, config: {} }));
    expect(result).toEqual({
      ok: true,
      edit: {
        op: 'batch',
        edits: [
          { op: 'updateNode', nodeId: 'map', patch: { notes: undefined, disabled: true } },
          { op: 'setConfig', nodeId: 'map', path: '', value: {} },
          { op: 'renameNode', nodeId: 'map', newId: 'shape' },
        ],
      },
    });
  });

  it('refuses text that is not a node, saying why', () => {
    expect(nodeJsonEdits(node, '{ "id": ')).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^Not valid JSON/),
    });
    expect(nodeJsonEdits(node, '[]')).toMatchObject({ ok: false });
    expect(nodeJsonEdits(node, text({ ...node, colour: 'red' }))).toMatchObject({
      message: 'Nodes have no field "colour".',
    });
    expect(nodeJsonEdits(node, text({ ...node, id: 'a.b' }))).toMatchObject({ ok: false });
    expect(nodeJsonEdits(node, text({ ...node, config: [] }))).toMatchObject({
      message: 'The config must be an object.',
    });
  });
});
