import { useMemo, useState } from 'react';
import { useLocation, useSearch } from 'wouter';
import { query } from '../api/client.js';
import { BulkReplayDialog } from '../operations/bulk-replay-dialog.js';
import { ExecutionFilterBar } from '../operations/execution-filter-bar.js';
import {
  type ExecutionFilters,
  executionQuery,
  parseExecutionFilters,
} from '../operations/execution-filters.js';
import { ExecutionTable } from '../operations/execution-table.js';
import { LiveIndicator } from '../operations/status-badge.js';
import { useFlows } from '../operations/use-flows.js';
import { useLiveExecutions } from '../operations/use-live-executions.js';
import { useCan } from '../session/session-store.js';
import { ErrorBanner } from '../ui/error-banner.js';

/**
 * Finding executions: filters kept in the URL (so a search is a link to share), newest first
 * with "Load more", kept live by the event stream, and bulk replay of what matches.
 */
export function ExecutionsPage() {
  const search = useSearch();
  const [, navigate] = useLocation();
  const filters = useMemo(() => parseExecutionFilters(search), [search]);
  const apiQuery = useMemo(() => executionQuery(filters), [filters]);
  const executions = useLiveExecutions(apiQuery);
  const flows = useFlows();
  const canOperate = useCan('executions:operate');
  const [replaying, setReplaying] = useState(false);

  const change = (next: ExecutionFilters) => navigate(`/executions${query(executionQuery(next))}`);

  return (
    <section>
      <header className="page-head">
        <h1>Executions</h1>
        <div className="row">
          <LiveIndicator state={executions.live} />
          {canOperate ? (
            <button type="button" onClick={() => setReplaying(true)}>
              Replay matching…
            </button>
          ) : null}
        </div>
      </header>
      <ExecutionFilterBar filters={filters} flows={flows.data?.items} onChange={change} />
      <ErrorBanner error={flows.error} />
      <ErrorBanner error={executions.error} />
      {executions.gap ? (
        <div className="banner info row">
          More new executions arrived than fit on top of the list.
          <button type="button" onClick={executions.reload}>
            Show the newest
          </button>
        </div>
      ) : null}
      {executions.items.length > 0 ? <ExecutionTable rows={executions.items} /> : null}
      {executions.loading && executions.items.length === 0 ? (
        <p className="muted">Loading executions…</p>
      ) : null}
      {!executions.loading && !executions.error && executions.items.length === 0 ? (
        <p className="muted empty">No executions match.</p>
      ) : null}
      {executions.hasMore ? (
        <div className="row load-more">
          <button type="button" onClick={executions.loadMore} disabled={executions.loading}>
            {executions.loading ? 'Loading…' : 'Load more'}
          </button>
        </div>
      ) : null}
      {replaying ? (
        <BulkReplayDialog
          filter={apiQuery}
          description={
            filters.status.length > 0
              ? 'Every execution matching the filters above is replayed.'
              : 'Every failed execution matching the filters above is replayed (name statuses to include others).'
          }
          onClose={() => setReplaying(false)}
          onDone={executions.reload}
        />
      ) : null}
    </section>
  );
}
