import type { ExecutionStatus } from '../api/types.js';
import type { ExecutionEvent, ExecutionSummary } from './types.js';

/**
 * How far along a status is. A list refetch may answer with a row older than an event already
 * applied; a row never moves back to an earlier stage, so a late answer cannot undo a newer event.
 */
const STAGE: Record<ExecutionStatus, number> = {
  queued: 0,
  running: 1,
  waiting: 1,
  succeeded: 2,
  failed: 2,
  cancelled: 2,
};

/**
 * Applies one live event to the rows on screen: the execution's status, times and duration change
 * in place. Events of executions not on screen return the same array (new ones arrive through
 * `mergeNewest`, which asks the server whether they match the filters).
 *
 * @example
 * rows = applyEvent(rows, { type: 'execution.started', executionId: 'ex_1', status: 'running', … });
 */
export function applyEvent(rows: ExecutionSummary[], event: ExecutionEvent): ExecutionSummary[] {
  const index = rows.findIndex((row) => row.id === event.executionId);
  const row = rows[index];
  if (!row) return rows;
  if (STAGE[event.status] < STAGE[row.status]) return rows;
  const next: ExecutionSummary = { ...row, status: event.status };
  if (event.type === 'execution.started' && !row.startedAt) next.startedAt = event.at;
  if (event.type === 'execution.finished') {
    next.finishedAt = event.at;
    if (event.durationMs !== undefined) next.durationMs = event.durationMs;
    if (event.failedNodeId !== undefined) next.failedNodeId = event.failedNodeId;
    if (event.status === 'failed' && event.errorCode && !row.error) {
      // The event carries the code only; the next refetch brings the sentence.
      next.error = { kind: 'system', code: event.errorCode, message: event.errorCode, retryable: false };
    }
  }
  const copy = rows.slice();
  copy[index] = next;
  return copy;
}

/**
 * Merges the server's newest matching rows into the list: rows not yet shown go on top (newest
 * first), rows already shown are updated in place unless the list already knows a later stage.
 * `gap` says the newest page did not reach the rows on screen, so some new ones may be missing.
 *
 * @example
 * const { rows, added } = mergeNewest(current, firstPage.items, firstPage.nextCursor !== null);
 */
export function mergeNewest(
  rows: ExecutionSummary[],
  newest: ExecutionSummary[],
  newestHasMore: boolean,
): { rows: ExecutionSummary[]; added: number; gap: boolean } {
  const shown = new Map(rows.map((row) => [row.id, row]));
  const fresh = newest.filter((row) => !shown.has(row.id));
  const updates = new Map(newest.filter((row) => shown.has(row.id)).map((row) => [row.id, row]));
  const updated = rows.map((row) => {
    const update = updates.get(row.id);
    if (!update || STAGE[update.status] < STAGE[row.status]) return row;
    return update;
  });
  const gap = rows.length > 0 && newestHasMore && fresh.length === newest.length;
  return { rows: [...fresh, ...updated], added: fresh.length, gap };
}
