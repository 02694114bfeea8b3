import { useState } from 'react';
import { api } from '../api/client.js';
import type { Catalog, CredentialMeta } from '../api/types.js';
import { CredentialForm } from '../operations/credential-form.js';
import { CredentialTable } from '../operations/credential-table.js';
import { useCan } from '../session/session-store.js';
import { ErrorBanner } from '../ui/error-banner.js';
import { useAsync } from '../ui/use-async.js';

/** Credentials of the installation (or the partner): metadata for everyone, changes for writers. */
export function CredentialsPage() {
  const credentials = useAsync(() => api<{ items: CredentialMeta[] }>('GET', '/api/credentials'), []);
  const canWrite = useCan('credentials:write');
  const canReadCatalog = useCan('flows:read');
  // The catalog names each type's fields; without it the list still shows, by type id.
  const catalog = useAsync(
    () => (canReadCatalog ? api<Catalog>('GET', '/api/catalog') : Promise.resolve(undefined)),
    [canReadCatalog],
  );
  const [editing, setEditing] = useState<CredentialMeta | 'new'>();
  const [notice, setNotice] = useState<string>();
  const types = catalog.data?.credentialTypes ?? [];

  return (
    <section>
      <header className="page-head">
        <h1>Credentials</h1>
        {canWrite && !editing ? (
          <button
            type="button"
            className="primary"
            disabled={types.length === 0}
            onClick={() => {
              setNotice(undefined);
              setEditing('new');
            }}
          >
            New credential
          </button>
        ) : null}
      </header>
      <ErrorBanner error={credentials.error} />
      <ErrorBanner error={catalog.error} />
      {notice ? (
        <div className="banner info" role="status">
          {notice}
        </div>
      ) : null}
      {editing && canWrite ? (
        <CredentialForm
          key={editing === 'new' ? 'new' : editing.id}
          types={types}
          existing={editing === 'new' ? undefined : editing}
          onCancel={() => setEditing(undefined)}
          onSaved={(meta) => {
            setNotice(`${editing === 'new' ? 'Created' : 'Saved'} ${meta.id}.`);
            setEditing(undefined);
            credentials.reload();
          }}
        />
      ) : null}
      {credentials.loading && !credentials.data ? <p className="muted">Loading credentials…</p> : null}
      {credentials.data && credentials.data.items.length === 0 ? (
        <p className="muted empty">No credentials yet{canWrite ? ': create the first one.' : '.'}</p>
      ) : null}
      {credentials.data && credentials.data.items.length > 0 ? (
        <CredentialTable
          items={credentials.data.items}
          types={types}
          canWrite={canWrite}
          onEdit={(meta) => {
            setNotice(undefined);
            setEditing(meta);
          }}
          onDeleted={() => {
            setNotice('Credential deleted.');
            credentials.reload();
          }}
        />
      ) : null}
    </section>
  );
}
