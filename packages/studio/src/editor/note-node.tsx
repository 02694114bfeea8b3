import type { NodeProps } from '@xyflow/react';
import { memo, useEffect, useState } from 'react';
import type { NoteCanvasNode } from './canvas-model.js';
import { useEditorStore } from './editor-context.js';
import './editor.css';

/** A sticky note: its text is edited in place and stored with setNote when the field loses focus. */
export const NoteNodeView = memo(function NoteNodeView({ data, selected }: NodeProps<NoteCanvasNode>) {
  const store = useEditorStore();
  const [text, setText] = useState(data.text);
  useEffect(() => setText(data.text), [data.text]);

  const commit = () => {
    const note = store.getState().flow.layout?.notes?.find((entry) => entry.id === data.noteId);
    if (note && note.text !== text) store.getState().apply({ op: 'setNote', note: { ...note, text } });
  };
  return (
    <div className={`wb-note ${selected ? 'selected' : ''}`}>
      <div className="wb-note-head">
        <span>Note</span>
        {data.readOnly ? null : (
          <button
            type="button"
            className="link"
            aria-label="Remove note"
            onClick={() => store.getState().apply({ op: 'removeNote', noteId: data.noteId })}
          >
            ×
          </button>
        )}
      </div>
      <textarea
        className="nodrag nowheel"
        aria-label="Note text"
        value={text}
        readOnly={data.readOnly}
        onChange={(event) => setText(event.target.value)}
        onBlur={commit}
      />
    </div>
  );
});
