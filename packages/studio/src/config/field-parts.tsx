import type { ReactNode } from 'react';
import type { JsonSchema } from './json-schema.js';

/** What every generated field needs: where it writes, what to show under it, the sample for JSONata. */
export interface FieldContext {
  onSet: (pointer: string, value: unknown) => void;
  messagesAt: (pointer: string) => string[];
  sample: unknown;
}

/**
 * The label of a control, by id. Only the label text is inside the <label>, so a field is found by
 * exactly its label text; the required marker sits beside it (the control carries `required`).
 *
 * @example
 * <FieldLabel htmlFor={id} text="url" required />
 */
export function FieldLabel(props: { htmlFor: string; text: string; required: boolean }) {
  return (
    <div className="field-caption">
      <label htmlFor={props.htmlFor} className="field-label">
        {props.text}
      </label>
      {props.required && (
        <span className="required-mark" aria-hidden="true" title="Required">
          *
        </span>
      )}
    </div>
  );
}

/**
 * The caption of a group (a fieldset legend); the required marker is hidden from the accessible name so a field is
 * found by its label text alone.
 *
 * @example
 * <Caption text="url" required />
 */
export function Caption(props: { text: string; required: boolean }) {
  return (
    <span className="field-label">
      {props.text}
      {props.required && (
        <span className="required-mark" aria-hidden="true" title="Required">
          {' *'}
        </span>
      )}
    </span>
  );
}

/**
 * The description and the validation messages under a field, with ids for aria-describedby.
 *
 * @example
 * <FieldNotes id={id} schema={schema} messages={['Required.']} />
 */
export function FieldNotes(props: { id: string; schema: JsonSchema; messages: string[]; extra?: ReactNode }) {
  const { id, schema, messages } = props;
  const description = typeof schema.description === 'string' ? schema.description : undefined;
  const fallback =
    'default' in schema && schema.default !== undefined ? `Default: ${JSON.stringify(schema.default)}.` : '';
  return (
    <>
      {(description || fallback || props.extra) && (
        <span className="field-hint" id={`${id}-hint`}>
          {description} {fallback}
          {props.extra}
        </span>
      )}
      {messages.length > 0 && (
        <span className="field-error" id={`${id}-error`}>
          {messages.join(' ')}
        </span>
      )}
    </>
  );
}

/**
 * The aria attributes tying a control to its notes.
 *
 * @example
 * <input {...describedBy(id, messages)} />
 */
export function describedBy(id: string, messages: string[]) {
  return {
    'aria-describedby': `${id}-hint ${id}-error`,
    'aria-invalid': messages.length > 0 ? (true as const) : undefined,
  };
}
