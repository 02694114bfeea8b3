import { describe, expect, it } from 'vitest';
import { applyEvent, mergeNewest } from './live-executions.js';
import type { ExecutionEvent, ExecutionSummary } from './types.js';

function row(id: string, status: ExecutionSummary['status'] = 'queued'): ExecutionSummary {
  return {
    id,
    flowId: 'orders',
    revisionHash: 'a'.repeat(64),
    status,
    businessKey: null,
    triggerKind: 'webhook',
    queuedAt: '2024-05-01T10:00:00.000Z',
    startedAt: null,
    finishedAt: null,
    error: null,
    replayOf: null,
    deadLetter: null,
    failedNodeId: null,
  };
}

function event(type: ExecutionEvent['type'], id: string, status: ExecutionEvent['status']): ExecutionEvent {
  return { type, executionId: id, flowId: 'orders', status, at: '2024-05-01T10:00:05.000Z' };
}

describe('applyEvent', () => {
  it('changes status and times in place', () => {
    const rows = [row('a'), row('b')];
    const started = applyEvent(rows, event('execution.started', 'b', 'running'));
    expect(started[1]?.status).toBe('running');
    expect(started[1]?.startedAt).toBe('2024-05-01T10:00:05.000Z');
    expect(rows[1]?.status).toBe('queued');
    const finished = applyEvent(started, {
      ...event('execution.finished', 'b', 'failed'),
      errorCode: 'ODOO_REJECTED',
      failedNodeId: 'push',
      durationMs: 42,
    });
    expect(finished[1]).toMatchObject({ status: 'failed', durationMs: 42, failedNodeId: 'push' });
    expect(finished[1]?.error?.code).toBe('ODOO_REJECTED');
  });

  it('ignores executions not shown and events older than what is shown', () => {
    const rows = [row('a', 'succeeded')];
    expect(applyEvent(rows, event('execution.started', 'x', 'running'))).toBe(rows);
    expect(applyEvent(rows, event('execution.started', 'a', 'running'))).toBe(rows);
  });
});

describe('mergeNewest', () => {
  it('puts new rows on top and updates shown ones', () => {
    const { rows, added, gap } = mergeNewest([row('b'), row('a')], [row('c'), row('b', 'running')], false);
    expect(rows.map((r) => r.id)).toEqual(['c', 'b', 'a']);
    expect(rows[1]?.status).toBe('running');
    expect(added).toBe(1);
    expect(gap).toBe(false);
  });

  it('keeps a later stage than a late answer', () => {
    const { rows } = mergeNewest([row('a', 'succeeded')], [row('a', 'running')], false);
    expect(rows[0]?.status).toBe('succeeded');
  });

  it('notices when the newest page does not reach the shown rows', () => {
    expect(mergeNewest([row('a')], [row('c'), row('b')], true).gap).toBe(true);
    expect(mergeNewest([], [row('c'), row('b')], true).gap).toBe(false);
  });
});
