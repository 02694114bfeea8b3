import { closeBrackets, closeBracketsKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { json, jsonParseLinter } from '@codemirror/lang-json';
import { bracketMatching, defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { linter, lintGutter } from '@codemirror/lint';
import { EditorView, keymap, lineNumbers } from '@codemirror/view';
import type { FlowEdit, NodeDefinition } from '@waybill/flow';
import { useEffect, useRef, useState } from 'react';
import { nodeJsonEdits } from './node-json-edits.js';
import { useCodeMirror } from './use-code-mirror.js';

const show = (node: NodeDefinition) => JSON.stringify(node, null, 2);

/**
 * The whole node as JSON in a CodeMirror editor. Apply turns the text into edits; the draft follows
 * the node while it is unchanged, and is kept (with a note) when the node changes under it.
 *
 * @example
 * <RawNodeJson node={node} onEdit={onEdit} />
 */
export function RawNodeJson(props: { node: NodeDefinition; onEdit: (edit: FlowEdit) => void }) {
  const { node, onEdit } = props;
  const [draft, setDraft] = useState(() => show(node));
  const [error, setError] = useState<string>();
  const [note, setNote] = useState<string>();
  const shown = useRef(show(node));
  const draftRef = useRef(draft);
  draftRef.current = draft;

  const { parent, view } = useCodeMirror({
    value: draft,
    onChange: (text) => {
      setDraft(text);
      setError(undefined);
      setNote(undefined);
    },
    extensions: [
      history(),
      lineNumbers(),
      bracketMatching(),
      closeBrackets(),
      json(),
      syntaxHighlighting(defaultHighlightStyle),
      linter(jsonParseLinter()),
      lintGutter(),
      keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...historyKeymap]),
      EditorView.contentAttributes.of({ 'aria-label': 'Node JSON' }),
    ],
  });

  useEffect(() => {
    const next = show(node);
    if (next === shown.current) return;
    if (draftRef.current === shown.current) setDraft(next);
    else setNote('The node changed since you began editing; Reset shows the current node.');
    shown.current = next;
  }, [node]);

  const apply = () => {
    const result = nodeJsonEdits(node, draft);
    if (!result.ok) {
      setError(result.message);
      const editor = view.current;
      if (result.position !== undefined && editor) {
        const at = Math.min(result.position, editor.state.doc.length);
        editor.dispatch({ selection: { anchor: at }, scrollIntoView: true });
        editor.focus();
      }
      return;
    }
    setError(undefined);
    setNote(undefined);
    if (result.edit) onEdit(result.edit);
  };

  return (
    <div className="raw-json">
      <div className="cm-host cm-json" ref={parent} />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {note && <p className="banner warn">{note}</p>}
      <div className="row">
        <button type="button" className="primary" onClick={apply}>
          Apply JSON
        </button>
        <button
          type="button"
          onClick={() => {
            setDraft(show(node));
            setError(undefined);
            setNote(undefined);
          }}
        >
          Reset
        </button>
      </div>
    </div>
  );
}
