import type { CredentialField, CredentialMeta } from '../api/types.js';

export interface CredentialForm {
  id: string;
  type: string;
  name: string;
  /** Field name → what the field holds; an empty string means "not given". */
  values: Record<string, string>;
  allowedHosts: string;
  maxConcurrency: string;
}

/**
 * Hosts typed one per line or separated by commas or spaces.
 *
 * @example
 * parseHosts('127.0.0.1, localhost'); // ['127.0.0.1', 'localhost']
 */
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
 * Whether the form can show this field's stored value: the server returns the values of
 * non-secret fields as `settings` (servers before that returned none, so nothing is known).
 *
 * @example
 * showsStoredValue({ name: 'url', label: 'URL', secret: false, required: true }, odooMain); // true
 */
export function showsStoredValue(field: CredentialField, existing: CredentialMeta | undefined): boolean {
  return existing?.settings !== undefined && !field.secret;
}

/**
 * The form's starting state: empty for a new credential; for a change, the stored metadata and
 * the non-secret settings, while secret fields stay blank (their values never leave the server).
 *
 * @example
 * initialCredentialForm('edi-x12-partner', partner); // { …, values: { ourId: '999999999', … } }
 */
export function initialCredentialForm(type: string, existing?: CredentialMeta): CredentialForm {
  return {
    id: existing?.id ?? '',
    type: existing?.type ?? type,
    name: existing?.name ?? '',
    values: { ...(existing?.settings ?? {}) },
    allowedHosts: existing?.allowedHosts.join('\n') ?? '',
    maxConcurrency: existing?.maxConcurrency ? String(existing.maxConcurrency) : '',
  };
}

/**
 * The request body for creating (POST) or changing (PATCH) a credential. A change sends only
 * what differs from what is stored, so the audit log names exactly the fields changed: a setting
 * edited (null when cleared, which removes it), a secret only when one was typed (blank keeps the
 * stored one), and the name, hosts and limit only when they changed. An empty object: no change.
 *
 * @example
 * credentialBody(form, fields);           // POST: { id, type, name, values, allowedHosts, maxConcurrency }
 * credentialBody(form, fields, existing); // PATCH: { values: { partnerId: '4405197800' } }
 */
export function credentialBody(
  form: CredentialForm,
  fields: CredentialField[],
  existing?: CredentialMeta,
): Record<string, unknown> {
  const limit = form.maxConcurrency.trim();
  const common = {
    name: form.name.trim(),
    allowedHosts: parseHosts(form.allowedHosts),
    maxConcurrency: limit === '' ? null : Number(limit),
  };
  if (!existing) {
    const values: Record<string, string> = {};
    for (const field of fields) {
      const value = form.values[field.name] ?? '';
      if (value !== '') values[field.name] = value;
    }
    return { id: form.id.trim(), type: form.type, ...common, values };
  }
  const values: Record<string, string | null> = {};
  for (const field of fields) {
    const value = form.values[field.name] ?? '';
    if (showsStoredValue(field, existing)) {
      const stored = existing.settings?.[field.name] ?? '';
      if (value !== stored) values[field.name] = value === '' ? null : value;
    } else if (value !== '') values[field.name] = value;
  }
  const body: Record<string, unknown> = {};
  if (common.name !== existing.name) body.name = common.name;
  if (common.allowedHosts.join('\n') !== existing.allowedHosts.join('\n'))
    body.allowedHosts = common.allowedHosts;
  if (common.maxConcurrency !== existing.maxConcurrency) body.maxConcurrency = common.maxConcurrency;
  if (Object.keys(values).length > 0) body.values = values;
  return body;
}
