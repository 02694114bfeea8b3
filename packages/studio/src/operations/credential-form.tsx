import { type FormEvent, useState } from 'react';
import { api } from '../api/client.js';
import type { CredentialMeta, CredentialTypeManifest } from '../api/types.js';
import { ErrorBanner } from '../ui/error-banner.js';
import {
  credentialBody,
  type CredentialForm as FormState,
  initialCredentialForm,
  showsStoredValue,
} from './credential-body.js';

/**
 * Creating or changing a credential, with the fields its type declares. Secret values are
 * write-only: the server never returns them, so they start blank and a blank one keeps what is
 * stored. The other fields (a URL, a login, a partner's ids) start from their stored values, and
 * a change sends only what differs. Secret fields are password inputs.
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
  const [form, setForm] = useState<FormState>(() => initialCredentialForm(types[0]?.type ?? '', existing));
  const [error, setError] = useState<unknown>();
  const [unchanged, setUnchanged] = useState(false);
  const [busy, setBusy] = useState(false);
  const type = types.find((t) => t.type === form.type);
  const fields = type?.fields ?? [];
  const set = (patch: Partial<FormState>) => {
    setUnchanged(false);
    setForm((previous) => ({ ...previous, ...patch }));
  };
  const anySecret = fields.some((field) => !showsStoredValue(field, existing));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = credentialBody(form, fields, existing);
    if (existing && Object.keys(body).length === 0) {
      setUnchanged(true);
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
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
      {existing && anySecret ? (
        <p className="hint">
          {existing.settings
            ? 'Secret values are never shown: leave a secret field blank to keep what is stored.'
            : 'Stored values are never shown. Leave a field empty to keep what is stored.'}
        </p>
      ) : null}
      {fields.map((field) => {
        // A field showing its stored value is cleared on purpose; one that cannot is blank to keep.
        const known = !existing || showsStoredValue(field, existing);
        return (
          <label key={field.name}>
            {field.label}
            {field.required && known ? ' (required)' : ''}
            <input
              type={field.secret ? 'password' : 'text'}
              autoComplete={field.secret ? 'new-password' : 'off'}
              value={form.values[field.name] ?? ''}
              onChange={(e) => set({ values: { ...form.values, [field.name]: e.target.value } })}
              required={field.required && known}
              placeholder={known ? undefined : field.secret ? 'leave blank to keep' : 'unchanged'}
            />
            {field.description ? <span className="hint">{field.description}</span> : null}
          </label>
        );
      })}
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
      {unchanged ? (
        <p className="hint" role="status">
          Nothing changed, so nothing was saved.
        </p>
      ) : null}
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
