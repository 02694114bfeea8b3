import { useEffect, useState } from 'react';
import { useEditor, useEditorStore } from './editor-context.js';
import './editor.css';

export interface EditorToolbarProps {
  canWrite: boolean;
  canDeploy: boolean;
  busy: boolean;
  notice: string | undefined;
  onSave: () => void;
  onDeploy: () => void;
  onArrange: () => void;
  onAddNote: () => void;
  onVersions: () => void;
}

/** The editor's toolbar: the flow name, save and deploy, undo and redo, layout and versions. */
export function EditorToolbar(props: EditorToolbarProps) {
  const store = useEditorStore();
  const name = useEditor((state) => state.flow.name);
  const dirty = useEditor((state) => state.dirty);
  const canUndo = useEditor((state) => state.canUndo);
  const canRedo = useEditor((state) => state.canRedo);
  const readOnly = useEditor((state) => state.readOnly);
  const editable = props.canWrite && !readOnly;
  const [draftName, setDraftName] = useState(name);
  useEffect(() => setDraftName(name), [name]);

  const rename = () => {
    const trimmed = draftName.trim();
    if (trimmed && trimmed !== name) store.getState().apply({ op: 'setMeta', patch: { name: trimmed } });
    else setDraftName(name);
  };
  return (
    <div className="wb-toolbar" role="toolbar" aria-label="Flow editor">
      <input
        className="wb-name"
        aria-label="Flow name"
        value={draftName}
        readOnly={!editable}
        onChange={(event) => setDraftName(event.target.value)}
        onBlur={rename}
        onKeyDown={(event) => {
          if (event.key === 'Enter') event.currentTarget.blur();
        }}
      />
      {dirty ? <span className="muted">Unsaved changes</span> : null}
      <button type="button" className="primary" disabled={!editable || props.busy} onClick={props.onSave}>
        Save
      </button>
      {props.canDeploy ? (
        <button type="button" disabled={props.busy || readOnly} onClick={props.onDeploy}>
          Deploy
        </button>
      ) : null}
      <button
        type="button"
        disabled={!canUndo || readOnly}
        onClick={() => store.getState().undo()}
        title="Ctrl+Z"
      >
        Undo
      </button>
      <button
        type="button"
        disabled={!canRedo || readOnly}
        onClick={() => store.getState().redo()}
        title="Ctrl+Shift+Z"
      >
        Redo
      </button>
      <button type="button" disabled={!editable} onClick={props.onArrange}>
        Arrange
      </button>
      <button type="button" disabled={!editable} onClick={props.onAddNote}>
        Add note
      </button>
      <button type="button" onClick={props.onVersions}>
        Versions
      </button>
      <span className="spacer" />
      {props.notice ? (
        <span className="saved-note" role="status">
          {props.notice}
        </span>
      ) : null}
    </div>
  );
}
