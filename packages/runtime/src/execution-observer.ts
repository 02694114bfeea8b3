import type { ExecutionRecord } from '@waybill/engine';
import type { ExecutionRow } from '@waybill/store';

/**
 * Hooks for metrics: the runner reports when a worker takes an execution (with how long it waited
 * in the queue) and when a run ends. The server implements it with Prometheus counters; tests and
 * tools may leave it out.
 */
export interface ExecutionObserver {
  started(execution: ExecutionRow, queueWaitMs: number): void;
  finished(record: ExecutionRecord): void;
}
