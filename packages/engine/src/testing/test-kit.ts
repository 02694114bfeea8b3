import { connectorError, type ErrorInfo, WaybillError } from '@waybill/connector-kit';
import {
  coreNodeManifests,
  coreTriggerManifests,
  createCatalog,
  createRevision,
  type EdgeDefinition,
  type FlowDefinition,
  type NodeDefinition,
  type NodeTypeManifest,
} from '@waybill/flow';
import type { StepRecord } from '../execution-record.js';
import type { ConnectorCall, ConnectorInvoker, ConnectorResult, StepRecorder } from '../ports.js';

/**
 * Shared pieces for engine tests: a catalog with two fake connector operations (one that writes,
 * one that reads), an invoker that counts calls and fails on demand, and a recorder that keeps
 * every checkpoint.
 */

export const writeManifest: NodeTypeManifest = {
  type: 'test.createOrder',
  title: 'Create order',
  category: 'test',
  effect: 'write',
  configSchema: { type: 'object' },
  outputs: ['out'],
  defaultPort: 'out',
  credential: { types: ['test'], required: false },
};

export const readManifest: NodeTypeManifest = {
  ...writeManifest,
  type: 'test.lookup',
  title: 'Lookup',
  effect: 'read',
};

export const testCatalog = createCatalog({
  nodes: [...coreNodeManifests, writeManifest, readManifest],
  triggers: coreTriggerManifests,
});

export function flowOf(
  nodes: NodeDefinition[],
  edges: EdgeDefinition[],
  extra: Partial<FlowDefinition> = {},
) {
  return createRevision({
    schemaVersion: 1,
    id: 'test-flow',
    name: 'Test flow',
    trigger: { type: 'core.manual', config: {} },
    nodes,
    edges,
    ...extra,
  });
}

/** A chain trigger → a → b → … over the default ports. */
export function chain(nodes: NodeDefinition[]) {
  const edges: EdgeDefinition[] = nodes.map((node, i) => ({
    from: i === 0 ? 'trigger' : nodes[i - 1]!.id,
    to: node.id,
  }));
  return flowOf(nodes, edges);
}

type Behaviour = (call: ConnectorCall) => ConnectorResult | Promise<ConnectorResult>;

export interface FakeInvoker extends ConnectorInvoker {
  calls: ConnectorCall[];
  countFor(nodeId: string): number;
  /** The next calls of this node fail with these errors, in order, then behave normally. */
  failNext(nodeId: string, ...errors: ErrorInfo[]): void;
  behave(nodeId: string, behaviour: Behaviour): void;
}

export function createFakeInvoker(): FakeInvoker {
  const calls: ConnectorCall[] = [];
  const failures = new Map<string, ErrorInfo[]>();
  const behaviours = new Map<string, Behaviour>();
  return {
    calls,
    countFor: (nodeId) => calls.filter((c) => c.nodeId === nodeId).length,
    failNext: (nodeId, ...errors) => failures.set(nodeId, [...(failures.get(nodeId) ?? []), ...errors]),
    behave: (nodeId, behaviour) => behaviours.set(nodeId, behaviour),
    async invoke(call) {
      calls.push(call);
      const queued = failures.get(call.nodeId);
      const next = queued?.shift();
      if (next) throw new WaybillError(next);
      const behaviour = behaviours.get(call.nodeId);
      if (behaviour) return behaviour(call);
      return { output: { created: call.input, key: call.idempotencyKey } };
    },
  };
}

export const upstream503 = (): ErrorInfo =>
  connectorError({
    code: 'UPSTREAM_UNAVAILABLE',
    message: 'The ERP answered 503 Service Unavailable.',
    upstream: { status: 503 },
  }).info;

export function createMemoryRecorder(): StepRecorder & { checkpoints: StepRecord[][] } {
  const checkpoints: StepRecord[][] = [];
  return {
    checkpoints,
    async checkpoint(steps) {
      checkpoints.push(structuredClone(steps));
    },
  };
}
