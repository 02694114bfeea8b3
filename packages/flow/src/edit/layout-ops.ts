import type { FlowDefinition, FlowLayout } from '../schema/flow-schema.js';
import { isRecord } from './deep-equal.js';
import type { CanvasPosition, EditOf, SingleFlowEdit, StickyNote } from './flow-edit.js';
import { insertAt, ownValue, replaceAt, withKey } from './immutable.js';
import { type Applied, fail, indexError, isInsertIndex, type OpOutcome } from './op-outcome.js';

/**
 * The flow with `layout` replaced; an undefined layout removes the member rather than holding `undefined`.
 *
 * @example
 * withLayout(flow, { nodes: { map: { x: 0, y: 0 } } });
 */
export function withLayout(flow: FlowDefinition, layout: FlowLayout | undefined): FlowDefinition {
  return withKey(flow, 'layout', layout);
}

/**
 * Whether a value is a usable canvas position (two finite numbers).
 *
 * @example
 * isPosition({ x: 10, y: Number.NaN }); // false
 */
export function isPosition(value: unknown): value is CanvasPosition {
  return isRecord(value) && Number.isFinite(value.x) && Number.isFinite(value.y);
}

/**
 * The layout with a node placed at `position` (containers are created as needed).
 *
 * @example
 * placeNode(undefined, 'map', { x: 0, y: 80 }); // { nodes: { map: { x: 0, y: 80 } } }
 */
export function placeNode(
  layout: FlowLayout | undefined,
  nodeId: string,
  position: CanvasPosition,
): FlowLayout {
  // Only x and y: the layout schema allows nothing else in a node entry.
  return { ...layout, nodes: withKey(layout?.nodes ?? {}, nodeId, { x: position.x, y: position.y }) };
}

/**
 * The layout without a node's entry; empty containers are kept, undo restores them exactly.
 *
 * @example
 * unplaceNode({ nodes: { map: { x: 0, y: 0 } } }, 'map'); // { nodes: {} }
 */
export function unplaceNode(layout: FlowLayout | undefined, nodeId: string): FlowLayout | undefined {
  if (layout?.nodes === undefined || !Object.hasOwn(layout.nodes, nodeId)) return layout;
  return { ...layout, nodes: withKey(layout.nodes, nodeId, undefined) };
}

/**
 * The layout with a node's entry moved to its new id, keeping the key order of the canvas file.
 *
 * @example
 * renameInLayout({ nodes: { a: { x: 0, y: 0 } } }, 'a', 'b'); // { nodes: { b: { x: 0, y: 0 } } }
 */
export function renameInLayout(
  layout: FlowLayout | undefined,
  from: string,
  to: string,
): FlowLayout | undefined {
  if (layout?.nodes === undefined || !Object.hasOwn(layout.nodes, from)) return layout;
  const entries = Object.entries(layout.nodes)
    .filter(([id]) => id !== to)
    .map(([id, position]) => [id === from ? to : id, position] as const);
  return { ...layout, nodes: Object.fromEntries(entries) };
}

/**
 * Places a node on the canvas; the node must exist.
 *
 * @example
 * moveNode(flow, { op: 'moveNode', nodeId: 'map', position: { x: 40, y: 120 } });
 */
export function moveNode(flow: FlowDefinition, edit: EditOf<'moveNode'>): OpOutcome<Applied> {
  if (!flow.nodes.some((node) => node.id === edit.nodeId)) {
    return fail('node-not-found', `The node "${edit.nodeId}" does not exist, so it cannot be moved.`);
  }
  if (!isPosition(edit.position)) return fail('invalid-value', 'A position needs finite numbers x and y.');
  const previous = ownValue(flow.layout?.nodes, edit.nodeId);
  return {
    ok: true,
    value: {
      flow: withLayout(flow, placeNode(flow.layout, edit.nodeId, edit.position)),
      inverse: previous === undefined ? [] : [{ op: 'moveNode', nodeId: edit.nodeId, position: previous }],
    },
  };
}

/**
 * Replaces the sticky note with the same id in place, or inserts it.
 *
 * @example
 * setNote(flow, { op: 'setNote', note: { id: 'todo', text: 'Ask finance', x: 0, y: 0 } });
 */
export function setNote(flow: FlowDefinition, edit: EditOf<'setNote'>): OpOutcome<Applied> {
  const { note } = edit;
  if (!isRecord(note) || typeof note.id !== 'string' || note.id === '') {
    return fail('invalid-id', 'A sticky note needs a non-empty id.');
  }
  const notes: StickyNote[] = flow.layout?.notes ?? [];
  const existing = notes.findIndex((candidate) => candidate.id === note.id);
  const old = notes[existing];
  if (old !== undefined) {
    return {
      ok: true,
      value: {
        flow: withLayout(flow, { ...flow.layout, notes: replaceAt(notes, existing, note) }),
        inverse: [{ op: 'setNote', note: old }],
      },
    };
  }
  const index = edit.index ?? notes.length;
  if (!isInsertIndex(index, notes.length)) return indexError(index, notes.length);
  return {
    ok: true,
    value: {
      flow: withLayout(flow, { ...flow.layout, notes: insertAt(notes, index, note) }),
      inverse: [{ op: 'removeNote', noteId: note.id }],
    },
  };
}

/**
 * Removes a sticky note by id.
 *
 * @example
 * removeNote(flow, { op: 'removeNote', noteId: 'todo' });
 */
export function removeNote(flow: FlowDefinition, edit: EditOf<'removeNote'>): OpOutcome<Applied> {
  const notes = flow.layout?.notes ?? [];
  const index = notes.findIndex((note) => note.id === edit.noteId);
  const old = notes[index];
  if (old === undefined)
    return fail('note-not-found', `There is no sticky note "${edit.noteId}" on this canvas.`);
  return {
    ok: true,
    value: {
      flow: withLayout(flow, { ...flow.layout, notes: notes.filter((_, i) => i !== index) }),
      inverse: [{ op: 'setNote', note: old, index }],
    },
  };
}

/**
 * Replaces the whole layout (auto-arrange, or an exact undo); without one the member is removed.
 *
 * @example
 * setLayout(flow, { op: 'setLayout', layout: { nodes: { map: { x: 0, y: 0 } } } });
 */
export function setLayout(flow: FlowDefinition, edit: EditOf<'setLayout'>): OpOutcome<Applied> {
  if (edit.layout !== undefined && !isRecord(edit.layout))
    return fail('invalid-value', 'A layout must be an object.');
  const inverse: SingleFlowEdit =
    flow.layout === undefined ? { op: 'setLayout' } : { op: 'setLayout', layout: flow.layout };
  return { ok: true, value: { flow: withLayout(flow, edit.layout), inverse: [inverse] } };
}
