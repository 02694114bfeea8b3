import { useId } from 'react';
import { defaultValue } from './default-config.js';
import { JsonField, MapField, NumberField } from './field-controls.js';
import { Caption, describedBy, type FieldContext, FieldLabel, FieldNotes } from './field-parts.js';
import { childPointer, fieldLabel, fieldShape, isRecord, type JsonSchema } from './json-schema.js';
import { JsonataField } from './jsonata-field.js';

export type { FieldContext } from './field-parts.js';

/**
 * The fields of an object schema, one per property, each writing at its JSON pointer.
 *
 * @example
 * <ObjectFields schema={manifest.configSchema} value={node.config} pointer="" ctx={ctx} />
 */
export function ObjectFields(props: {
  schema: JsonSchema;
  value: unknown;
  pointer: string;
  ctx: FieldContext;
}) {
  const shape = fieldShape(props.schema);
  if (shape.kind !== 'object') return null;
  const value = isRecord(props.value) ? props.value : {};
  const entries = Object.entries(shape.properties);
  if (entries.length === 0) return <p className="muted">This type has no settings.</p>;
  return (
    <>
      {entries.map(([name, schema]) => (
        <Field
          key={name}
          name={name}
          schema={schema}
          value={value[name]}
          siblings={value}
          pointer={childPointer(props.pointer, name)}
          required={shape.required.includes(name)}
          ctx={props.ctx}
        />
      ))}
    </>
  );
}

interface FieldProps {
  name: string;
  schema: JsonSchema;
  value: unknown;
  /** The object holding this field, for fields that read a sibling (`x-templates` names one). */
  siblings?: Record<string, unknown>;
  pointer: string;
  required: boolean;
  ctx: FieldContext;
}

/**
 * One generated field, chosen by the schema's shape.
 *
 * @example
 * <Field name="url" schema={{ type: 'string' }} value="" pointer="/url" required ctx={ctx} />
 */
export function Field(props: FieldProps) {
  const { name, schema, value, pointer, required, ctx } = props;
  const label = fieldLabel(name, schema);
  const messages = ctx.messagesAt(pointer);
  const set = (next: unknown) => ctx.onSet(pointer, next);
  const shape = fieldShape(schema);
  const common = { label, schema, required, messages };
  switch (shape.kind) {
    case 'enum':
      return <EnumField {...common} options={shape.options} value={value} onChange={set} />;
    case 'boolean':
      return <BooleanField {...common} value={value} onChange={set} />;
    case 'number':
      return (
        <NumberField
          {...common}
          integer={shape.integer}
          value={typeof value === 'number' ? value : undefined}
          onChange={set}
        />
      );
    case 'string':
      if (shape.jsonata) {
        return (
          <JsonataField
            {...common}
            value={value}
            siblings={props.siblings}
            pointer={pointer}
            sample={ctx.sample}
            onChange={set}
          />
        );
      }
      return (
        <TextField
          {...common}
          multiline={shape.multiline || /\n/.test(String(value ?? ''))}
          code={shape.language !== undefined}
          value={value}
          onChange={set}
        />
      );
    case 'map':
      return <MapField {...common} value={isRecord(value) ? value : undefined} onChange={set} />;
    case 'object':
      if (!required && value === undefined) {
        // An absent optional object can mean something (no signature: unsigned), so it is added on purpose.
        return (
          <fieldset className="field nested">
            <legend>
              <Caption text={label} required={false} />
            </legend>
            <FieldNotes id={pointer} schema={schema} messages={messages} />
            <button type="button" onClick={() => set(defaultValue(schema))}>
              Add {label}
            </button>
          </fieldset>
        );
      }
      return (
        <fieldset className="field nested">
          <legend>
            <Caption text={label} required={required} />
          </legend>
          <FieldNotes id={pointer} schema={schema} messages={messages} />
          <ObjectFields schema={schema} value={value} pointer={pointer} ctx={ctx} />
          {!required && value !== undefined && (
            <button type="button" className="link" onClick={() => set(undefined)}>
              Remove {label}
            </button>
          )}
        </fieldset>
      );
    case 'array':
      return <ArrayField {...props} label={label} items={shape.items} messages={messages} />;
    case 'json':
      return <JsonField {...common} value={value} onChange={set} />;
  }
}

interface CommonProps {
  label: string;
  schema: JsonSchema;
  required: boolean;
  messages: string[];
  value: unknown;
  onChange: (value: unknown) => void;
}

