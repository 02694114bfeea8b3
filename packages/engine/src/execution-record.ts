import type { ErrorInfo } from '@waybill/connector-kit';

/**
 * What an execution leaves behind: its status and one step per node run. This is the shape the
 * runtime stores and support reads; every field is JSON.
 */

export type ExecutionStatus = 'succeeded' | 'failed' | 'waiting' | 'cancelled';
export type StepStatus = 'succeeded' | 'failed' | 'waiting';

export interface AttemptRecord {
  attempt: number;
  startedAt: string;
  durationMs: number;
  error?: ErrorInfo;
}

export interface LogLine {
  level: 'log' | 'info' | 'warn' | 'error' | 'debug';
  message: string;
}

export interface StepRecord {
  /** Unique within the execution: `node`, or `loop[3]/node` for a node inside a forEach body. */
  key: string;
  nodeId: string;
  type: string;
  /** Item indexes of the enclosing loops, outermost first; absent outside loops. */
  items?: number[];
  status: StepStatus;
  input: unknown;
  output?: unknown;
  /** The output port taken; `error` when a failure was routed. */
  port?: string;
  attempts: AttemptRecord[];
  logs?: LogLine[];
  /** The error after the last attempt, for failed and routed steps. */
  error?: ErrorInfo;
  /** Changes an external system: recorded before the next node starts, never run twice. */
  effect: 'pure' | 'read' | 'write';
  /** Hash of what the node was configured to do, to tell whether a recorded output still applies. */
  definitionHash: string;
  /** When a retry or delay continues later: the moment it is due (ISO 8601). */
  resumeAt?: string;
  /** Taken over from an earlier run of this execution instead of running again. */
  reused?: boolean;
  /** The node was disabled and passed its input through. */
  disabled?: boolean;
}

export interface ExecutionError extends ErrorInfo {
  nodeId?: string;
  stepKey?: string;
}

export interface WebhookResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

export interface ExecutionRecord {
  executionId: string;
  flowId: string;
  revisionHash: string;
  status: ExecutionStatus;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  businessKey?: string;
  trigger: unknown;
  steps: StepRecord[];
  error?: ExecutionError;
  response?: WebhookResponse;
  /** For `waiting`: when the execution should be resumed (ISO 8601). */
  resumeAt?: string;
}
