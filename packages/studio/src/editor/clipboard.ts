import type { CanvasPosition, EdgeDefinition, FlowDefinition, FlowEdit, NodeDefinition } from '@waybill/flow';
import { parseSource, parseTarget } from '@waybill/flow';
import { uniqueNodeId } from './node-defaults.js';
import { edgeSource } from './node-ports.js';

/** What Ctrl+C puts on the clipboard: nodes, the edges between them, and where they were. */
export interface ClipboardPayload {
  kind: 'waybill.nodes';
  nodes: NodeDefinition[];
  edges: EdgeDefinition[];
  positions: Record<string, CanvasPosition>;
}

/** Where pasted nodes land relative to the copied ones, so they do not cover them. */
const PASTE_OFFSET = 40;

/**
 * The selected nodes with the edges that run between two of them (edges to unselected nodes
 * would dangle in another flow, so they are left behind).
 *
 * @example
 * const payload = copyNodes(flow, ['map', 'check'], positions);
 */
export function copyNodes(
  flow: FlowDefinition,
  ids: readonly string[],
  positions: Record<string, CanvasPosition>,
): ClipboardPayload | undefined {
  const wanted = new Set(ids);
  const nodes = flow.nodes.filter((node) => wanted.has(node.id));
  if (nodes.length === 0) return undefined;
  const edges = flow.edges.filter(
    (edge) => wanted.has(parseSource(edge.from).node) && wanted.has(parseTarget(edge.to).node),
  );
  const placed: Record<string, CanvasPosition> = {};
  for (const node of nodes) placed[node.id] = positions[node.id] ?? { x: 0, y: 0 };
  return { kind: 'waybill.nodes', nodes, edges, positions: placed };
}

/**
 * Reads a clipboard text back; anything that is not a Waybill node payload gives undefined.
 *
 * @example
 * parseClipboard(JSON.stringify(payload))?.nodes.length;
 */
export function parseClipboard(text: string | null | undefined): ClipboardPayload | undefined {
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as Partial<ClipboardPayload>;
    if (value?.kind !== 'waybill.nodes' || !Array.isArray(value.nodes) || !Array.isArray(value.edges)) {
      return undefined;
    }
    return {
      kind: 'waybill.nodes',
      nodes: value.nodes,
      edges: value.edges,
      positions: value.positions ?? {},
    };
  } catch {
    return undefined;
  }
}

/**
 * The one edit that pastes a payload: each node gets its id, or a fresh one when the flow has it
 * already, and the copied edges follow the renamed ids. Undo removes the whole paste at once.
 *
 * @example
 * const { edit, ids } = pasteEdit(flow, payload);
 * store.getState().apply(edit); store.getState().select(ids);
 */
export function pasteEdit(
  flow: FlowDefinition,
  payload: ClipboardPayload,
): { edit: FlowEdit; ids: string[] } {
  const taken = new Set(flow.nodes.map((node) => node.id));
  taken.add('trigger');
  const renamed = new Map<string, string>();
  const edits: FlowEdit[] = [];
  for (const node of payload.nodes) {
    const id = taken.has(node.id) ? uniqueNodeId(node.id, taken) : node.id;
    taken.add(id);
    renamed.set(node.id, id);
    const at = payload.positions[node.id] ?? { x: 0, y: 0 };
    edits.push({
      op: 'addNode',
      node: { ...node, id },
      position: { x: at.x + PASTE_OFFSET, y: at.y + PASTE_OFFSET },
    });
  }
  for (const edge of payload.edges) {
    const source = parseSource(edge.from);
    const target = parseTarget(edge.to);
    const from = renamed.get(source.node);
    const to = renamed.get(target.node);
    if (!from || !to) continue;
    edits.push({ op: 'connect', edge: { from: edgeSource(from, source.port), to } });
  }
  return { edit: { op: 'batch', edits }, ids: [...renamed.values()] };
}
