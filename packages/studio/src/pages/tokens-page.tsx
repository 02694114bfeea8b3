import { useState } from 'react';
import { api } from '../api/client.js';
import { ConfirmButton } from '../operations/confirm-button.js';
import { formatTime } from '../operations/format.js';
import { OneTimeSecret } from '../operations/one-time-secret.js';
import { TokenForm } from '../operations/token-form.js';
import type { ApiToken } from '../operations/types.js';
import { ErrorBanner } from '../ui/error-banner.js';
import { useAsync } from '../ui/use-async.js';

/** The signed-in user's API tokens for scripts and CI: create (secret shown once), revoke. */
export function TokensPage() {
  const tokens = useAsync(() => api<{ items: ApiToken[] }>('GET', '/api/tokens'), []);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<{ token: ApiToken; secret: string }>();
  const [error, setError] = useState<unknown>();

  const revoke = async (token: ApiToken) => {
    setError(undefined);
    try {
      await api('DELETE', `/api/tokens/${encodeURIComponent(token.id)}`);
      tokens.reload();
    } catch (failure) {
      setError(failure);
    }
  };

  const items = tokens.data?.items ?? [];
  return (
    <section>
      <header className="page-head">
        <h1>API tokens</h1>
        {!creating ? (
          <button
            type="button"
            className="primary"
            onClick={() => {
              setCreated(undefined);
              setCreating(true);
            }}
          >
            New token
          </button>
        ) : null}
      </header>
      <p className="hint">
        A token acts as you, with your role: send it as <code>Authorization: Bearer wbt_…</code>.
      </p>
      {creating ? (
        <TokenForm
          onCancel={() => setCreating(false)}
          onCreated={(answer) => {
            setCreating(false);
            setCreated(answer);
            tokens.reload();
          }}
        />
      ) : null}
      {created ? (
        <OneTimeSecret
          label={`Secret of the token ${created.token.name}`}
          secret={created.secret}
          note="Copy it now: it is not shown again. Waybill keeps only a hash of it."
          onDone={() => setCreated(undefined)}
        />
      ) : null}
      <ErrorBanner error={error} />
      <ErrorBanner error={tokens.error} />
      {tokens.loading && !tokens.data ? <p className="muted">Loading tokens…</p> : null}
      {tokens.data && items.length === 0 ? <p className="muted empty">You have no API tokens.</p> : null}
      {items.length > 0 ? (
        <table className="table tokens-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Created</th>
              <th scope="col">Expires</th>
              <th scope="col">Last used</th>
              <th scope="col">Revoked</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            {items.map((token) => {
              const expired = token.expiresAt !== null && Date.parse(token.expiresAt) < Date.now();
              return (
                <tr key={token.id} className={token.revokedAt || expired ? 'disabled-row' : ''}>
                  <td>{token.name}</td>
                  <td>{formatTime(token.createdAt)}</td>
                  <td>
                    {token.expiresAt ? formatTime(token.expiresAt) : <span className="muted">never</span>}
                    {expired ? <span className="tag">expired</span> : null}
                  </td>
                  <td>
                    {token.lastUsedAt ? formatTime(token.lastUsedAt) : <span className="muted">never</span>}
                  </td>
                  <td>{token.revokedAt ? formatTime(token.revokedAt) : <span className="muted">—</span>}</td>
                  <td>
                    {token.revokedAt ? null : (
                      <ConfirmButton
                        label="Revoke"
                        question={`Revoke ${token.name}? It stops working at once.`}
                        confirm="Yes, revoke"
                        onConfirm={() => revoke(token)}
                      />
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
