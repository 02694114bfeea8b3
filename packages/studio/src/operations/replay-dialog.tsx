import { useState } from 'react';
import { Link } from 'wouter';
import { api } from '../api/client.js';
import type { ExecutionRow } from '../api/types.js';
import { ErrorBanner } from '../ui/error-banner.js';
import { useAsync } from '../ui/use-async.js';
import { Modal } from './modal.js';
import { type ReplayFrom, ReplayOptions, type ReplayRevision } from './replay-options.js';
import { ReplayPlanView } from './replay-plan-view.js';
import type { ReplayPlan } from './types.js';

/**
 * Replaying one execution: choose where to start and which revision, read the dry run (it runs
 * by itself for every choice, so nobody confirms without having seen it), then "Replay now".
 */
export function ReplayDialog({ execution, onClose }: { execution: ExecutionRow; onClose(): void }) {
  const canResume = execution.status === 'failed' || execution.status === 'cancelled';
  const [from, setFrom] = useState<ReplayFrom>(canResume ? 'failed' : 'trigger');
  const [revision, setRevision] = useState<ReplayRevision>('original');
  const [replayed, setReplayed] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const path = `/api/executions/${encodeURIComponent(execution.id)}/replay`;
  const preview = useAsync(
    () => api<{ plan: ReplayPlan }>('POST', path, { from, revision, dryRun: true }),
    [path, from, revision],
  );

  const confirm = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const answer = await api<{ executionId: string }>('POST', path, { from, revision, dryRun: false });
      setReplayed(answer.executionId);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal label="Replay execution" onClose={onClose}>
      {replayed ? (
        <div className="banner info" role="status">
          Replay queued: <Link href={`/executions/${replayed}`}>open the new execution {replayed}</Link>
        </div>
      ) : (
        <>
          <ReplayOptions
            from={from}
            revision={revision}
            onFrom={setFrom}
            onRevision={setRevision}
            canResume={canResume}
          />
          <section className="replay-preview" aria-label="Replay preview">
            <ErrorBanner error={preview.error} />
            {preview.loading ? <p className="muted">Working out what would run again…</p> : null}
            {preview.data && !preview.loading ? <ReplayPlanView plan={preview.data.plan} /> : null}
          </section>
          <ErrorBanner error={error} />
          <div className="row">
            <button
              type="button"
              className="primary"
              disabled={busy || preview.loading || !preview.data || Boolean(preview.error)}
              onClick={() => void confirm()}
            >
              Replay now
            </button>
            <button type="button" onClick={onClose}>
              Cancel
            </button>
          </div>
        </>
      )}
    </Modal>
  );
}
