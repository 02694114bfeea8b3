import { api } from '../api/client.js';
import type { RevisionSummary } from '../api/types.js';
import { ErrorBanner } from '../ui/error-banner.js';
import { useAsync } from '../ui/use-async.js';
import './editor.css';

export interface VersionsDrawerProps {
  flowId: string;
  /** Changes when a save or deploy happened, so the list reloads. */
  revisionKey: string;
  deployedHash: string | null;
  canDeploy: boolean;
  onOpen: (revision: RevisionSummary) => void;
  onCompare: (from: number, to: number) => void;
  onDeploy: (revision: RevisionSummary) => void;
  onClose: () => void;
}

/**
 * Every saved version, newest first, with who saved it, when, and which one is live; operators
 * can deploy any (deploying an older one is a rollback).
 */
export function VersionsDrawer(props: VersionsDrawerProps) {
  const { flowId, revisionKey, deployedHash, canDeploy } = props;
  const revisions = useAsync(
    () => api<{ items: RevisionSummary[] }>('GET', `/api/flows/${encodeURIComponent(flowId)}/revisions`),
    [flowId, revisionKey, deployedHash],
  );
  const items = revisions.data?.items ?? [];
  const latest = items[0];
  return (
    <aside className="wb-drawer" aria-label="Versions">
      <div className="page-head">
        <h2>Versions</h2>
        <button type="button" onClick={props.onClose}>
          Close
        </button>
      </div>
      <ErrorBanner error={revisions.error} />
      {revisions.loading && !revisions.data ? <p className="muted">Loading versions…</p> : null}
      {revisions.data && items.length === 0 ? <p className="muted">Nothing saved yet.</p> : null}
      <ul className="wb-versions">
        {items.map((revision, index) => {
          const previous = items[index + 1];
          return (
            <li key={revision.hash} className="card">
              <div className="row">
                <strong>Version {revision.version}</strong>
                {revision.hash === deployedHash ? <span className="status succeeded">deployed</span> : null}
              </div>
              <div className="muted">
                {revision.createdBy ?? 'system'} · {new Date(revision.createdAt).toLocaleString()}
              </div>
              {revision.message ? <div>{revision.message}</div> : null}
              <div className="row">
                <button type="button" onClick={() => props.onOpen(revision)}>
                  Open
                </button>
                {latest && revision !== latest ? (
                  <button type="button" onClick={() => props.onCompare(revision.version, latest.version)}>
                    Compare
                  </button>
                ) : previous ? (
                  <button type="button" onClick={() => props.onCompare(previous.version, revision.version)}>
                    Compare
                  </button>
                ) : null}
                {canDeploy && revision.hash !== deployedHash ? (
                  <button type="button" onClick={() => props.onDeploy(revision)}>
                    Deploy this version
                  </button>
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
    </aside>
  );
}
