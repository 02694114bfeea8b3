import { Annotation, EditorState, type Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { useEffect, useRef } from 'react';

/** Marks the transactions that copy `value` from props into the editor. */
const fromProps = Annotation.define<boolean>();

/**
 * Mounts one CodeMirror view for the life of the component. `extensions` are read once, at mount:
 * what changes later must reach the view through refs or compartments, so the view (its history,
 * selection and focus) survives re-renders. The document follows `value` only when it differs from
 * what the editor holds, so the editor's own edits echoing back do not move the cursor.
 *
 * @example
 * const { parent } = useCodeMirror({ value, onChange, extensions: [json()] });
 * return <div ref={parent} />;
 */
export function useCodeMirror(options: {
  value: string;
  onChange: (value: string) => void;
  extensions: Extension[];
}) {
  const parent = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const onChange = useRef(options.onChange);
  onChange.current = options.onChange;
  const initial = useRef(options);

  useEffect(() => {
    if (!parent.current) return;
    const { value, extensions } = initial.current;
    const created = new EditorView({
      parent: parent.current,
      state: EditorState.create({
        doc: value,
        extensions: [
          // The server allows <style> elements with this page's nonce and no other inline styles.
          EditorView.cspNonce.of(pageNonce()),
          ...extensions,
          EditorView.updateListener.of((update) => {
            // Documents set from props are not echoed back as changes.
            if (update.docChanged && !update.transactions.some((t) => t.annotation(fromProps))) {
              onChange.current(update.state.doc.toString());
            }
          }),
        ],
      }),
    });
    view.current = created;
    return () => {
      created.destroy();
      view.current = null;
    };
  }, []);

  useEffect(() => {
    const current = view.current;
    if (!current) return;
    const text = current.state.doc.toString();
    if (text === options.value) return;
    current.dispatch({
      changes: { from: 0, to: text.length, insert: options.value },
      annotations: fromProps.of(true),
    });
  }, [options.value]);

  return { parent, view };
}

function pageNonce(): string {
  return document.querySelector<HTMLMetaElement>('meta[name="csp-nonce"]')?.content ?? '';
}
