import { edgeKey, edgeNodeIds, normaliseEdge } from '../edit/edge-identity.js';
import type { EdgeDefinition, FlowDefinition } from '../schema/flow-schema.js';
import type { NodeMove } from './flow-diff.js';

export interface ConnectionDiff {
  edgesAdded: EdgeDefinition[];
  edgesRemoved: EdgeDefinition[];
  moved: NodeMove[];
}

/**
 * Compares the edges of two revisions as sets of normalised connections, and lists the nodes present
 * in both whose incoming connections differ.
 *
 * @example
 * diffConnections(before, after).moved;
 * // [{ nodeId: 'create_so', before: ['check.valid'], after: ['check.invalid'] }]
 */
export function diffConnections(
  before: Pick<FlowDefinition, 'nodes' | 'edges'>,
  after: Pick<FlowDefinition, 'nodes' | 'edges'>,
): ConnectionDiff {
  const old = connections(before.edges);
  const next = connections(after.edges);
  const oldIncoming = incoming(old.values());
  const newIncoming = incoming(next.values());
  const beforeIds = new Set(before.nodes.map((node) => node.id));

  const moved: NodeMove[] = [];
  for (const id of new Set(after.nodes.map((node) => node.id))) {
    if (!beforeIds.has(id)) continue;
    const was = [...(oldIncoming.get(id) ?? [])].sort();
    const now = [...(newIncoming.get(id) ?? [])].sort();
    if (was.join('\n') !== now.join('\n')) moved.push({ nodeId: id, before: was, after: now });
  }
  return {
    edgesAdded: [...next].filter(([key]) => !old.has(key)).map(([, edge]) => edge),
    edgesRemoved: [...old].filter(([key]) => !next.has(key)).map(([, edge]) => edge),
    moved,
  };
}

/** Normalised edges by connection key, in first-seen order; duplicates collapse. */
function connections(edges: readonly EdgeDefinition[]): Map<string, EdgeDefinition> {
  const byKey = new Map<string, EdgeDefinition>();
  for (const edge of edges) {
    const key = edgeKey(edge);
    if (!byKey.has(key)) byKey.set(key, normaliseEdge(edge));
  }
  return byKey;
}

function incoming(edges: Iterable<EdgeDefinition>): Map<string, Set<string>> {
  const sources = new Map<string, Set<string>>();
  for (const edge of edges) {
    const { target } = edgeNodeIds(edge);
    const set = sources.get(target) ?? new Set<string>();
    set.add(edge.from);
    sources.set(target, set);
  }
  return sources;
}
