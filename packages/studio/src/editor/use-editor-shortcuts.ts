import type { CanvasPosition } from '@waybill/flow';
import { useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';
import { copyNodes, parseClipboard, pasteEdit } from './clipboard.js';
import type { EditorStore } from './editor-store.js';
import { CLIPBOARD_KEY } from './local-store.js';

/** Keys typed into a field belong to the field, not to the canvas. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target.isContentEditable ||
    target.closest('input, textarea, select, .cm-editor, [contenteditable="true"]') !== null
  );
}

/**
 * Undo/redo (Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y) and copy/paste of nodes (Ctrl+C, Ctrl+V) on the page.
 * Copies go to the system clipboard when the browser allows it and always to localStorage, so a
 * paste works in another flow, or in a browser that refuses clipboard reads.
 *
 * @example
 * useEditorShortcuts(store);
 */
export function useEditorShortcuts(store: EditorStore): void {
  const reactFlow = useReactFlow();
  useEffect(() => {
    const copy = () => {
      const { flow, selection } = store.getState();
      const positions: Record<string, CanvasPosition> = {};
      for (const node of reactFlow.getNodes()) positions[node.id] = node.position;
      const payload = copyNodes(flow, selection, positions);
      if (!payload) return false;
      const text = JSON.stringify(payload);
      localStorage.setItem(CLIPBOARD_KEY, text);
      navigator.clipboard?.writeText(text).catch(() => undefined);
      return true;
    };
    const paste = async () => {
      let text: string | undefined;
      try {
        text = await navigator.clipboard?.readText();
      } catch {
        text = undefined;
      }
      const payload = parseClipboard(text) ?? parseClipboard(localStorage.getItem(CLIPBOARD_KEY));
      if (!payload) return;
      const { edit, ids } = pasteEdit(store.getState().flow, payload);
      if (store.getState().apply(edit).ok) store.getState().select(ids);
    };
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || isTyping(event.target)) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) store.getState().undo();
      else if ((key === 'z' && event.shiftKey) || key === 'y') store.getState().redo();
      else if (key === 'c') {
        if (!copy()) return;
      } else if (key === 'v') void paste();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store, reactFlow]);
}
