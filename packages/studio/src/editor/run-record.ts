import type { ExecutionError, Step } from '../api/types.js';

/**
 * The execution record a test run answers with (POST /api/flows/{id}/test-runs), as the canvas
 * reads it: only the status, the steps and the error matter here.
 */
export interface RunRecord {
  executionId?: string;
  status: string;
  steps: Step[];
  error?: ExecutionError | null;
  trigger?: unknown;
}

/** What the canvas shows on a node after a run. */
export type NodeRunStatus = 'succeeded' | 'failed' | 'waiting' | 'skipped';

/**
 * The last step of each node in a run (a node inside a loop runs once per item; the last one wins).
 *
 * @example
 * stepsByNode(run).get('map')?.output;
 */
export function stepsByNode(run: RunRecord | undefined): Map<string, Step> {
  const steps = new Map<string, Step>();
  for (const step of run?.steps ?? []) steps.set(step.nodeId, step);
  return steps;
}

/**
 * A node's status after a run: its step's status, or `skipped` when the run never reached it.
 *
 * @example
 * runStatusOf(stepsByNode(run), 'notify'); // 'skipped'
 */
export function runStatusOf(steps: Map<string, Step>, nodeId: string): NodeRunStatus {
  const step = steps.get(nodeId);
  if (!step) return 'skipped';
  if (step.status === 'succeeded' || step.status === 'failed' || step.status === 'waiting')
    return step.status;
  return 'succeeded';
}
