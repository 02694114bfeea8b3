import type { NodeCatalog, NodeDefinition, NodeTypeManifest } from '@waybill/flow';
import type { LogLine, StepRecord, WebhookResponse } from '../execution-record.js';
import type { ExpressionCache } from '../expressions/expression-cache.js';
import type {
  Clock,
  ConcurrencyPort,
  ConnectorInvoker,
  DocumentPort,
  ExecutionDispatcher,
  SecretsPort,
  SequencePort,
} from '../ports.js';
import type { CodeSandbox } from '../sandbox/index.js';
import type { SchemaChecker } from '../schemas/schema-checker.js';

/** What executors share for the lifetime of an engine. */
export interface EngineServices {
  catalog: NodeCatalog;
  clock: Clock;
  expressions: ExpressionCache;
  schemas: SchemaChecker;
  sandbox: () => CodeSandbox;
  invoker: ConnectorInvoker | undefined;
  secrets: SecretsPort | undefined;
  dispatcher: ExecutionDispatcher | undefined;
  limiter: ConcurrencyPort | undefined;
  sequences: SequencePort | undefined;
  documents: DocumentPort | undefined;
  random: () => number;
  /** Waits up to this long happen in place; longer ones suspend the execution. */
  maxInlineWaitMs: number;
}

export interface ExecutorContext<P> {
  node: NodeDefinition;
  manifest: NodeTypeManifest;
  prepared: P;
  input: unknown;
  /** Every live input, in edge order, for nodes that join branches. */
  inputs: ReadonlyArray<{ from: string; value: unknown }>;
  /** JSONata bindings: $trigger, $nodes (outputs so far), $execution. */
  bindings: Record<string, unknown>;
  /** Output ports of this node that have edges; a port nobody listens to ends the path. */
  connectedPorts: ReadonlySet<string>;
  attempt: number;
  stepKey: string;
  executionId: string;
  flowId: string;
  idempotencyKey: string;
  /** The step as recorded by an earlier run, when this one continues it (a delay that was due later). */
  previous: StepRecord | undefined;
  signal: AbortSignal;
  log(line: LogLine): void;
  respond(response: WebhookResponse): void;
  /** Remembers a secret value so it is redacted from everything recorded. */
  redact(values: Iterable<string>): void;
  /** Runs a forEach body once per item; only the forEach executor uses it. */
  runLoop(items: unknown[], options: LoopOptions): Promise<unknown[]>;
  services: EngineServices;
}

export interface LoopOptions {
  concurrency: number;
  /** fail: the first failed item fails the loop; continue: its result is `{ error, item }`. */
  onItemError: 'fail' | 'continue';
}

export interface ExecutorOutcome {
  output: unknown;
  port: string;
  logs?: LogLine[];
}

/**
 * How one node type runs. `prepare` does the expensive part (compiling expressions and schemas)
 * once per revision; `run` does the per-execution part.
 */
export interface NodeExecutor<P = unknown> {
  prepare(node: NodeDefinition, services: EngineServices): P;
  run(context: ExecutorContext<P>): Promise<ExecutorOutcome>;
}

/**
 * Thrown by an executor that must wait longer than it may hold a worker: the execution ends as
 * `waiting` and is resumed at `resumeAt`.
 */
export class Suspend extends Error {
  constructor(readonly resumeAt: number) {
    super(`Waiting until ${new Date(resumeAt).toISOString()}.`);
    this.name = 'Suspend';
  }
}

/** Defines an executor with its prepared type inferred from `prepare`. */
export const defineExecutor = <P>(executor: NodeExecutor<P>): NodeExecutor<P> => executor;
