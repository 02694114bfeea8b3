import { WaybillError } from '@waybill/connector-kit';
import { FOR_EACH_ITEM_PORT, FOR_EACH_TYPE, TRIGGER_NODE_ID } from '@waybill/flow';
import type { StepRecord } from '../execution-record.js';
import { type LoopOptions, Suspend } from '../executors/executor.js';
import { type ExecutionState, recordStep } from './execution-state.js';
import { ROOT_SCOPE } from './prepare-flow.js';
import { runNode } from './run-node.js';

/** An unhandled node failure: the node failed after its retries and nothing listens on its error port. */
export class NodeFailure extends Error {
  constructor(readonly step: StepRecord) {
    super(step.error?.message ?? 'A node failed.');
    this.name = 'NodeFailure';
  }
}

/** One run of a scope: the whole flow, or one item of a loop body. */
export interface ScopeRun {
  /** ROOT_SCOPE or the id of the forEach node. */
  scopeId: string;
  /** Prefix of step keys: '' at the top level, `loop[3]/` inside a body. */
  keyPrefix: string;
  items: number[] | undefined;
  /** The edges that start the scope: from the trigger, or from the loop's item port. */
  entry: { node: string; port: string; value: unknown };
  /** Outputs of the nodes that ran, visible to expressions as $nodes. */
  outputs: Record<string, unknown>;
}

interface Arrival {
  from: string;
  value: unknown;
}

/**
 * Walks a scope's graph. A node runs once every incoming edge has either delivered data or been
 * ruled out (its source took another port or was skipped); with no data at all it is skipped and
 * rules out its own edges. Ready nodes run one at a time in the order they became ready, which
 * keeps executions deterministic; loops run their items concurrently.
 *
 * Returns the nodes where the path ended, with their outputs: a loop item's result.
 */
export async function runScope(
  state: ExecutionState,
  scope: ScopeRun,
): Promise<Array<{ nodeId: string; output: unknown }>> {
  const { flow } = state;
  const members = new Set(flow.scopes.get(scope.scopeId) ?? []);
  const waitingFor = new Map<string, number>();
  const arrivals = new Map<string, Arrival[]>();
  for (const id of members) {
    const node = flow.nodes.get(id)!;
    const relevant = node.incoming.filter(
      (edge) => members.has(edge.node) || (edge.node === scope.entry.node && edge.port === scope.entry.port),
    );
    waitingFor.set(id, relevant.length);
    arrivals.set(id, []);
  }

  const ready: string[] = [];
  const deliver = (
    source: string,
    port: string,
    targets: readonly string[],
    value: unknown,
    live: boolean,
  ) => {
    for (const target of targets) {
      if (!members.has(target)) continue;
      if (live)
        arrivals
          .get(target)!
          .push({ from: source === TRIGGER_NODE_ID ? TRIGGER_NODE_ID : `${source}.${port}`, value });
      const left = waitingFor.get(target)! - 1;
      waitingFor.set(target, left);
      if (left === 0) ready.push(target);
    }
  };
  /** Sends the output down the taken port and rules out every other port; returns whether anyone listened. */
  const leave = (nodeId: string, taken: string | undefined, value: unknown): boolean => {
    let listened = false;
    for (const [port, targets] of flow.nodes.get(nodeId)!.outgoing) {
      if (port === FOR_EACH_ITEM_PORT && flow.nodes.get(nodeId)!.definition.type === FOR_EACH_TYPE) continue;
      const live = port === taken;
      if (live && targets.some((t) => members.has(t))) listened = true;
      deliver(nodeId, port, targets, value, live);
    }
    return listened;
  };

  const entryTargets =
    scope.scopeId === ROOT_SCOPE
      ? (flow.graph.outgoing.get(TRIGGER_NODE_ID)?.get(TRIGGER_NODE_ID) ?? [])
      : (flow.nodes.get(scope.scopeId)?.outgoing.get(FOR_EACH_ITEM_PORT) ?? []);
  deliver(scope.entry.node, scope.entry.port, entryTargets, scope.entry.value, true);

  const bindings = { trigger: state.trigger, nodes: scope.outputs, execution: state.executionBinding };
  const ends: Array<{ nodeId: string; output: unknown }> = [];

  for (let id = ready.shift(); id !== undefined; id = ready.shift()) {
    const node = flow.nodes.get(id)!;
    const inputs = arrivals.get(id)!;
    if (inputs.length === 0 || (state.allowed && !state.allowed.has(id))) {
      leave(id, undefined, undefined);
      continue;
    }
    state.signal.throwIfAborted();
    const key = `${scope.keyPrefix}${id}`;
    const run = await runNode(state, {
      node,
      key,
      items: scope.items,
      inputs,
      bindings,
      runLoop: (items, options) => runLoop(state, scope, key, items, options),
    });
    let { step, output } = run;
    if (step.status === 'failed' && node.connectedPorts.has('error')) {
      output = { error: step.error, input: step.input };
      step = { ...step, port: 'error', output };
    }
    await recordStep(state, step);
    if (step.status === 'waiting') throw new Suspend(Date.parse(step.resumeAt ?? ''));
    if (step.status === 'failed' && step.port !== 'error') throw new NodeFailure(step);
    scope.outputs[id] = output;
    if (!leave(id, step.port, output)) ends.push({ nodeId: id, output });
  }
  return ends;
}

