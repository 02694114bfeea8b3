import type { FlowDefinition } from '../schema/flow-schema.js';
import { applyEdit } from './apply-edit.js';
import type { EditResult, FlowEdit } from './flow-edit.js';

/**
 * Undo and redo over `applyEdit`. The history holds edits, not flows: the caller keeps the current flow
 * (in its store) and passes it in, so the same history works for the canvas and for tests.
 */
export interface EditHistory {
  /** Applies the edit; when it succeeds, records its inverse and forgets everything that could be redone. */
  apply(flow: FlowDefinition, edit: FlowEdit): EditResult;
  /** The flow before the last recorded edit; undefined when there is nothing to undo or it no longer applies. */
  undo(flow: FlowDefinition): FlowDefinition | undefined;
  /** The flow after re-applying the last undone edit; undefined when there is nothing to redo or it no longer applies. */
  redo(flow: FlowDefinition): FlowDefinition | undefined;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  /** Forgets everything, e.g. after loading another revision. */
  clear(): void;
}

export interface HistoryOptions {
  /** How many edits can be undone; the oldest are dropped beyond it. Default 200. */
  limit?: number;
}

interface Entry {
  edit: FlowEdit;
  inverse: FlowEdit;
}

/**
 * Creates an undo/redo history.
 *
 * @example
 * const history = createHistory();
 * const result = history.apply(flow, { op: 'removeNode', nodeId: 'legacy' });
 * if (result.ok) {
 *   const restored = history.undo(result.flow); // the flow with 'legacy' and its edges back
 *   const again = restored && history.redo(restored); // 'legacy' removed again
 * }
 */
export function createHistory(options: HistoryOptions = {}): EditHistory {
  const limit = Math.max(1, options.limit ?? 200);
  const done: Entry[] = [];
  const undone: Entry[] = [];
  return {
    apply(flow, edit) {
      const result = applyEdit(flow, edit);
      if (!result.ok) return result;
      done.push({ edit, inverse: result.inverse });
      if (done.length > limit) done.shift();
      undone.length = 0;
      return result;
    },
    undo(flow) {
      const entry = done.at(-1);
      if (!entry) return undefined;
      // A failed inverse means the flow changed outside this history; the entry stays so nothing is lost.
      const result = applyEdit(flow, entry.inverse);
      if (!result.ok) return undefined;
      done.pop();
      undone.push(entry);
      return result.flow;
    },
    redo(flow) {
      const entry = undone.at(-1);
      if (!entry) return undefined;
      const result = applyEdit(flow, entry.edit);
      if (!result.ok) return undefined;
      undone.pop();
      done.push({ edit: entry.edit, inverse: result.inverse });
      return result.flow;
    },
    get canUndo() {
      return done.length > 0;
    },
    get canRedo() {
      return undone.length > 0;
    },
    clear() {
      done.length = 0;
      undone.length = 0;
    },
  };
}
