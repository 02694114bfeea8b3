import { ERROR_PORT } from '../node-types/manifest.js';
import { type FlowDefinition, type NodeDefinition, TRIGGER_NODE_ID } from '../schema/flow-schema.js';
import { parseSource, parseTarget } from './endpoints.js';

/** The port of `core.forEach` whose edges lead into the loop body. */
export const FOR_EACH_ITEM_PORT = 'item';
export const FOR_EACH_TYPE = 'core.forEach';

export interface IncomingEdge {
  /** Source node id, or `trigger`. */
  node: string;
  /** Source port; `trigger` for edges from the trigger. */
  port: string;
}

/**
 * The flow as an adjacency structure. Built leniently: edges naming missing nodes are left out,
 * so the validator can build it before reporting them and the engine after they were rejected.
 */
export interface FlowGraph {
  nodes: ReadonlyMap<string, NodeDefinition>;
  /** outgoing.get(nodeId or 'trigger').get(port) = target node ids, in edge order. */
  outgoing: ReadonlyMap<string, ReadonlyMap<string, readonly string[]>>;
  /** incoming.get(nodeId) = sources, in edge order. */
  incoming: ReadonlyMap<string, readonly IncomingEdge[]>;
  /** forEach id → every node of its body, nested bodies included. */
  bodies: ReadonlyMap<string, ReadonlySet<string>>;
  /** node id → the innermost forEach whose body holds it; absent for top-level nodes. */
  scopeOf: ReadonlyMap<string, string>;
}

/**
 * Builds the graph of a flow.
 *
 * @example
 * const graph = buildGraph(flow);
 * graph.outgoing.get('check')?.get('valid'); // ['create_so']
 */
export function buildGraph(flow: Pick<FlowDefinition, 'nodes' | 'edges'>): FlowGraph {
  const nodes = new Map<string, NodeDefinition>();
  for (const node of flow.nodes) if (!nodes.has(node.id)) nodes.set(node.id, node);

  const outgoing = new Map<string, Map<string, string[]>>();
  const incoming = new Map<string, IncomingEdge[]>();
  for (const id of nodes.keys()) incoming.set(id, []);

  for (const edge of flow.edges) {
    const source = parseSource(edge.from);
    const target = parseTarget(edge.to);
    const sourceExists = source.node === TRIGGER_NODE_ID || nodes.has(source.node);
    if (!sourceExists || !nodes.has(target.node)) continue;
    const port = source.port ?? TRIGGER_NODE_ID;
    let ports = outgoing.get(source.node);
    if (!ports) {
      ports = new Map();
      outgoing.set(source.node, ports);
    }
    const targets = ports.get(port) ?? [];
    if (targets.includes(target.node)) continue;
    targets.push(target.node);
    ports.set(port, targets);
    incoming.get(target.node)?.push({ node: source.node, port });
  }

  const bodies = new Map<string, Set<string>>();
  for (const node of nodes.values()) {
    if (node.type !== FOR_EACH_TYPE) continue;
    bodies.set(
      node.id,
      reachableFrom(outgoing.get(node.id)?.get(FOR_EACH_ITEM_PORT) ?? [], outgoing, node.id),
    );
  }

  // The innermost loop holding a node is the one with the smallest body among those holding it.
  const scopeOf = new Map<string, string>();
  for (const id of nodes.keys()) {
    let best: string | undefined;
    for (const [loop, body] of bodies) {
      if (
        body.has(id) &&
        (best === undefined || body.size < (bodies.get(best)?.size ?? Number.POSITIVE_INFINITY))
      ) {
        best = loop;
      }
    }
    if (best !== undefined) scopeOf.set(id, best);
  }
  return { nodes, outgoing, incoming, bodies, scopeOf };
}

/** Nodes reachable from the start nodes over edges of any port, never passing through `stop`. */
export function reachableFrom(
  start: readonly string[],
  outgoing: ReadonlyMap<string, ReadonlyMap<string, readonly string[]>>,
  stop?: string,
): Set<string> {
  const seen = new Set<string>();
  const queue = start.filter((id) => id !== stop);
  while (queue.length > 0) {
    const id = queue.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const targets of outgoing.get(id)?.values() ?? []) {
      for (const target of targets) if (target !== stop && !seen.has(target)) queue.push(target);
    }
  }
  return seen;
}

/** Nodes whose output can flow into `nodeId` (its ancestors), used to run a flow up to one node. */
export function ancestorsOf(graph: FlowGraph, nodeId: string): Set<string> {
  const seen = new Set<string>();
  const queue = [nodeId];
  while (queue.length > 0) {
    const id = queue.pop()!;
    for (const edge of graph.incoming.get(id) ?? []) {
      if (edge.node !== TRIGGER_NODE_ID && !seen.has(edge.node)) {
        seen.add(edge.node);
        queue.push(edge.node);
      }
    }
    // A node inside a loop body needs the loop itself to run.
    const loop = graph.scopeOf.get(id);
    if (loop !== undefined && !seen.has(loop)) {
      seen.add(loop);
      queue.push(loop);
    }
  }
  return seen;
}

/** True when the port is the implicit failure port every node has. */
export const isErrorPort = (port: string): boolean => port === ERROR_PORT;
