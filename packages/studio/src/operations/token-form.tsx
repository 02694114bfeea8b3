import { type FormEvent, useState } from 'react';
import { api } from '../api/client.js';
import { ErrorBanner } from '../ui/error-banner.js';
import type { ApiToken } from './types.js';

/** Creating an API token; the server answers its secret this once. */
export function TokenForm({
  onCreated,
  onCancel,
}: {
  onCreated(answer: { token: ApiToken; secret: string }): void;
  onCancel(): void;
}) {
  const [name, setName] = useState('');
  const [days, setDays] = useState('90');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const answer = await api<{ token: ApiToken; secret: string }>('POST', '/api/tokens', {
        name: name.trim(),
        ...(days.trim() ? { expiresInDays: Number(days) } : {}),
      });
      onCreated(answer);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card inline-form" onSubmit={submit} aria-label="New API token">
      <h2>New API token</h2>
      <ErrorBanner error={error} />
      <label>
        Token name
        <input
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder="CI deploys"
          maxLength={200}
          required
        />
      </label>
      <label>
        Expires in days (empty: never)
        <input type="number" min={1} max={3650} value={days} onChange={(e) => setDays(e.target.value)} />
      </label>
      <div className="row">
        <button type="submit" className="primary" disabled={busy}>
          Create token
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
