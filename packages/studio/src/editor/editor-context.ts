import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { EditorState, EditorStore } from './editor-store.js';

/**
 * The open editor's store, for components React Flow renders (nodes, notes), which must not get
 * callbacks through their `data`.
 */
export const EditorStoreContext = createContext<EditorStore | null>(null);

/**
 * The editor store of the surrounding editor.
 *
 * @example
 * const store = useEditorStore(); store.getState().apply(edit);
 */
export function useEditorStore(): EditorStore {
  const store = useContext(EditorStoreContext);
  if (!store) throw new Error('useEditorStore needs an EditorStoreContext provider.');
  return store;
}

/**
 * A slice of the editor state; the component redraws only when that slice changes.
 *
 * @example
 * const dirty = useEditor((state) => state.dirty);
 */
export function useEditor<T>(selector: (state: EditorState) => T): T {
  return useStore(useEditorStore(), selector);
}
