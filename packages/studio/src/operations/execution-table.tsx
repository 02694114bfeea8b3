import { Link, useLocation } from 'wouter';
import { executionDuration, formatDuration, formatTime } from './format.js';
import { StatusBadge } from './status-badge.js';
import type { ExecutionSummary } from './types.js';

/** Executions as table rows; each row opens its execution (the id is the keyboard-reachable link). */
export function ExecutionTable({ rows }: { rows: ExecutionSummary[] }) {
  const [, navigate] = useLocation();
  return (
    <table className="table executions-table">
      <thead>
        <tr>
          <th scope="col">Status</th>
          <th scope="col">Execution</th>
          <th scope="col">Flow</th>
          <th scope="col">Business key</th>
          <th scope="col">Queued</th>
          <th scope="col">Duration</th>
          <th scope="col">Error</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr
            key={row.id}
            className="clickable"
            onClick={(event) => {
              // A click on the link itself is already handled by the link.
              if ((event.target as HTMLElement).closest('a')) return;
              navigate(`/executions/${row.id}`);
            }}
          >
            <td>
              <StatusBadge status={row.status} />
              {row.replayOf ? <span className="tag">replay</span> : null}
            </td>
            <td>
              <Link href={`/executions/${row.id}`}>
                <code>{row.id}</code>
              </Link>
            </td>
            <td>{row.flowId}</td>
            <td>{row.businessKey ?? <span className="muted">—</span>}</td>
            <td>{formatTime(row.queuedAt)}</td>
            <td>{formatDuration(executionDuration(row))}</td>
            <td className="error-cell">
              {row.error ? (
                <>
                  {(row.error.nodeId ?? row.failedNodeId) ? (
                    <code>{row.error.nodeId ?? row.failedNodeId}</code>
                  ) : null}{' '}
                  {row.error.message}
                </>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
