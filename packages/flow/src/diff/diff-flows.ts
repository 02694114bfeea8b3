import { isDeepEqual } from '../edit/deep-equal.js';
import type { FlowDefinition, NodeDefinition } from '../schema/flow-schema.js';
import { diffConnections } from './diff-connections.js';
import { diffExpressions, isDefaultExpressionPath } from './expression-paths.js';
import type { DiffOptions, ExpressionPathPredicate, FlowDiff, NodeChange } from './flow-diff.js';
import { diffValues } from './value-changes.js';

/** Members compared on their own; whatever else sits at the top of a flow counts as meta. */
const STRUCTURE_KEYS: ReadonlySet<string> = new Set(['trigger', 'nodes', 'edges', 'layout']);

/**
 * The semantic difference between two revisions of a flow: what an analyst reviewing a change needs to
 * see, without canvas moves, reordering or edge spelling. Nodes are matched by id, edges as normalised
 * connections; values inside nodes and the trigger are compared by JSON pointer, arrays index by index.
 *
 * @example
 * const diff = diffFlows(previous, current);
 * diff.changed;                  // false when only the layout moved
 * diff.nodesChanged[0]?.changes; // [{ path: '/config/expression', before: '…', after: '…', kind: 'changed' }]
 * diff.moved;                    // [{ nodeId: 'create_so', before: ['check.valid'], after: ['check.invalid'] }]
 */
export function diffFlows(
  before: FlowDefinition,
  after: FlowDefinition,
  options: DiffOptions = {},
): FlowDiff {
  const isExpression = options.isExpressionPath ?? isDefaultExpressionPath;
  const oldNodes = firstById(before.nodes);
  const newNodes = firstById(after.nodes);

  const meta = diffValues(metaOf(before), metaOf(after));
  const trigger = diffValues(before.trigger, after.trigger, ['trigger']);
  const nodesAdded = [...newNodes.values()].filter((node) => !oldNodes.has(node.id));
  const nodesRemoved = [...oldNodes.values()].filter((node) => !newNodes.has(node.id));
  const nodesChanged: NodeChange[] = [];
  for (const node of newNodes.values()) {
    const old = oldNodes.get(node.id);
    const change = old && diffNode(old, node, isExpression);
    if (change) nodesChanged.push(change);
  }
  const connections = diffConnections(before, after);

  const changed =
    meta.length > 0 ||
    trigger.length > 0 ||
    nodesAdded.length > 0 ||
    nodesRemoved.length > 0 ||
    nodesChanged.length > 0 ||
    connections.edgesAdded.length > 0 ||
    connections.edgesRemoved.length > 0;
  return {
    changed,
    layoutChanged: !isDeepEqual(before.layout ?? {}, after.layout ?? {}),
    meta,
    trigger,
    nodesAdded,
    nodesRemoved,
    nodesChanged,
    ...connections,
  };
}

function diffNode(
  before: NodeDefinition,
  after: NodeDefinition,
  isExpression: ExpressionPathPredicate,
): NodeChange | undefined {
  const changes = diffValues(before, after);
  if (changes.length === 0) return undefined;
  return {
    nodeId: after.id,
    ...(before.type === after.type ? {} : { typeChanged: { before: before.type, after: after.type } }),
    changes,
    expressionChanges: diffExpressions(before, after, isExpression),
  };
}

/** Duplicate ids are the validator's to report; like the graph builder, the first one wins. */
function firstById(nodes: readonly NodeDefinition[]): Map<string, NodeDefinition> {
  const byId = new Map<string, NodeDefinition>();
  for (const node of nodes) if (!byId.has(node.id)) byId.set(node.id, node);
  return byId;
}

function metaOf(flow: FlowDefinition): Record<string, unknown> {
  return Object.fromEntries(Object.entries(flow).filter(([key]) => !STRUCTURE_KEYS.has(key)));
}
