import { Link } from 'wouter';
import { query } from '../api/client.js';
import { formatTime } from './format.js';
import type { DeadLetterGroup } from './types.js';

/** The executions list filtered to one group's open dead letters. */
export function groupExecutionsHref(group: DeadLetterGroup): string {
  return `/executions${query({
    flowId: group.flowId,
    status: ['failed'],
    deadLetter: 'open',
    failedNodeId: group.failedNodeId ?? undefined,
  })}`;
}

/** Dead-letter groups, newest first, with what an operator may do about each. */
export function DeadLetterTable({
  groups,
  canOperate,
  busy,
  onDecide,
  onReplay,
}: {
  groups: DeadLetterGroup[];
  canOperate: boolean;
  busy: boolean;
  onDecide(group: DeadLetterGroup, state: 'resolved' | 'ignored'): void;
  onReplay(group: DeadLetterGroup): void;
}) {
  return (
    <table className="table dead-letters-table">
      <thead>
        <tr>
          <th scope="col">Flow</th>
          <th scope="col">Node</th>
          <th scope="col">Error</th>
          <th scope="col">Count</th>
          <th scope="col">First seen</th>
          <th scope="col">Last seen</th>
          <th scope="col">Actions</th>
        </tr>
      </thead>
      <tbody>
        {groups.map((group) => {
          const name = `${group.flowId} / ${group.failedNodeId ?? 'flow'} / ${group.errorCode || 'error'}`;
          return (
            <tr key={`${group.flowId}|${group.failedNodeId}|${group.errorSignature}`}>
              <td>{group.flowId}</td>
              <td>
                {group.failedNodeId ? <code>{group.failedNodeId}</code> : <span className="muted">—</span>}
              </td>
              <td className="error-cell">
                {group.errorCode ? <strong>{group.errorCode}</strong> : null}
                <div>{group.sampleMessage}</div>
              </td>
              <td>
                <Link href={groupExecutionsHref(group)} aria-label={`${group.count} executions of ${name}`}>
                  {group.count}
                </Link>
              </td>
              <td>{formatTime(group.firstAt)}</td>
              <td>{formatTime(group.lastAt)}</td>
              <td>
                <div className="row">
                  <Link href={groupExecutionsHref(group)}>Executions</Link>
                  {canOperate ? (
                    <>
                      <button type="button" disabled={busy} onClick={() => onReplay(group)}>
                        Replay group
                      </button>
                      <button type="button" disabled={busy} onClick={() => onDecide(group, 'resolved')}>
                        Resolve
                      </button>
                      <button type="button" disabled={busy} onClick={() => onDecide(group, 'ignored')}>
                        Ignore
                      </button>
                    </>
                  ) : null}
                </div>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
