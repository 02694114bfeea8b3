import type { Static } from '@sinclair/typebox';
import type {
  EdgeDefinition,
  FlowDefinition,
  FlowLayout,
  NodeDefinition,
  StickyNoteSchema,
  TriggerDefinition,
} from '../schema/flow-schema.js';

/** A sticky note on the canvas (`layout.notes[]`). */
export type StickyNote = Static<typeof StickyNoteSchema>;

/** A node's place on the canvas (`layout.nodes[id]`). */
export interface CanvasPosition {
  x: number;
  y: number;
}

/** The node fields `updateNode` may change; `id` and `config` have their own operations. */
export type NodePatch = Partial<Omit<NodeDefinition, 'id' | 'config'>>;

export interface MetaPatch {
  name?: string;
  description?: string;
}

/**
 * One change to a flow definition. The canvas, undo/redo and the server all speak these, so a change
 * made anywhere is applied by the same code (`applyEdit`).
 *
 * `setNodes`, `setEdges` and `setLayout` replace a whole part without checks. They exist so that every
 * inverse can be exact even for flows the validator would reject (dangling edges, stale layout entries,
 * odd ids), and they suit bulk changes such as auto-arranging the canvas; prefer the fine-grained ops.
 *
 * @example
 * const edit: FlowEdit = {
 *   op: 'batch',
 *   edits: [
 *     { op: 'addNode', node: { id: 'notify', type: 'core.code', config: { code: 'return input;' } } },
 *     { op: 'connect', edge: { from: 'check.invalid', to: 'notify' } },
 *   ],
 * };
 */
export type FlowEdit =
  /** `index` inserts at that position of `nodes[]` (default: the end); undo uses it to restore order. */
  | { op: 'addNode'; node: NodeDefinition; position?: CanvasPosition; index?: number }
  /** Also removes the node's edges and its layout entry. */
  | { op: 'removeNode'; nodeId: string }
  /** Rewrites the node's edges and layout entry; expressions naming the old id are left alone. */
  | { op: 'renameNode'; nodeId: string; newId: string }
  /** A key present with the value `undefined` removes that field. */
  | { op: 'updateNode'; nodeId: string; patch: NodePatch }
  /** `path` is a JSON pointer inside `config` ('' = the whole config); `value: undefined` removes. */
  | { op: 'setConfig'; nodeId: string; path: string; value: unknown }
  /** `index` inserts at that position of `edges[]` (default: the end). */
  | { op: 'connect'; edge: EdgeDefinition; index?: number }
  | { op: 'disconnect'; edge: EdgeDefinition }
  /** A key present with the value `undefined` removes that field (only `dedupe` and `businessKey` may go). */
  | { op: 'setTrigger'; patch: Partial<TriggerDefinition> }
  | { op: 'setMeta'; patch: MetaPatch }
  | { op: 'moveNode'; nodeId: string; position: CanvasPosition }
  /** Replaces the note with the same id in place, or inserts it at `index` (default: the end). */
  | { op: 'setNote'; note: StickyNote; index?: number }
  | { op: 'removeNote'; noteId: string }
  | { op: 'setNodes'; nodes: NodeDefinition[] }
  | { op: 'setEdges'; edges: EdgeDefinition[] }
  /** Without `layout` the flow's layout member is removed. */
  | { op: 'setLayout'; layout?: FlowLayout }
  /** Applied in order; when one fails, none is applied. */
  | { op: 'batch'; edits: FlowEdit[] };

export type FlowEditOp = FlowEdit['op'];

/** The edit type of one operation, e.g. `EditOf<'connect'>`. */
export type EditOf<Op extends FlowEditOp> = Extract<FlowEdit, { op: Op }>;

/** Every edit except `batch`: the ones one handler applies directly. */
export type SingleFlowEdit = Exclude<FlowEdit, { op: 'batch' }>;

export type EditErrorCode =
  | 'node-not-found'
  | 'node-exists'
  | 'edge-exists'
  | 'edge-not-found'
  | 'note-not-found'
  | 'invalid-path'
  | 'invalid-id'
  | 'invalid-patch'
  | 'invalid-value'
  | 'invalid-index'
  | 'unknown-op';

export interface EditError {
  code: EditErrorCode;
  /** A sentence the canvas can show as it is. */
  message: string;
  /** For an edit inside a batch: its index, then the index inside a nested batch, and so on. */
  at?: number[];
}

export type EditResult =
  | { ok: true; flow: FlowDefinition; inverse: FlowEdit }
  | { ok: false; error: EditError };