/**
 * Runs a loop body once per item, `concurrency` items at a time. Results keep item order. After a
 * failure (with onItemError 'fail'), a suspension or a cancellation no new item starts; items
 * already running finish, so their side effects are recorded and a later run takes them over.
 */
async function runLoop(
  state: ExecutionState,
  parent: ScopeRun,
  loopKey: string,
  items: unknown[],
  options: LoopOptions,
) {
  const loopId = loopKey.slice(loopKey.lastIndexOf('/') + 1);
  const results: unknown[] = new Array(items.length).fill(null);
  let next = 0;
  let stop = false;
  let failure: { index: number; step: StepRecord } | undefined;
  let suspendAt: number | undefined;
  let fatal: unknown;

  const runItem = async (index: number) => {
    try {
      const ends = await runScope(state, {
        scopeId: loopId,
        keyPrefix: `${loopKey}[${index}]/`,
        items: [...(parent.items ?? []), index],
        entry: { node: loopId, port: FOR_EACH_ITEM_PORT, value: items[index] },
        outputs: Object.create(parent.outputs) as Record<string, unknown>,
      });
      results[index] =
        ends.length === 0
          ? null
          : ends.length === 1
            ? ends[0]!.output
            : Object.fromEntries(ends.map((e) => [e.nodeId, e.output]));
    } catch (error) {
      if (error instanceof NodeFailure && options.onItemError === 'continue') {
        results[index] = { error: error.step.error, item: items[index] };
        return;
      }
      stop = true;
      if (error instanceof NodeFailure) {
        if (!failure || index < failure.index) failure = { index, step: error.step };
      } else if (error instanceof Suspend) {
        suspendAt = Math.min(suspendAt ?? Number.POSITIVE_INFINITY, error.resumeAt);
      } else {
        fatal ??= error;
      }
    }
  };
  const worker = async () => {
    while (!stop && next < items.length) await runItem(next++);
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency, items.length) }, worker));

  if (fatal !== undefined) throw fatal;
  if (suspendAt !== undefined) throw new Suspend(suspendAt);
  if (failure) {
    const cause = failure.step.error;
    throw new WaybillError({
      kind: cause?.kind ?? 'system',
      code: cause?.code ?? 'LOOP_ITEM_FAILED',
      retryable: cause?.retryable ?? false,
      message: `Item ${failure.index + 1} of ${items.length} failed at node "${failure.step.nodeId}": ${cause?.message ?? 'unknown error'}`,
      details: { item: failure.index, nodeId: failure.step.nodeId, stepKey: failure.step.key },
    });
  }
  return results;
}
