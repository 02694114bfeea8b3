import type { AttemptRecord, StepRecord, WebhookResponse } from '../execution-record.js';
import type { EngineServices } from '../executors/executor.js';
import type { StepRecorder } from '../ports.js';
import type { PreparedFlow } from './prepare-flow.js';
import type { Redactor } from './redactor.js';

/** Everything one run of one execution shares across its scopes and nodes. */
export interface ExecutionState {
  flow: PreparedFlow;
  services: EngineServices;
  executionId: string;
  idempotencyBase: string;
  trigger: unknown;
  random: () => number;
  signal: AbortSignal;
  redactor: Redactor;
  /** Steps that may be taken over instead of run: recorded by an earlier run, or earlier in this one. */
  completed: Map<string, StepRecord>;
  /** Every step of this run, in the order they finished. */
  steps: StepRecord[];
  /** Steps not yet handed to the recorder. */
  pending: StepRecord[];
  recorder: StepRecorder | undefined;
  /** Checkpoints are written one after another even when loop items finish together. */
  checkpointChain: Promise<void>;
  /** When running up to one node: the nodes that may run. */
  allowed: ReadonlySet<string> | undefined;
  response: WebhookResponse | undefined;
  onResponse: ((response: WebhookResponse) => void) | undefined;
  /** The $execution binding. */
  executionBinding: { id: string; flowId: string; revision: string };
}

/** Records a finished step; after a completed side effect, checkpoints it with the steps before it. */
export function recordStep(state: ExecutionState, step: StepRecord): Promise<void> {
  state.steps.push(step);
  if (step.status === 'succeeded') state.completed.set(step.key, step);
  if (!state.recorder) return Promise.resolve();
  state.pending.push(step);
  if (step.effect !== 'write' || step.status !== 'succeeded' || step.reused) return Promise.resolve();
  const batch = state.pending;
  state.pending = [];
  const recorder = state.recorder;
  state.checkpointChain = state.checkpointChain.then(() => recorder.checkpoint(batch));
  return state.checkpointChain;
}

export const isoTime = (ms: number): string => new Date(ms).toISOString();

export type { AttemptRecord };
