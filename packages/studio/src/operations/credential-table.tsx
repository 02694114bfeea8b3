import { useState } from 'react';
import { api } from '../api/client.js';
import type { CredentialMeta, CredentialTypeManifest } from '../api/types.js';
import { ErrorBanner } from '../ui/error-banner.js';
import { ConfirmButton } from './confirm-button.js';
import { CredentialSettings } from './credential-settings.js';

type TestAnswer = { ok: boolean; message: string };

/** Credentials with their settings and limits; writers also test, edit and delete them. */
export function CredentialTable({
  items,
  types,
  canWrite,
  onEdit,
  onDeleted,
}: {
  items: CredentialMeta[];
  types: CredentialTypeManifest[];
  canWrite: boolean;
  onEdit(meta: CredentialMeta): void;
  onDeleted(): void;
}) {
  const [tests, setTests] = useState<Record<string, TestAnswer | { error: unknown } | 'testing'>>({});
  const [error, setError] = useState<unknown>();
  const path = (id: string) => `/api/credentials/${encodeURIComponent(id)}`;

  const test = async (id: string) => {
    setTests((previous) => ({ ...previous, [id]: 'testing' }));
    try {
      const answer = await api<TestAnswer>('POST', `${path(id)}/test`);
      setTests((previous) => ({ ...previous, [id]: answer }));
    } catch (failure) {
      setTests((previous) => ({ ...previous, [id]: { error: failure } }));
    }
  };
  const remove = async (id: string) => {
    setError(undefined);
    try {
      await api('DELETE', path(id));
      onDeleted();
    } catch (failure) {
      setError(failure);
    }
  };

  return (
    <>
      <ErrorBanner error={error} />
      <table className="table credentials-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Type</th>
            <th scope="col">Settings</th>
            <th scope="col">Allowed hosts</th>
            <th scope="col">Max concurrency</th>
            <th scope="col">Partner</th>
            {canWrite ? <th scope="col">Actions</th> : null}
          </tr>
        </thead>
        <tbody>
          {items.map((meta) => {
            const result = tests[meta.id];
            const type = types.find((t) => t.type === meta.type);
            return (
              <tr key={meta.id}>
                <td>
                  {meta.name}
                  <div>
                    <code className="muted">{meta.id}</code>
                  </div>
                </td>
                <td>{type ? `${type.title}` : meta.type}</td>
                <td>
                  <CredentialSettings meta={meta} type={type} />
                </td>
                <td>
                  {meta.allowedHosts.length > 0 ? (
                    meta.allowedHosts.map((host) => <code key={host}>{host} </code>)
                  ) : (
                    <span className="muted">public hosts only</span>
                  )}
                </td>
                <td>{meta.maxConcurrency ?? <span className="muted">no limit</span>}</td>
                <td>{meta.partnerId ?? <span className="muted">—</span>}</td>
                {canWrite ? (
                  <td>
                    <div className="row">
                      {type?.hasTest !== false ? (
                        <button
                          type="button"
                          disabled={result === 'testing'}
                          aria-label={`Test ${meta.id}`}
                          onClick={() => void test(meta.id)}
                        >
                          {result === 'testing' ? 'Testing…' : 'Test'}
                        </button>
                      ) : null}
                      <button type="button" aria-label={`Edit ${meta.id}`} onClick={() => onEdit(meta)}>
                        Edit
                      </button>
                      <ConfirmButton
                        label="Delete"
                        question={`Delete ${meta.id}? Flows using it will fail.`}
                        confirm="Yes, delete"
                        onConfirm={() => remove(meta.id)}
                      />
                    </div>
                    {result && result !== 'testing' ? (
                      'error' in result ? (
                        <ErrorBanner error={result.error} />
                      ) : (
                        <div className={`banner ${result.ok ? 'info' : 'error'}`} role="status">
                          {result.ok ? 'Accepted: ' : 'Refused: '}
                          {result.message}
                        </div>
                      )
                    ) : null}
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
