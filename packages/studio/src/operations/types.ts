/** Shapes of the operations API that api/types.ts does not (yet) name. */

import type { ExecutionRow } from '../api/types.js';

/** A list row: the store also answers how long the execution took. */
export interface ExecutionSummary extends ExecutionRow {
  durationMs?: number | null;
}

/** What the SSE stream at /api/events sends, one per event. */
export interface ExecutionEvent {
  type: 'execution.queued' | 'execution.started' | 'execution.finished' | 'execution.responded';
  executionId: string;
  flowId: string;
  status: ExecutionRow['status'];
  at: string;
  businessKey?: string | null;
  errorCode?: string;
  failedNodeId?: string | null;
  durationMs?: number | null;
}

export const EVENT_TYPES: ExecutionEvent['type'][] = [
  'execution.queued',
  'execution.started',
  'execution.finished',
  'execution.responded',
];

export type Effect = 'pure' | 'read' | 'write';

/** A replay dry run's answer for one execution (POST …/replay with dryRun: true). */
export interface ReplayPlan {
  executionId: string;
  from: 'failed' | 'trigger';
  revision: { hash: string; which: 'original' | 'deployed' };
  reused: Array<{ key: string; nodeId: string; effect: Effect }>;
  willRun: Array<{ nodeId: string; type: string; effect: Effect }>;
  sideEffects: Array<{ nodeId: string; type: string; alreadyDoneInOriginal: boolean }>;
}

export interface BulkReplayItem {
  executionId: string;
  replay?: string;
  plan?: ReplayPlan;
}

export interface BulkReplayAnswer {
  dryRun?: boolean;
  count: number;
  items: BulkReplayItem[];
}

export interface DeadLetterGroup {
  flowId: string;
  failedNodeId: string | null;
  errorSignature: string;
  errorCode: string;
  sampleMessage: string;
  count: number;
  firstAt: string;
  lastAt: string;
}

export interface AuditEvent {
  id: number;
  at: string;
  actor: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: unknown;
}

export interface ApiToken {
  id: string;
  userId: string;
  name: string;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** GET /api/stats?hours=N */
export interface Stats {
  since: string;
  buckets: Array<{ start: string; counts: Partial<Record<string, number>> }>;
  /** Null for partner accounts: the queue is the whole installation's. */
  queue: { ready: number; delayed: number; running: number } | null;
  slowestNodes: Array<{
    flowId: string;
    nodeId: string;
    type: string;
    count: number;
    avgMs: number;
    p95Ms: number;
  }>;
}
