import dagre from '@dagrejs/dagre';
import type { CanvasPosition, FlowDefinition, FlowLayout } from '@waybill/flow';
import { parseSource, parseTarget, TRIGGER_NODE_ID } from '@waybill/flow';

/** The size the canvas nodes are drawn at; dagre needs it to keep them apart. */
export const NODE_WIDTH = 220;
export const NODE_HEIGHT = 78;

/**
 * Positions for the trigger and every node, left to right along the edges (dagre's layered layout).
 *
 * @example
 * const positions = autoLayout(flow); // { trigger: { x: 0, y: 40 }, map: { x: 300, y: 40 } }
 */
export function autoLayout(flow: Pick<FlowDefinition, 'nodes' | 'edges'>): Record<string, CanvasPosition> {
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: 'LR', nodesep: 40, ranksep: 80, marginx: 20, marginy: 20 });
  graph.setDefaultEdgeLabel(() => ({}));
  const ids = [TRIGGER_NODE_ID, ...flow.nodes.map((node) => node.id)];
  for (const id of ids) graph.setNode(id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const edge of flow.edges) {
    const source = parseSource(edge.from).node;
    const target = parseTarget(edge.to).node;
    if (graph.hasNode(source) && graph.hasNode(target) && source !== target) graph.setEdge(source, target);
  }
  dagre.layout(graph);
  const positions: Record<string, CanvasPosition> = {};
  for (const id of ids) {
    const placed = graph.node(id);
    // dagre gives centres; the canvas places nodes by their top-left corner.
    positions[id] = placed
      ? { x: Math.round(placed.x - NODE_WIDTH / 2), y: Math.round(placed.y - NODE_HEIGHT / 2) }
      : { x: 0, y: 0 };
  }
  return positions;
}

/**
 * Where each node is drawn: its saved layout position, or (for nodes without one) where the
 * auto-layout would put it. The layout runs only when some position is missing.
 *
 * @example
 * const positions = resolvePositions(flow); // positions.trigger is always set
 */
export function resolvePositions(flow: FlowDefinition): Record<string, CanvasPosition> {
  const saved = flow.layout?.nodes ?? {};
  const missing =
    saved[TRIGGER_NODE_ID] === undefined || flow.nodes.some((node) => saved[node.id] === undefined);
  if (!missing) return saved;
  return { ...autoLayout(flow), ...saved };
}

/**
 * The layout with every node (and the trigger) re-arranged; notes are kept.
 *
 * @example
 * store.getState().apply({ op: 'setLayout', layout: arrangedLayout(flow) });
 */
export function arrangedLayout(flow: FlowDefinition): FlowLayout {
  return { ...flow.layout, nodes: autoLayout(flow) };
}
