import { type FormEvent, useState } from 'react';
import { api } from '../api/client.js';
import type { CredentialMeta, CredentialTypeManifest } from '../api/types.js';
import { ErrorBanner } from '../ui/error-banner.js';
import { credentialBody, type CredentialForm as FormState } from './credential-body.js';

/**
 * Creating or changing a credential, with the fields its type declares. Values are write-only:
 * the server never returns them, so nothing is prefilled and a field left empty on a change
 * keeps what is stored. Secret fields are password inputs.
 */
export function CredentialForm({
  types,
  existing,
  onSaved,
  onCancel,
}: {
  types: CredentialTypeManifest[];
  existing?: CredentialMeta;
  onSaved(meta: CredentialMeta): void;
  onCancel(): void;
}) {
  const mode = existing ? 'edit' : 'create';
  const [form, setForm] = useState<FormState>(() => ({
    id: existing?.id ?? '',
    type: existing?.type ?? types[0]?.type ?? '',
    name: existing?.name ?? '',
    values: {},
    allowedHosts: existing?.allowedHosts.join('\n') ?? '',
    maxConcurrency: existing?.maxConcurrency ? String(existing.maxConcurrency) : '',
  }));
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const type = types.find((t) => t.type === form.type);
  const fields = type?.fields ?? [];
  const set = (patch: Partial<FormState>) => setForm((previous) => ({ ...previous, ...patch }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const body = credentialBody(form, fields, mode);
      const meta = existing
        ? await api<CredentialMeta>('PATCH', `/api/credentials/${encodeURIComponent(existing.id)}`, body)
        : await api<CredentialMeta>('POST', '/api/credentials', body);
      onSaved(meta);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="card inline-form credential-form"
      onSubmit={submit}
      aria-label={existing ? `Edit credential ${existing.id}` : 'New credential'}
    >
      <h2>{existing ? `Edit ${existing.name}` : 'New credential'}</h2>
      <ErrorBanner error={error} />
      {existing ? null : (
        <>
          <label>
            Type
            <select value={form.type} onChange={(e) => set({ type: e.target.value, values: {} })} required>
              {types.map((t) => (
                <option key={t.type} value={t.type}>
                  {t.title} ({t.type})
                </option>
              ))}
            </select>
          </label>
          <label>
            Id (flows name it in their config)
            <input
              value={form.id}
              onChange={(e) => set({ id: e.target.value })}
              pattern="[a-z0-9][a-z0-9-]*"
              maxLength={100}
              required
            />
          </label>
        </>
      )}
      {type?.description ? <p className="hint">{type.description}</p> : null}
      <label>
        Name
        <input value={form.name} onChange={(e) => set({ name: e.target.value })} maxLength={200} required />
      </label>
      {existing ? (
        <p className="hint">Stored values are never shown. Leave a field empty to keep what is stored.</p>
      ) : null}
      {fields.map((field) => (
        <label key={field.name}>
          {field.label}
          {field.required && !existing ? ' (required)' : ''}
          <input
            type={field.secret ? 'password' : 'text'}
            autoComplete={field.secret ? 'new-password' : 'off'}
            value={form.values[field.name] ?? ''}
            onChange={(e) => set({ values: { ...form.values, [field.name]: e.target.value } })}
            required={field.required && !existing}
            placeholder={existing ? 'unchanged' : undefined}
          />
          {field.description ? <span className="hint">{field.description}</span> : null}
        </label>
      ))}
      <label>
        Allowed hosts (private or loopback hosts it may reach; one per line)
        <textarea
          rows={2}
          value={form.allowedHosts}
          onChange={(e) => set({ allowedHosts: e.target.value })}
          placeholder="127.0.0.1"
        />
      </label>
      <label>
        Max concurrency (calls at once; empty for no limit)
        <input
          type="number"
          min={1}
          max={10000}
          value={form.maxConcurrency}
          onChange={(e) => set({ maxConcurrency: e.target.value })}
        />
      </label>
      <div className="row">
        <button type="submit" className="primary" disabled={busy}>
          {existing ? 'Save changes' : 'Create credential'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
