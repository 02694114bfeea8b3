import { type ErrorInfo, toErrorInfo, userError } from '@waybill/connector-kit';
import { canonicalJson } from '@waybill/flow';
import type { AttemptRecord, LogLine, StepRecord } from '../execution-record.js';
import { type ExecutorContext, Suspend } from '../executors/executor.js';
import type { SchemaViolation } from '../schemas/schema-checker.js';
import { backoffDelay, shouldRetry } from './backoff.js';
import { type ExecutionState, isoTime } from './execution-state.js';
import type { PreparedNode } from './prepare-flow.js';

export interface NodeInvocation {
  node: PreparedNode;
  key: string;
  items: number[] | undefined;
  inputs: ReadonlyArray<{ from: string; value: unknown }>;
  bindings: Record<string, unknown>;
  runLoop: ExecutorContext<unknown>['runLoop'];
}

/** Logs kept per step: enough to debug, bounded so a chatty node cannot bloat history. */
const MAX_LOG_LINES = 200;

/**
 * Runs one node with its retry policy and returns its step: `succeeded` with the port taken,
 * `failed` with the error after the last attempt, or `waiting` when a retry or delay must continue
 * later. A step completed earlier is taken over instead of run again: always for side-effecting
 * nodes, and for other nodes when neither their definition nor their input changed.
 */
export interface NodeRun {
  /** The step as recorded: secrets redacted. */
  step: StepRecord;
  /** The output handed to the next nodes: as the node produced it. */
  output: unknown;
}

export async function runNode(state: ExecutionState, invocation: NodeInvocation): Promise<NodeRun> {
  const { node, key, items, inputs } = invocation;
  const input = inputs.length === 1 ? inputs[0]?.value : inputs.map((i) => i.value);
  const previous = state.completed.get(key);
  if (previous && canReuse(previous, node, input))
    return { step: { ...previous, reused: true }, output: previous.output };

  const resumed = previous?.status === 'waiting' ? previous : undefined;
  const base: StepRecord = {
    key,
    nodeId: node.definition.id,
    type: node.definition.type,
    ...(items ? { items } : {}),
    status: 'succeeded',
    input,
    attempts: resumed ? [...resumed.attempts] : [],
    effect: node.effect,
    definitionHash: node.definitionHash,
  };

  if (node.definition.disabled) {
    const port = node.manifest.defaultPort;
    return finish(state, { ...base, output: input, ...(port ? { port } : {}), disabled: true }, []);
  }

  const { clock, maxInlineWaitMs } = state.services;
  const logs: LogLine[] = [];
  const log = (line: LogLine) => {
    if (logs.length < MAX_LOG_LINES) logs.push(line);
  };

  // A retry that was due later: wait for its moment before the next attempt.
  if (resumed?.error && resumed.resumeAt) {
    const wait = Date.parse(resumed.resumeAt) - clock.now();
    if (wait > maxInlineWaitMs)
      return finish(
        state,
        { ...base, status: 'waiting', error: resumed.error, resumeAt: resumed.resumeAt },
        logs,
      );
    if (wait > 0) await clock.sleep(wait, state.signal);
  }

  const attempts = base.attempts;
  for (;;) {
    state.signal.throwIfAborted();
    const attempt = attempts.length + 1;
    const startedAt = clock.now();
    const started = performance.now();
    const record = (error?: ErrorInfo): AttemptRecord => ({
      attempt,
      startedAt: isoTime(startedAt),
      durationMs: Math.round((performance.now() - started) * 1000) / 1000,
      ...(error ? { error } : {}),
    });
    try {
      if (node.prepareError) throw node.prepareError;
      if (inputs.length > 1 && node.definition.type !== MERGE_TYPE) throw multipleInputs(node, inputs);
      if (node.inputCheck) assertSchema(node.inputCheck(input), node, 'input');
      const outcome = await node.executor.run({
        node: node.definition,
        manifest: node.manifest,
        prepared: node.prepared,
        input,
        inputs,
        bindings: invocation.bindings,
        connectedPorts: node.connectedPorts,
        attempt,
        stepKey: key,
        executionId: state.executionId,
        flowId: state.executionBinding.flowId,
        idempotencyKey: `${state.idempotencyBase}:${key}`,
        previous: resumed,
        signal: state.signal,
        log,
        respond: (response) => {
          if (state.response) return;
          state.response = response;
          state.onResponse?.(response);
        },
        redact: (values) => state.redactor.add(values),
        runLoop: invocation.runLoop,
        services: state.services,
      });
      if (outcome.logs) for (const line of outcome.logs) log(line);
      if (node.outputCheck) assertSchema(node.outputCheck(outcome.output), node, 'output');
      attempts.push(record());
      return finish(state, { ...base, output: outcome.output, port: outcome.port }, logs);
    } catch (error) {
      if (error instanceof Suspend) {
        return finish(state, { ...base, status: 'waiting', resumeAt: isoTime(error.resumeAt) }, logs);
      }
      if (state.signal.aborted) throw state.signal.reason ?? error;
      const info = state.redactor.scrub(toErrorInfo(error));
      attempts.push(record(info));
      if (!shouldRetry(node.retry, info, attempt))
        return finish(state, { ...base, status: 'failed', error: info }, logs);
      const wait = backoffDelay(node.retry, attempt, state.random, info.retryAfterMs);
      if (wait > maxInlineWaitMs) {
        return finish(
          state,
          { ...base, status: 'waiting', error: info, resumeAt: isoTime(clock.now() + wait) },
          logs,
        );
      }
      await clock.sleep(wait, state.signal);
    }
  }
}

const MERGE_TYPE = 'core.merge';

function multipleInputs(node: PreparedNode, inputs: NodeInvocation['inputs']) {
  return userError({
    code: 'MULTIPLE_INPUTS',
    message: `Node "${node.definition.id}" received data from ${inputs.length} branches at once (${inputs
      .map((i) => i.from)
      .join(', ')}); join them with a Merge node first.`,
  });
}

/** Side effects never repeat; anything else is reused only when it would compute the same thing. */
function canReuse(previous: StepRecord, node: PreparedNode, input: unknown): boolean {
  if (previous.status !== 'succeeded') return false;
  if (node.effect === 'write') return true;
  if (previous.definitionHash !== node.definitionHash) return false;
  return canonicalJson(previous.input) === canonicalJson(input);
}

function assertSchema(violations: SchemaViolation[], node: PreparedNode, which: 'input' | 'output'): void {
  if (violations.length === 0) return;
  const list = violations
    .slice(0, 5)
    .map((v) => v.message)
    .join(' ');
  throw userError({
    code: which === 'input' ? 'INPUT_SCHEMA_MISMATCH' : 'OUTPUT_SCHEMA_MISMATCH',
    message: `The ${which} of node "${node.definition.id}" does not match its ${which} schema: ${list}`,
    details: { errors: violations },
  });
}

function finish(state: ExecutionState, step: StepRecord, logs: LogLine[]): NodeRun {
  if (logs.length > 0) step.logs = logs;
  if (!state.redactor.active) return { step, output: step.output };
  const recorded: StepRecord = {
    ...step,
    input: state.redactor.scrub(step.input),
    ...(step.output === undefined ? {} : { output: state.redactor.scrub(step.output) }),
    ...(step.logs ? { logs: state.redactor.scrub(step.logs) } : {}),
  };
  return { step: recorded, output: step.output };
}
