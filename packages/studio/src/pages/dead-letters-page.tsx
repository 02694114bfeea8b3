import { useState } from 'react';
import { useLocation, useSearch } from 'wouter';
import { api, query } from '../api/client.js';
import { BulkReplayDialog } from '../operations/bulk-replay-dialog.js';
import { DeadLetterTable } from '../operations/dead-letter-table.js';
import type { DeadLetterGroup } from '../operations/types.js';
import { useFlows } from '../operations/use-flows.js';
import { useCan } from '../session/session-store.js';
import { ErrorBanner } from '../ui/error-banner.js';
import { useAsync } from '../ui/use-async.js';

/**
 * The dead-letter inbox: failed executions nobody has dealt with, grouped by flow, node and error,
 * so one decision (replay, resolve, ignore) covers every execution that failed the same way.
 */
export function DeadLettersPage() {
  const search = useSearch();
  const [, navigate] = useLocation();
  const flowId = new URLSearchParams(search).get('flowId') ?? '';
  const groups = useAsync(
    () => api<{ items: DeadLetterGroup[] }>('GET', `/api/dead-letters${query({ flowId })}`),
    [flowId],
  );
  const flows = useFlows();
  const canOperate = useCan('executions:operate');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState<string>();
  const [replaying, setReplaying] = useState<DeadLetterGroup>();

  const decide = async (group: DeadLetterGroup, state: 'resolved' | 'ignored') => {
    setBusy(true);
    setError(undefined);
    setNotice(undefined);
    try {
      const { changed } = await api<{ changed: number }>('POST', '/api/dead-letters/resolve', {
        state,
        group: {
          flowId: group.flowId,
          failedNodeId: group.failedNodeId,
          errorSignature: group.errorSignature,
        },
      });
      setNotice(`${changed} ${changed === 1 ? 'execution' : 'executions'} marked ${state}.`);
      groups.reload();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const items = groups.data?.items ?? [];
  return (
    <section>
      <header className="page-head">
        <h1>Dead letters</h1>
      </header>
      <div className="filters">
        <label>
          Flow
          <select
            value={flowId}
            onChange={(e) => navigate(`/dead-letters${query({ flowId: e.target.value })}`, { replace: true })}
          >
            <option value="">All flows</option>
            {(flows.data?.items ?? []).map((flow) => (
              <option key={flow.id} value={flow.id}>
                {flow.name} ({flow.id})
              </option>
            ))}
          </select>
        </label>
      </div>
      <ErrorBanner error={groups.error} />
      <ErrorBanner error={error} />
      {notice ? (
        <div className="banner info" role="status">
          {notice}
        </div>
      ) : null}
      {groups.loading && !groups.data ? <p className="muted">Loading dead letters…</p> : null}
      {groups.data && items.length === 0 ? (
        <p className="muted empty">No open dead letters{flowId ? ' for this flow' : ''}.</p>
      ) : null}
      {items.length > 0 ? (
        <DeadLetterTable
          groups={items}
          canOperate={canOperate}
          busy={busy}
          onDecide={(group, state) => void decide(group, state)}
          onReplay={setReplaying}
        />
      ) : null}
      {replaying ? (
        <BulkReplayDialog
          filter={{
            flowId: replaying.flowId,
            ...(replaying.failedNodeId ? { failedNodeId: replaying.failedNodeId } : {}),
            deadLetter: 'open',
            status: 'failed',
          }}
          description={`The open dead letters of ${replaying.flowId} that failed at ${replaying.failedNodeId ?? 'the flow'} — with any error there, not only this group's. Replayed ones are marked resolved.`}
          onClose={() => setReplaying(undefined)}
          onDone={groups.reload}
        />
      ) : null}
    </section>
  );
}
