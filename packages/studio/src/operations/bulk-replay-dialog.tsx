import { useState } from 'react';
import { Link } from 'wouter';
import { api } from '../api/client.js';
import { ErrorBanner } from '../ui/error-banner.js';
import { useAsync } from '../ui/use-async.js';
import { Modal } from './modal.js';
import { type ReplayFrom, ReplayOptions, type ReplayRevision } from './replay-options.js';
import { NodeTallyList, SideEffectList } from './replay-plan-view.js';
import { summarizeBulkReplay } from './replay-summary.js';
import type { BulkReplayAnswer } from './types.js';

/**
 * Replaying every execution a filter matches (at most `limit`): the dry run runs by itself and
 * says how many would replay and which nodes and side-effecting calls would run again; "Replay
 * now" sends the same request for real. The server replays only failed executions unless the
 * filter names statuses.
 */
export function BulkReplayDialog({
  filter,
  description,
  onClose,
  onDone,
}: {
  filter: Record<string, string | string[]>;
  description: string;
  onClose(): void;
  onDone?(): void;
}) {
  const [from, setFrom] = useState<ReplayFrom>('failed');
  const [revision, setRevision] = useState<ReplayRevision>('original');
  const [limit, setLimit] = useState(100);
  const [result, setResult] = useState<BulkReplayAnswer>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const key = JSON.stringify(filter);
  const body = { filter, from, revision, limit };
  const preview = useAsync(
    () => api<BulkReplayAnswer>('POST', '/api/executions/replay', { ...body, dryRun: true }),
    [key, from, revision, limit],
  );
  const summary = preview.data ? summarizeBulkReplay(preview.data.items) : undefined;

  const confirm = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setResult(await api<BulkReplayAnswer>('POST', '/api/executions/replay', { ...body, dryRun: false }));
      onDone?.();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal label="Replay matching executions" onClose={onClose}>
      <p className="muted">{description}</p>
      {result ? (
        <div className="banner info" role="status">
          {result.count === 1 ? '1 replay queued' : `${result.count} replays queued`}.
          <ul className="plan-list">
            {result.items.slice(0, 10).map((item) =>
              item.replay ? (
                <li key={item.executionId}>
                  <Link href={`/executions/${item.replay}`}>{item.replay}</Link>{' '}
                  <span className="muted">replays {item.executionId}</span>
                </li>
              ) : null,
            )}
          </ul>
          {result.count > 10 ? <p>…and {result.count - 10} more.</p> : null}
        </div>
      ) : (
        <>
          <ReplayOptions from={from} revision={revision} onFrom={setFrom} onRevision={setRevision} />
          <label className="narrow-field">
            At most this many executions
            <input
              type="number"
              min={1}
              max={1000}
              value={limit}
              onChange={(e) => setLimit(Math.max(1, Math.min(1000, Number(e.target.value) || 1)))}
            />
          </label>
          <section className="replay-preview" aria-label="Replay preview">
            <ErrorBanner error={preview.error} />
            {preview.loading ? <p className="muted">Working out what would run again…</p> : null}
            {preview.data && summary && !preview.loading && !preview.error ? (
              <>
                <p>
                  <strong>
                    {preview.data.count === 0
                      ? 'No execution matches; nothing would be replayed.'
                      : `${preview.data.count} ${preview.data.count === 1 ? 'execution' : 'executions'} would be replayed.`}
                  </strong>
                  {preview.data.count >= limit
                    ? ' More may match: raise the limit or narrow the filter.'
                    : null}
                </p>
                {preview.data.count > 0 ? (
                  <>
                    <SideEffectList calls={summary.sideEffects} />
                    <h3>Nodes that run again</h3>
                    <NodeTallyList nodes={summary.willRun} />
                  </>
                ) : null}
              </>
            ) : null}
          </section>
          <ErrorBanner error={error} />
          <div className="row">
            <button
              type="button"
              className="primary"
              disabled={busy || preview.loading || Boolean(preview.error) || !preview.data?.count}
              onClick={() => void confirm()}
            >
              Replay now{preview.data?.count ? ` (${preview.data.count})` : ''}
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
