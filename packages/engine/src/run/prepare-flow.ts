import { userError, WaybillError } from '@waybill/connector-kit';
import {
  buildGraph,
  contentHash,
  type FlowGraph,
  type IncomingEdge,
  type NodeDefinition,
  type NodeTypeManifest,
  outputPortsOf,
  type Revision,
} from '@waybill/flow';
import type { EngineServices, NodeExecutor } from '../executors/executor.js';
import { executorFor } from '../executors/registry.js';
import type { CompiledExpression } from '../expressions/compiled-expression.js';
import type { SchemaCheck } from '../schemas/schema-checker.js';
import { type ResolvedRetryPolicy, resolveRetryPolicy } from './backoff.js';

/** A node with everything compiled that can be compiled before any data arrives. */
export interface PreparedNode {
  definition: NodeDefinition;
  manifest: NodeTypeManifest;
  executor: NodeExecutor<unknown>;
  /** The executor's compiled form of the config. */
  prepared: unknown;
  /** Set when preparing failed; the node fails with it when it runs. */
  prepareError: WaybillError | undefined;
  effect: NodeTypeManifest['effect'];
  definitionHash: string;
  retry: ResolvedRetryPolicy;
  inputCheck: SchemaCheck | undefined;
  outputCheck: SchemaCheck | undefined;
  /** Output ports that have at least one edge. */
  connectedPorts: ReadonlySet<string>;
  outgoing: ReadonlyMap<string, readonly string[]>;
  incoming: readonly IncomingEdge[];
  /** The loop whose body holds the node; undefined at the top level. */
  scope: string | undefined;
}

export interface PreparedFlow {
  revision: Revision;
  graph: FlowGraph;
  nodes: ReadonlyMap<string, PreparedNode>;
  /** Members of each scope ('' = top level, else a forEach id), excluding nested bodies. */
  scopes: ReadonlyMap<string, readonly string[]>;
  businessKey: CompiledExpression | undefined;
  dedupe: CompiledExpression | undefined;
}

export const ROOT_SCOPE = '';

/**
 * Compiles a revision once: the graph, every JSONata expression and JSON Schema, retry policies and
 * the hashes that let a resumed execution tell which recorded outputs still apply.
 */
export function prepareFlow(revision: Revision, services: EngineServices): PreparedFlow {
  const flow = revision.definition;
  const graph = buildGraph(flow);
  const nodes = new Map<string, PreparedNode>();
  const scopes = new Map<string, string[]>([[ROOT_SCOPE, []]]);

  for (const definition of graph.nodes.values()) {
    const manifest = services.catalog.node(definition.type);
    if (!manifest) {
      throw userError({
        code: 'UNKNOWN_NODE_TYPE',
        message: `Node "${definition.id}" has the type "${definition.type}", which this engine does not know.`,
      });
    }
    const executor = executorFor(definition.type);
    let prepared: unknown;
    let prepareError: WaybillError | undefined;
    let inputCheck: SchemaCheck | undefined;
    let outputCheck: SchemaCheck | undefined;
    try {
      prepared = executor.prepare(definition, services);
      if (definition.inputSchema)
        inputCheck = services.schemas.compile(
          definition.inputSchema,
          `node "${definition.id}" (inputSchema)`,
        );
      if (definition.outputSchema)
        outputCheck = services.schemas.compile(
          definition.outputSchema,
          `node "${definition.id}" (outputSchema)`,
        );
    } catch (error) {
      if (!(error instanceof WaybillError)) throw error;
      prepareError = error;
    }
    const outgoing = graph.outgoing.get(definition.id) ?? new Map<string, readonly string[]>();
    const scope = graph.scopeOf.get(definition.id);
    nodes.set(definition.id, {
      definition,
      manifest,
      executor,
      prepared,
      prepareError,
      effect: manifest.effect,
      definitionHash: contentHash({
        type: definition.type,
        config: definition.config,
        credential: definition.credential ?? null,
        inputSchema: definition.inputSchema ?? null,
        outputSchema: definition.outputSchema ?? null,
        disabled: definition.disabled ?? false,
      }),
      retry: resolveRetryPolicy(definition.retry),
      inputCheck,
      outputCheck,
      connectedPorts: new Set(
        outputPortsOf(manifest, definition.config ?? {}).filter(
          (port) => (outgoing.get(port)?.length ?? 0) > 0,
        ),
      ),
      outgoing,
      incoming: graph.incoming.get(definition.id) ?? [],
      scope,
    });
    const key = scope ?? ROOT_SCOPE;
    const members = scopes.get(key) ?? [];
    members.push(definition.id);
    scopes.set(key, members);
  }

  const businessKey = flow.trigger.businessKey
    ? services.expressions.get(flow.trigger.businessKey, 'trigger.businessKey')
    : undefined;
  const dedupe = flow.trigger.dedupe
    ? services.expressions.get(flow.trigger.dedupe, 'trigger.dedupe')
    : undefined;
  return { revision, graph, nodes, scopes, businessKey, dedupe };
}
