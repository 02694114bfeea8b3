import type { CredentialField } from '../api/types.js';

export interface CredentialForm {
  id: string;
  type: string;
  name: string;
  /** Field name → what was typed; an empty string means "not given". */
  values: Record<string, string>;
  allowedHosts: string;
  maxConcurrency: string;
}

/** Hosts typed one per line or separated by commas or spaces. */
export function parseHosts(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,]+/)
        .map((host) => host.trim())
        .filter(Boolean),
    ),
  ];
}

/**
 * The request body for creating (POST) or changing (PATCH) a credential. Values are write-only:
 * on a change, a field left empty keeps what is stored, so only typed fields are sent.
 *
 * @example
 * credentialBody(form, fields, 'edit'); // { name, values: { apiKey: 'new' }, allowedHosts, maxConcurrency }
 */
export function credentialBody(
  form: CredentialForm,
  fields: CredentialField[],
  mode: 'create' | 'edit',
): Record<string, unknown> {
  const values: Record<string, string> = {};
  for (const field of fields) {
    const value = form.values[field.name] ?? '';
    if (value !== '') values[field.name] = value;
  }
  const limit = form.maxConcurrency.trim();
  const common = {
    name: form.name.trim(),
    allowedHosts: parseHosts(form.allowedHosts),
    maxConcurrency: limit === '' ? null : Number(limit),
  };
  if (mode === 'create') return { id: form.id.trim(), type: form.type, ...common, values };
  return { ...common, ...(Object.keys(values).length > 0 ? { values } : {}) };
}