function TextField(props: CommonProps & { multiline: boolean; code: boolean }) {
  const { label, schema, required, messages, value, onChange } = props;
  const id = useId();
  const text =
    typeof value === 'string' ? value : value === null ? '' : value === undefined ? '' : String(value);
  // An optional field cleared is removed, so its default applies; a required one stays, and says so.
  const write = (next: string) => onChange(next === '' && !required ? undefined : next);
  const placeholderText =
    value === null ? 'null' : typeof schema.default === 'string' ? schema.default : undefined;
  return (
    <div className="field">
      <FieldLabel htmlFor={id} text={label} required={required} />
      {props.multiline ? (
        <textarea
          id={id}
          className={props.code ? 'code' : undefined}
          spellCheck={!props.code}
          rows={props.code ? 8 : 4}
          value={text}
          required={required}
          placeholder={placeholderText}
          {...describedBy(id, messages)}
          onChange={(event) => write(event.target.value)}
        />
      ) : (
        <input
          id={id}
          type="text"
          value={text}
          required={required}
          placeholder={placeholderText}
          {...describedBy(id, messages)}
          onChange={(event) => write(event.target.value)}
        />
      )}
      <FieldNotes id={id} schema={schema} messages={messages} />
    </div>
  );
}

function EnumField(props: CommonProps & { options: unknown[] }) {
  const { label, schema, required, messages, value, onChange, options } = props;
  const id = useId();
  const index = options.findIndex((o) => JSON.stringify(o) === JSON.stringify(value));
  const hasDefault = 'default' in schema;
  return (
    <div className="field">
      <FieldLabel htmlFor={id} text={label} required={required} />
      <select
        id={id}
        value={index >= 0 ? String(index) : ''}
        required={required}
        {...describedBy(id, messages)}
        onChange={(event) =>
          onChange(event.target.value === '' ? undefined : options[Number(event.target.value)])
        }
      >
        {(index < 0 || !required) && (
          <option value="">
            {hasDefault ? `Default (${String(schema.default)})` : required ? 'Choose…' : 'Not set'}
          </option>
        )}
        {options.map((option, i) => (
          <option key={String(option)} value={String(i)}>
            {String(option)}
          </option>
        ))}
      </select>
      <FieldNotes id={id} schema={{ ...schema, default: undefined }} messages={messages} />
    </div>
  );
}

function BooleanField(props: CommonProps) {
  const { label, schema, required, messages, value, onChange } = props;
  const id = useId();
  const checked = typeof value === 'boolean' ? value : schema.default === true;
  return (
    <div className="field">
      <div className="check-row">
        <input
          id={id}
          type="checkbox"
          checked={checked}
          {...describedBy(id, messages)}
          onChange={(event) => onChange(event.target.checked)}
        />
        <label htmlFor={id} className="check">
          {label}
        </label>
        {required && (
          <span className="required-mark" aria-hidden="true">
            *
          </span>
        )}
      </div>
      <FieldNotes id={id} schema={schema} messages={messages} />
    </div>
  );
}

function ArrayField(props: FieldProps & { label: string; items: JsonSchema; messages: string[] }) {
  const { label, items, value, pointer, required, ctx, messages } = props;
  const list = Array.isArray(value) ? value : [];
  const itemShape = fieldShape(items);
  const add = () =>
    ctx.onSet(
      list.length === 0 ? pointer : childPointer(pointer, list.length),
      list.length === 0 ? [defaultValue(items)] : defaultValue(items),
    );
  const remove = (index: number) =>
    ctx.onSet(list.length === 1 && !required ? pointer : childPointer(pointer, index), undefined);
  return (
    <fieldset className="field nested">
      <legend>
        <Caption text={label} required={required} />
      </legend>
      <FieldNotes id={pointer} schema={props.schema} messages={messages} />
      {list.map((item, index) => {
        const itemLabel = `${label} ${index + 1}`;
        const at = childPointer(pointer, index);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: items have no identity of their own; the index is their pointer.
          <div className="array-item" key={index}>
            {itemShape.kind === 'object' ? (
              <fieldset className="nested">
                <legend>{itemLabel}</legend>
                <FieldNotes id={at} schema={{}} messages={ctx.messagesAt(at)} />
                <ObjectFields schema={items} value={item} pointer={at} ctx={ctx} />
              </fieldset>
            ) : (
              <Field
                name={itemLabel}
                schema={{ ...items, title: itemLabel, description: undefined }}
                value={item}
                pointer={at}
                required
                ctx={ctx}
              />
            )}
            <button type="button" className="link danger" onClick={() => remove(index)}>
              Remove {itemLabel}
            </button>
          </div>
        );
      })}
      <button type="button" onClick={add}>
        Add {label}
      </button>
    </fieldset>
  );
}
