import { type ErrorInfo, toErrorInfo } from '@waybill/connector-kit';
import { ancestorsOf, type NodeCatalog, type Revision } from '@waybill/flow';
import type { AnySchema } from 'ajv';
import { systemClock } from './clock.js';
import type { ExecutionRecord, StepRecord, WebhookResponse } from './execution-record.js';
import { type EngineServices, Suspend } from './executors/executor.js';
import { createExpressionCache } from './expressions/expression-cache.js';
import { defaultExpressionLimits, type ExpressionLimits } from './expressions/expression-limits.js';
import type {
  Clock,
  ConcurrencyPort,
  ConnectorInvoker,
  DocumentPort,
  ExecutionDispatcher,
  SecretsPort,
  SequencePort,
  StepRecorder,
} from './ports.js';
import { type ExecutionState, isoTime } from './run/execution-state.js';
import { type PreparedFlow, prepareFlow, ROOT_SCOPE } from './run/prepare-flow.js';
import { createRedactor } from './run/redactor.js';
import { NodeFailure, runScope } from './run/run-scope.js';
import { type CodeSandbox, createIsolatePool } from './sandbox/index.js';
import { canonicalSchemaRegistry } from './schemas/canonical-schemas.js';
import { createSchemaChecker } from './schemas/schema-checker.js';

export interface EngineOptions {
  catalog: NodeCatalog;
  clock?: Clock;
  /** Source of randomness for retry jitter; injectable for repeatable tests. */
  random?: () => number;
  invoker?: ConnectorInvoker;
  secrets?: SecretsPort;
  /** Starts child executions for core.fanOut; absent in the CLI. */
  dispatcher?: ExecutionDispatcher;
  /** Enforces credentials' concurrency limits; without it they are not enforced. */
  limiter?: ConcurrencyPort;
  /** Store-backed counters for connector operations (EDI control numbers); in memory when absent. */
  sequences?: SequencePort;
  /** Where connector operations keep the documents they exchange; in memory when absent. */
  documents?: DocumentPort;
  /** The code-node sandbox; a warm isolate pool is created on first use when absent. */
  sandbox?: CodeSandbox;
  /** Schemas `core.validate` and node schemas may `$ref` by their `$id`, besides the canonical entities. */
  schemas?: AnySchema[];
  expressionLimits?: Partial<ExpressionLimits>;
  /** Retry and delay waits up to this long happen in place; longer ones end the run as `waiting`. Default 5 s. */
  maxInlineWaitMs?: number;
  /** Prepared revisions kept compiled. Default 256. */
  preparedCacheSize?: number;
}

export interface RunRequest {
  executionId: string;
  revision: Revision;
  /** The trigger payload: for webhooks `{ headers, query, body }`. */
  trigger: unknown;
  recorder?: StepRecorder;
  /** Steps recorded by an earlier run of this execution: completed ones are taken over. */
  resume?: { steps: readonly StepRecord[] };
  signal?: AbortSignal;
  /** Base of idempotency keys; the original execution's id when replaying. Default: executionId. */
  idempotencyBase?: string;
  /** Run only what is needed to reach this node (a studio test run "up to here"). */
  stopAfter?: string;
  /**
   * A test run: counters and documents stay in memory, so trying a flow in the studio never uses
   * up a partner's control numbers nor adds interchanges to history.
   */
  detached?: boolean;
  /** Called once, as soon as a Respond node sets the webhook reply. */
  onResponse?: (response: WebhookResponse) => void;
}

export interface Engine {
  /** Compiles a revision (cached by hash); run() calls it, the runtime may call it ahead of time. */
  prepare(revision: Revision): PreparedFlow;
  run(request: RunRequest): Promise<ExecutionRecord>;
  /** The business key of a trigger payload, per the revision's trigger expression. */
  businessKey(revision: Revision, trigger: unknown): Promise<string | undefined>;
  /** The delivery key repeats are recognised by, per the revision's trigger dedupe expression. */
  dedupeKey(revision: Revision, trigger: unknown): Promise<string | undefined>;
  close(): Promise<void>;
}

/**
 * Creates the engine that runs revisions of flows on trigger payloads.
 *
 * @example
 * const engine = createEngine({ catalog });
 * const record = await engine.run({ executionId: 'ex_1', revision: createRevision(flow), trigger: { body: order } });
 * record.status; // 'succeeded'
 */
