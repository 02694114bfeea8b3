import type {
  AcknowledgmentToRecord,
  DocumentLog,
  DocumentToRecord,
  SequenceCounter,
} from '@waybill/connector-kit';
import type { NodeTypeManifest } from '@waybill/flow';
import type { LogLine, StepRecord } from './execution-record.js';

/**
 * The engine's ports: everything it needs from the world is injected, so the same core runs in
 * the CLI, the runtime workers and tests with fake time.
 */

/** Time, injectable so retry and delay tests run without waiting. */
export interface Clock {
  now(): number;
  /** Resolves after `ms`, or rejects with an AbortError when the signal fires. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/**
 * Receives steps as the execution advances. The engine calls `checkpoint` once after every
 * side-effecting node completes, with that step and the pure or read-only steps that ran since the
 * last checkpoint; the rest arrive with the final record. The runtime commits each call, so history
 * costs one commit per side-effecting node plus one at the end.
 */
export interface StepRecorder {
  checkpoint(steps: StepRecord[]): Promise<void>;
}

/** A credential resolved for one call; values hold decrypted secrets and never reach history. */
export interface ResolvedCredential {
  id: string;
  type: string;
  values: Record<string, unknown>;
  /** Fields whose values are redacted wherever they might appear; all string fields when absent. */
  secretFields?: string[];
  /** Private or loopback hosts this credential may reach (e.g. a simulator on 127.0.0.1). */
  allowedHosts?: string[];
  /** Calls with this credential running at once across all workers; absent = unlimited. */
  maxConcurrency?: number;
}

export interface SecretsPort {
  resolve(
    credentialId: string,
    context: { executionId: string; nodeId: string },
  ): Promise<ResolvedCredential>;
}

export interface ConnectorCall {
  type: string;
  manifest: NodeTypeManifest;
  config: Record<string, unknown>;
  input: unknown;
  credential?: ResolvedCredential;
  /** Derived from the original execution and the step, so retries and replays reuse it. */
  idempotencyKey: string;
  attempt: number;
  executionId: string;
  nodeId: string;
  stepKey: string;
  signal: AbortSignal;
  log(line: LogLine): void;
  sequences?: SequenceCounter;
  documents?: DocumentLog;
}

/**
 * Counters that never repeat a number, allocated per key (see the store's sequences).
 *
 * @example
 * await sequences.next('edi:acme:interchange', 'ex_1/build#0', { start: 1 }); // 1, and 1 again for the same key
 */
export interface SequencePort {
  next(scope: string, allocationKey: string, options?: { start?: number }): Promise<number>;
}

/** A document as a step records it: the connector's record plus where it came from. */
export interface StepDocument extends DocumentToRecord {
  executionId: string;
  flowId: string;
  nodeId: string;
  stepKey: string;
  /** 0 for the step's first document. */
  ordinal: number;
}

/**
 * Where executions keep the documents they received or sent (see the store's documents).
 *
 * @example
 * await documents.record({ executionId, nodeId: 'build', stepKey: 'build', ordinal: 0, direction: 'outbound', … });
 */
export interface DocumentPort {
  record(document: StepDocument): Promise<{ id: string }>;
  acknowledge(ack: AcknowledgmentToRecord & { executionId: string }): Promise<number>;
}

export interface ConnectorResult {
  output: unknown;
  /** Output port; the manifest's default port when absent. */
  port?: string;
}

/** Runs connector operations; connector-kit provides the implementation. */
export interface ConnectorInvoker {
  invoke(call: ConnectorCall): Promise<ConnectorResult>;
}

/** One child execution to start: a chunk of records for another flow. */
export interface DispatchRequest {
  parentExecutionId: string;
  flowId: string;
  /** The child's trigger payload. */
  payload: unknown;
  businessKey: string | undefined;
  /** Unique per chunk of this step and stable across retries and replays, so a chunk starts once. */
  dedupeKey: string;
}

/** Starts executions of other flows (core.fanOut); the runtime implements it over the store. */
export interface ExecutionDispatcher {
  /** Returns the execution id of each request (the existing one for a chunk started before). */
  dispatch(requests: DispatchRequest[]): Promise<string[]>;
}

/**
 * Slots bounding concurrent work per key across workers (the runtime's concurrency limiter). A
 * slot is taken without waiting; undefined means all are in use.
 */
export interface ConcurrencyPort {
  tryAcquire(key: string, limit: number): Promise<{ release(): Promise<void> } | undefined>;
}
