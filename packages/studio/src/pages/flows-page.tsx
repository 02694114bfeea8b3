import { type FormEvent, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { api } from '../api/client.js';
import type { FlowRow } from '../api/types.js';
import { useCan } from '../session/session-store.js';
import { ErrorBanner } from '../ui/error-banner.js';
import { useAsync } from '../ui/use-async.js';

/** Every flow the user may see, with what is saved and what is live; designers create new ones here. */
export function FlowsPage() {
  const flows = useAsync(() => api<{ items: FlowRow[] }>('GET', '/api/flows'), []);
  const canWrite = useCan('flows:write');
  const [, navigate] = useLocation();
  const [creating, setCreating] = useState(false);
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<unknown>();

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    try {
      await api('POST', '/api/flows', { id, name });
      navigate(`/flows/${id}`);
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <section>
      <header className="page-head">
        <h1>Flows</h1>
        {canWrite ? (
          <button type="button" className="primary" onClick={() => setCreating(true)}>
            New flow
          </button>
        ) : null}
      </header>
      {creating ? (
        <form className="card inline-form" onSubmit={create} aria-label="New flow">
          <ErrorBanner error={error} />
          <label>
            Name
            <input
              value={name}
              onChange={(e) => {
                setName(e.target.value);
                setId(slug(e.target.value));
              }}
              placeholder="Shopify order to Odoo"
              required
            />
          </label>
          <label>
            Id (used in the webhook address)
            <input
              value={id}
              onChange={(e) => setId(e.target.value)}
              pattern="[a-z0-9][a-z0-9\-]*"
              required
            />
          </label>
          <div className="row">
            <button type="submit" className="primary">
              Create
            </button>
            <button type="button" onClick={() => setCreating(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : null}
      <ErrorBanner error={flows.error} />
      {flows.loading && !flows.data ? <p className="muted">Loading flows…</p> : null}
      {flows.data && flows.data.items.length === 0 ? (
        <p className="muted">No flows yet{canWrite ? ': create the first one.' : '.'}</p>
      ) : null}
      {flows.data && flows.data.items.length > 0 ? (
        <table className="table">
          <thead>
            <tr>
              <th>Name</th>
              <th>Id</th>
              <th>Deployed</th>
              <th>Updated</th>
            </tr>
          </thead>
          <tbody>
            {flows.data.items.map((flow) => (
              <tr key={flow.id}>
                <td>
                  <Link href={`/flows/${flow.id}`}>{flow.name}</Link>
                  {flow.partnerId ? <span className="tag">{flow.partnerId}</span> : null}
                </td>
                <td>
                  <code>{flow.id}</code>
                </td>
                <td>
                  {flow.deployedRevision ? (
                    flow.deployedRevision === flow.latestRevision ? (
                      <span className="status succeeded">live</span>
                    ) : (
                      <span className="status waiting">older revision live</span>
                    )
                  ) : (
                    <span className="muted">not deployed</span>
                  )}
                </td>
                <td>{new Date(flow.updatedAt).toLocaleString()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 100);
}
