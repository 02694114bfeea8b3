import { useState } from 'react';
import { FieldNotes } from './field-parts.js';
import { fieldTemplates, type JsonSchema, templateFor } from './json-schema.js';
import { JsonataEditor } from './jsonata-editor.js';

/**
 * A JSONata field of a config: the editor with its live preview, its notes, and, when the schema
 * names templates (`x-templates`, e.g. the EDI nodes' shipped maps), a way to start from one.
 *
 * @example
 * <JsonataField label="expression" schema={schema} value={config.expression} siblings={config}
 *   pointer="/expression" required={false} messages={[]} sample={pinned} onChange={(v) => set('/expression', v)} />
 */
export function JsonataField(props: {
  label: string;
  schema: JsonSchema;
  value: unknown;
  siblings: Record<string, unknown> | undefined;
  pointer: string;
  required: boolean;
  messages: string[];
  sample: unknown;
  onChange: (value: unknown) => void;
}) {
  const { label, schema, pointer, required, messages, onChange } = props;
  const text = typeof props.value === 'string' ? props.value : '';
  const templates = fieldTemplates(schema);
  const template = templates ? templateFor(templates, props.siblings) : undefined;
  return (
    <div className="field">
      <JsonataEditor label={label} value={text} sample={props.sample} onChange={onChange} />
      {template ? (
        <TemplateActions label={label} text={text} template={template} onChange={onChange} />
      ) : null}
      <FieldNotes
        id={pointer}
        schema={schema}
        messages={messages}
        extra={required ? ' Required.' : undefined}
      />
    </div>
  );
}

/**
 * An empty field offers to start from the template; a changed one to go back to it, after asking,
 * since that throws the changes away. Either is one edit through `onChange`, so Undo takes it back.
 */
function TemplateActions(props: {
  label: string;
  text: string;
  template: { id: string; text: string };
  onChange: (value: unknown) => void;
}) {
  const { label, text, template, onChange } = props;
  const [asking, setAsking] = useState(false);
  if (text.trim() === '') {
    return (
      <div className="template-actions">
        <button type="button" onClick={() => onChange(template.text)}>
          Start from the shipped map {template.id}
        </button>
      </div>
    );
  }
  if (text === template.text) {
    return (
      <div className="template-actions">
        <span className="field-hint">
          The shipped map <code>{template.id}</code>, unchanged.
        </span>
      </div>
    );
  }
  if (!asking) {
    return (
      <div className="template-actions">
        <button type="button" className="link" onClick={() => setAsking(true)}>
          Reset to the shipped map
        </button>
      </div>
    );
  }
  return (
    <div className="template-actions">
      <span>
        Replace your {label} with the shipped map <code>{template.id}</code>? Undo brings yours back.
      </span>
      <button
        type="button"
        className="danger"
        onClick={() => {
          setAsking(false);
          onChange(template.text);
        }}
      >
        Yes, reset
      </button>
      <button type="button" onClick={() => setAsking(false)}>
        Keep mine
      </button>
    </div>
  );
}
