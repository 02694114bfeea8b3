import { useEffect, useId, useState } from 'react';
import { Caption, describedBy, FieldLabel, FieldNotes } from './field-parts.js';
import type { JsonSchema } from './json-schema.js';

interface ControlProps<T> {
  label: string;
  schema: JsonSchema;
  required: boolean;
  value: T | undefined;
  messages: string[];
  onChange: (value: T | undefined) => void;
}

/**
 * A number field that keeps what is typed ("-", "1.") until it reads as a number; empty unsets it.
 *
 * @example
 * <NumberField label="timeoutMs" schema={{ type: 'integer' }} integer required={false} value={5} messages={[]} onChange={set} />
 */
export function NumberField(props: ControlProps<number> & { integer: boolean }) {
  const { label, schema, required, value, messages, onChange, integer } = props;
  const id = useId();
  const [draft, setDraft] = useState(value === undefined ? '' : String(value));
  useEffect(() => {
    setDraft((current) =>
      Number(current) === value && current !== '' ? current : value === undefined ? '' : String(value),
    );
  }, [value]);
  return (
    <div className="field">
      <FieldLabel htmlFor={id} text={label} required={required} />
      <input
        id={id}
        type="number"
        inputMode={integer ? 'numeric' : 'decimal'}
        step={integer ? 1 : 'any'}
        min={typeof schema.minimum === 'number' ? schema.minimum : undefined}
        max={typeof schema.maximum === 'number' ? schema.maximum : undefined}
        placeholder={'default' in schema ? String(schema.default) : undefined}
        value={draft}
        required={required}
        {...describedBy(id, messages)}
        onChange={(event) => {
          const text = event.target.value;
          setDraft(text);
          if (text.trim() === '') onChange(undefined);
          else if (Number.isFinite(Number(text))) onChange(Number(text));
        }}
      />
      <FieldNotes id={id} schema={schema} messages={messages} />
    </div>
  );
}

const show = (v: unknown) => (v === undefined ? '' : JSON.stringify(v, null, 2));

/**
 * A JSON text field for values the form cannot edit field by field (free-form objects, unions).
 * The value is written whenever the text parses; until then the parse error shows in place.
 *
 * @example
 * <JsonField label="schema" schema={{}} required value={{ type: 'object' }} messages={[]} onChange={set} />
 */
export function JsonField(props: ControlProps<unknown>) {
  const { label, schema, required, value, messages, onChange } = props;
  const id = useId();
  const [draft, setDraft] = useState(show(value));
  const [parseError, setParseError] = useState<string>();
  useEffect(() => {
    setDraft((current) => {
      try {
        if (current.trim() !== '' && JSON.stringify(JSON.parse(current)) === JSON.stringify(value))
          return current;
      } catch {
        // The draft does not parse; the new value replaces it.
      }
      return show(value);
    });
    setParseError(undefined);
  }, [value]);
  const all = parseError ? [parseError, ...messages] : messages;
  return (
    <div className="field">
      <FieldLabel htmlFor={id} text={label} required={required} />
      <textarea
        id={id}
        className="code"
        spellCheck={false}
        rows={Math.min(12, Math.max(3, draft.split('\n').length))}
        value={draft}
        required={required}
        placeholder="JSON"
        {...describedBy(id, all)}
        onChange={(event) => {
          const text = event.target.value;
          setDraft(text);
          if (text.trim() === '') {
            setParseError(undefined);
            onChange(undefined);
            return;
          }
          try {
            const parsed: unknown = JSON.parse(text);
            setParseError(undefined);
            onChange(parsed);
          } catch (error) {
            setParseError(`Not valid JSON: ${(error as Error).message}`);
          }
        }}
      />
      <FieldNotes id={id} schema={schema} messages={all} />
    </div>
  );
}

/**
 * Key/value rows for a record of strings (headers, query parameters).
 *
 * @example
 * <MapField label="headers" schema={schema} required={false} value={{ 'X-Site': 'DE1' }} messages={[]} onChange={set} />
 */
export function MapField(props: ControlProps<Record<string, unknown>>) {
  const { label, schema, required, messages, onChange } = props;
  const id = useId();
  const entries = Object.entries(props.value ?? {});
  const write = (next: Array<[string, unknown]>) =>
    onChange(next.length === 0 && !required ? undefined : Object.fromEntries(next));
  const freeKey = () => {
    let n = entries.length + 1;
    while (entries.some(([key]) => key === `key${n}`)) n++;
    return `key${n}`;
  };
  return (
    <fieldset className="field nested map-field" {...describedBy(id, messages)}>
      <legend>
        <Caption text={label} required={required} />
      </legend>
      {entries.map(([key, entry], index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the key text is being edited, so only the row index is stable.
        <div className="map-row" key={index}>
          <input
            aria-label={`${label} name ${index + 1}`}
            value={key}
            onChange={(event) => write(entries.map((e, i) => (i === index ? [event.target.value, e[1]] : e)))}
          />
          <input
            aria-label={`${label} value ${index + 1}`}
            value={typeof entry === 'string' ? entry : JSON.stringify(entry)}
            onChange={(event) => write(entries.map((e, i) => (i === index ? [e[0], event.target.value] : e)))}
          />
          <button
            type="button"
            className="icon"
            aria-label={`Remove ${label} ${key}`}
            onClick={() => write(entries.filter((_, i) => i !== index))}
          >
            ×
          </button>
        </div>
      ))}
      <button type="button" onClick={() => write([...entries, [freeKey(), '']])}>
        Add {label}
      </button>
      <FieldNotes id={id} schema={schema} messages={messages} />
    </fieldset>
  );
}
