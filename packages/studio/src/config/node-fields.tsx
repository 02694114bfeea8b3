import { useEffect, useId, useState } from 'react';
import { FieldLabel } from './field-parts.js';
import { NODE_ID } from './node-json-edits.js';

/**
 * The node id, renamed when the field is left or Enter is pressed, not at every keystroke (each
 * rename rewrites the node's edges). Escape puts the current id back.
 *
 * @example
 * <IdField id="map" messages={[]} onRename={(newId) => onEdit({ op: 'renameNode', nodeId: 'map', newId })} />
 */
export function IdField(props: { id: string; messages: string[]; onRename: (newId: string) => void }) {
  const inputId = useId();
  const [draft, setDraft] = useState(props.id);
  useEffect(() => setDraft(props.id), [props.id]);
  const invalid = draft !== props.id && !NODE_ID.test(draft);
  const commit = () => {
    if (draft !== props.id && !invalid) props.onRename(draft);
  };
  const rule = 'An id starts with a letter or _ and holds only letters, digits, _ and - (64 at most).';
  const messages = invalid ? [rule, ...props.messages] : props.messages;
  return (
    <div className="field">
      <FieldLabel htmlFor={inputId} text="id" required />
      <input
        id={inputId}
        type="text"
        value={draft}
        required
        spellCheck={false}
        aria-invalid={messages.length > 0 || undefined}
        aria-describedby={`${inputId}-hint`}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
          if (event.key === 'Escape') setDraft(props.id);
        }}
      />
      <span className="field-hint" id={`${inputId}-hint`}>
        Edges and expressions name the node by its id; renaming rewrites its edges (not the expressions).
      </span>
      {messages.length > 0 && <span className="field-error">{messages.join(' ')}</span>}
    </div>
  );
}

/**
 * A plain text field of the node itself (name, notes); clearing it removes the field.
 *
 * @example
 * <NodeTextField label="notes" multiline value={node.notes} onChange={(notes) => update({ notes })} />
 */
export function NodeTextField(props: {
  label: string;
  hint?: string;
  placeholder?: string;
  multiline?: boolean;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
}) {
  const id = useId();
  const common = {
    id,
    value: props.value ?? '',
    placeholder: props.placeholder,
    'aria-describedby': props.hint ? `${id}-hint` : undefined,
    onChange: (event: { target: { value: string } }) => props.onChange(event.target.value || undefined),
  };
  return (
    <div className="field">
      <FieldLabel htmlFor={id} text={props.label} required={false} />
      {props.multiline ? <textarea rows={3} {...common} /> : <input type="text" {...common} />}
      {props.hint && (
        <span className="field-hint" id={`${id}-hint`}>
          {props.hint}
        </span>
      )}
    </div>
  );
}
