import { Link } from 'wouter';
import type { ExecutionRow } from '../api/types.js';
import { executionDuration, formatDuration, formatTime, shortHash } from './format.js';
import { StatusBadge } from './status-badge.js';
import type { ExecutionSummary } from './types.js';

/** The facts of one execution: status, flow, revision, key, times and its error. */
export function ExecutionHeader({ execution }: { execution: ExecutionRow & ExecutionSummary }) {
  return (
    <div className="card execution-header">
      <dl className="facts">
        <div>
          <dt>Status</dt>
          <dd>
            <StatusBadge status={execution.status} />
            {execution.deadLetter ? <span className="tag">dead letter: {execution.deadLetter}</span> : null}
          </dd>
        </div>
        <div>
          <dt>Flow</dt>
          <dd>
            <Link href={`/flows/${execution.flowId}`}>{execution.flowId}</Link>
          </dd>
        </div>
        <div>
          <dt>Revision</dt>
          <dd>
            <code title={execution.revisionHash}>{shortHash(execution.revisionHash)}</code>
          </dd>
        </div>
        <div>
          <dt>Business key</dt>
          <dd>{execution.businessKey ?? <span className="muted">—</span>}</dd>
        </div>
        <div>
          <dt>Trigger</dt>
          <dd>{execution.triggerKind}</dd>
        </div>
        <div>
          <dt>Queued</dt>
          <dd>{formatTime(execution.queuedAt)}</dd>
        </div>
        <div>
          <dt>Started</dt>
          <dd>{formatTime(execution.startedAt)}</dd>
        </div>
        <div>
          <dt>Finished</dt>
          <dd>{formatTime(execution.finishedAt)}</dd>
        </div>
        <div>
          <dt>Duration</dt>
          <dd>{formatDuration(executionDuration(execution))}</dd>
        </div>
        {execution.replayOf ? (
          <div>
            <dt>Replays</dt>
            <dd>
              <Link href={`/executions/${execution.replayOf}`}>
                <code>{execution.replayOf}</code>
              </Link>
            </dd>
          </div>
        ) : null}
      </dl>
      {execution.error ? (
        <div className="banner error execution-error">
          <strong>{execution.error.code}</strong>
          {execution.error.nodeId ? (
            <>
              {' '}
              at <code>{execution.error.nodeId}</code>
            </>
          ) : null}
          : {execution.error.message}
          {execution.error.upstream?.status ? (
            <div className="muted">Upstream answered {execution.error.upstream.status}.</div>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
