import type { EditResult, FlowDefinition, FlowEdit } from '@waybill/flow';
import { createHistory } from '@waybill/flow';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Problem } from '../api/client.js';
import type { RunRecord } from './run-record.js';

export interface EditorState {
  /** The definition on the canvas, saved or not. */
  flow: FlowDefinition;
  /** The last saved (or loaded) definition; `dirty` compares against it. */
  saved: FlowDefinition;
  dirty: boolean;
  /** An older version opened to look at: every edit is refused. */
  readOnly: boolean;
  /** Selected canvas ids: node ids, `trigger`, or `note:<id>` for sticky notes. */
  selection: string[];
  canUndo: boolean;
  canRedo: boolean;
  /** The execution record of the last test run, set by the test-run panel. */
  lastRun: RunRecord | undefined;
  /** The problems of the last failed save or test run. */
  problems: Problem[];
  /** The sentence of the last refused edit, for the canvas to show. */
  lastEditError: string | undefined;
  /** Applies a typed edit (the only way the flow changes) and records it for undo. */
  apply(edit: FlowEdit): EditResult;
  undo(): void;
  redo(): void;
  select(ids: readonly string[]): void;
  setLastRun(run: RunRecord | undefined): void;
  setProblems(problems: Problem[]): void;
  /** After a save of `flow` (default: the flow on the canvas); edits made while saving stay dirty. */
  markSaved(flow?: FlowDefinition): void;
  /** Replaces everything, e.g. when another version is opened; the history is forgotten. */
  load(flow: FlowDefinition, options?: { readOnly?: boolean; saved?: FlowDefinition }): void;
}

export type EditorStore = StoreApi<EditorState>;

export interface EditorInit {
  flow: FlowDefinition;
  readOnly?: boolean;
  /** A restored draft starts dirty: it differs from what is saved. */
  saved?: FlowDefinition;
}

/**
 * The state of one open flow editor. A factory (not a module singleton) so two editors, or two
 * tests, never share a history.
 *
 * @example
 * const store = createEditorStore({ flow });
 * const result = store.getState().apply({ op: 'setMeta', patch: { name: 'Orders v2' } });
 * store.getState().undo(); // the name is back
 */
export function createEditorStore(initial: EditorInit): EditorStore {
  const history = createHistory({ limit: 500 });
  const saved = initial.saved ?? initial.flow;
  return createStore<EditorState>()((set, get) => {
    // Undo can lead back to the saved content without reaching the same object, so compare by value.
    const changed = (flow: FlowDefinition) => flow !== get().saved && !sameJson(flow, get().saved);
    const after = (flow: FlowDefinition) => ({
      flow,
      dirty: changed(flow),
      canUndo: history.canUndo,
      canRedo: history.canRedo,
      lastEditError: undefined,
    });
    return {
      flow: initial.flow,
      saved,
      dirty: !sameJson(initial.flow, saved),
      readOnly: initial.readOnly ?? false,
      selection: [],
      canUndo: false,
      canRedo: false,
      lastRun: undefined,
      problems: [],
      lastEditError: undefined,
      apply(edit) {
        if (get().readOnly) {
          const error = { code: 'invalid-value' as const, message: 'This version is open read-only.' };
          set({ lastEditError: error.message });
          return { ok: false, error };
        }
        const result = history.apply(get().flow, edit);
        if (!result.ok) {
          set({ lastEditError: result.error.message });
          return result;
        }
        const existing = new Set(result.flow.nodes.map((node) => node.id));
        const selection = get().selection.filter((id) => !isNodeId(id) || existing.has(id));
        set({
          ...after(result.flow),
          selection: sameList(selection, get().selection) ? get().selection : selection,
        });
        return result;
      },
      undo() {
        if (get().readOnly) return;
        const flow = history.undo(get().flow);
        if (flow) set(after(flow));
      },
      redo() {
        if (get().readOnly) return;
        const flow = history.redo(get().flow);
        if (flow) set(after(flow));
      },
      select(ids) {
        // React Flow reports selections in canvas order; the same set in another order is no change.
        if (!sameList([...ids].sort(), [...get().selection].sort())) set({ selection: [...ids] });
      },
      setLastRun(run) {
        set({ lastRun: run });
      },
      setProblems(problems) {
        set({ problems });
      },
      markSaved(flow) {
        const saved = flow ?? get().flow;
        set({ saved, dirty: !sameJson(get().flow, saved), problems: [] });
      },
      load(flow, options = {}) {
        history.clear();
        const saved = options.saved ?? flow;
        set({
          flow,
          saved,
          dirty: !sameJson(flow, saved),
          readOnly: options.readOnly ?? false,
          selection: [],
          canUndo: false,
          canRedo: false,
          lastRun: undefined,
          problems: [],
          lastEditError: undefined,
        });
      },
    };
  });
}

/** Canvas ids that are flow nodes (not the trigger, not a note). */
const isNodeId = (id: string) => id !== 'trigger' && !id.startsWith('note:');

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, index) => value === b[index]);
}

function sameJson(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
