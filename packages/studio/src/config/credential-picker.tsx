import { useId } from 'react';
import type { CredentialMeta } from '../api/types.js';
import { describedBy, FieldLabel } from './field-parts.js';

/**
 * A select of the stored credentials whose type the node or trigger accepts. A reference to a
 * credential that is not in the list (deleted, or of another type) stays selectable, marked, so
 * the panel never silently changes it.
 *
 * @example
 * <CredentialPicker spec={{ types: ['odoo'], required: true }} credentials={list} value={node.credential} messages={[]} onChange={set} />
 */
export function CredentialPicker(props: {
  spec: { types: string[]; required: boolean } | undefined;
  credentials: CredentialMeta[];
  value: string | undefined;
  messages: string[];
  onChange: (value: string | undefined) => void;
}) {
  const { spec, credentials, value, messages, onChange } = props;
  const id = useId();
  const types = spec?.types ?? [];
  const usable = credentials.filter((c) => types.includes(c.type));
  const required = spec?.required ?? false;
  const stray = value !== undefined && !usable.some((c) => c.id === value);
  return (
    <div className="field">
      <FieldLabel htmlFor={id} text="credential" required={required} />
      <select
        id={id}
        value={value ?? ''}
        required={required}
        {...describedBy(id, messages)}
        onChange={(event) => onChange(event.target.value || undefined)}
      >
        <option value="">{required ? 'Choose a credential…' : 'None'}</option>
        {usable.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name} ({c.type})
          </option>
        ))}
        {stray && <option value={value}>{value} (not available)</option>}
      </select>
      <span className="field-hint" id={`${id}-hint`}>
        {usable.length === 0
          ? `No ${types.join(' or ')} credential is stored yet; add one on the Credentials page.`
          : `A credential of type ${types.join(' or ')}.`}
      </span>
      {messages.length > 0 && (
        <span className="field-error" id={`${id}-error`}>
          {messages.join(' ')}
        </span>
      )}
    </div>
  );
}