export function createEngine(options: EngineOptions): Engine {
  let sandbox = options.sandbox;
  let ownsSandbox = false;
  const limits = { ...defaultExpressionLimits, ...options.expressionLimits };
  const services: EngineServices = {
    catalog: options.catalog,
    clock: options.clock ?? systemClock,
    expressions: createExpressionCache(limits),
    schemas: createSchemaChecker([...canonicalSchemaRegistry(), ...(options.schemas ?? [])]),
    sandbox: () => {
      if (!sandbox) {
        sandbox = createIsolatePool();
        ownsSandbox = true;
      }
      return sandbox;
    },
    invoker: options.invoker,
    secrets: options.secrets,
    dispatcher: options.dispatcher,
    limiter: options.limiter,
    sequences: options.sequences,
    documents: options.documents,
    random: options.random ?? Math.random,
    maxInlineWaitMs: options.maxInlineWaitMs ?? 5000,
  };
  const { random } = services;
  const capacity = options.preparedCacheSize ?? 256;
  const prepared = new Map<string, PreparedFlow>();

  const prepare = (revision: Revision): PreparedFlow => {
    const hit = prepared.get(revision.hash);
    if (hit) return hit;
    const flow = prepareFlow(revision, services);
    prepared.set(revision.hash, flow);
    if (prepared.size > capacity) prepared.delete(prepared.keys().next().value as string);
    return flow;
  };

  /** A key from the trigger payload; one that cannot be computed is absent rather than an error. */
  const triggerKey = async (
    expression: PreparedFlow['businessKey'],
    trigger: unknown,
  ): Promise<string | undefined> => {
    if (!expression) return undefined;
    try {
      const value = await expression.evaluate(trigger, {});
      if (value === undefined || value === null || value === '') return undefined;
      return typeof value === 'string' ? value : JSON.stringify(value);
    } catch {
      return undefined;
    }
  };
  const businessKey = (revision: Revision, trigger: unknown) =>
    triggerKey(prepare(revision).businessKey, trigger);
  const dedupeKey = (revision: Revision, trigger: unknown) => triggerKey(prepare(revision).dedupe, trigger);

  const run = async (request: RunRequest): Promise<ExecutionRecord> => {
    const { clock } = services;
    const startedAt = clock.now();
    const started = performance.now();
    const definition = request.revision.definition;
    const base = {
      executionId: request.executionId,
      flowId: definition.id,
      revisionHash: request.revision.hash,
      startedAt: isoTime(startedAt),
      trigger: request.trigger,
    };
    const finish = (
      fields: Partial<ExecutionRecord> & Pick<ExecutionRecord, 'status' | 'steps'>,
    ): ExecutionRecord => ({
      ...base,
      ...fields,
      finishedAt: isoTime(clock.now()),
      durationMs: Math.round((performance.now() - started) * 1000) / 1000,
    });

    let flow: PreparedFlow;
    try {
      flow = prepare(request.revision);
    } catch (error) {
      return finish({ status: 'failed', steps: [], error: toErrorInfo(error) });
    }
    const key = await businessKey(request.revision, request.trigger);
    const keyField = key === undefined ? {} : { businessKey: key };
    if (request.stopAfter !== undefined && !flow.nodes.has(request.stopAfter)) {
      const error: ErrorInfo = {
        kind: 'user',
        code: 'UNKNOWN_NODE',
        message: `There is no node "${request.stopAfter}" to run up to.`,
        retryable: false,
      };
      return finish({ ...keyField, status: 'failed', steps: [], error });
    }

    const state: ExecutionState = {
      flow,
      services: request.detached ? { ...services, sequences: undefined, documents: undefined } : services,
      executionId: request.executionId,
      idempotencyBase: request.idempotencyBase ?? request.executionId,
      trigger: request.trigger,
      random,
      signal: request.signal ?? new AbortController().signal,
      redactor: createRedactor(),
      completed: new Map((request.resume?.steps ?? []).map((step) => [step.key, step])),
      steps: [],
      pending: [],
      recorder: request.recorder,
      checkpointChain: Promise.resolve(),
      allowed:
        request.stopAfter === undefined
          ? undefined
          : new Set([...ancestorsOf(flow.graph, request.stopAfter), request.stopAfter]),
      response: undefined,
      onResponse: request.onResponse,
      executionBinding: { id: request.executionId, flowId: definition.id, revision: request.revision.hash },
    };

    try {
      await runScope(state, {
        scopeId: ROOT_SCOPE,
        keyPrefix: '',
        items: undefined,
        entry: { node: 'trigger', port: 'trigger', value: request.trigger },
        outputs: {},
      });
      await state.checkpointChain;
      return finish({ ...keyField, status: 'succeeded', steps: state.steps, ...responseField(state) });
    } catch (error) {
      await state.checkpointChain.catch(() => undefined);
      if (error instanceof Suspend) {
        return finish({
          ...keyField,
          status: 'waiting',
          steps: state.steps,
          resumeAt: isoTime(error.resumeAt),
          ...responseField(state),
        });
      }
      if (error instanceof NodeFailure) {
        const info = error.step.error ?? toErrorInfo(error);
        return finish({
          ...keyField,
          status: 'failed',
          steps: state.steps,
          error: { ...info, nodeId: error.step.nodeId, stepKey: error.step.key },
          ...responseField(state),
        });
      }
      if (state.signal.aborted) {
        const error: ErrorInfo = {
          kind: 'system',
          code: 'CANCELLED',
          message: 'The execution was cancelled.',
          retryable: false,
        };
        return finish({ ...keyField, status: 'cancelled', steps: state.steps, error });
      }
      return finish({
        ...keyField,
        status: 'failed',
        steps: state.steps,
        error: state.redactor.scrub(toErrorInfo(error)),
      });
    }
  };

  return {
    prepare,
    run,
    businessKey,
    dedupeKey,
    async close() {
      if (ownsSandbox && sandbox) await sandbox.close();
      sandbox = undefined;
    },
  };
}

function responseField(state: ExecutionState): { response?: WebhookResponse } {
  return state.response ? { response: state.response } : {};
}
