import type { CanvasEdge, CanvasNode } from './canvas-model.js';

/**
 * The nodes React Flow should hold now: the derived ones, with the selection applied and with
 * what React Flow measured kept. A node whose data, position and selection are unchanged keeps its
 * object, so React Flow does not redraw it.
 *
 * @example
 * setNodes((previous) => syncNodes(previous, derived, new Set(selection)));
 */
export function syncNodes(
  previous: readonly CanvasNode[],
  derived: readonly CanvasNode[],
  selected: ReadonlySet<string>,
): CanvasNode[] {
  const byId = new Map(previous.map((node) => [node.id, node]));
  let same = previous.length === derived.length;
  const next = derived.map((node, index) => {
    const old = byId.get(node.id);
    const isSelected = selected.has(node.id);
    if (
      old &&
      old.data === node.data &&
      old.position.x === node.position.x &&
      old.position.y === node.position.y &&
      (old.selected ?? false) === isSelected &&
      old.style === node.style
    ) {
      if (previous[index] !== old) same = false;
      return old;
    }
    same = false;
    return {
      ...node,
      selected: isSelected,
      ...(old?.measured ? { measured: old.measured } : {}),
      ...(old?.width !== undefined ? { width: old.width, height: old.height } : {}),
    } as CanvasNode;
  });
  return same ? (previous as CanvasNode[]) : next;
}

/**
 * The edges React Flow should hold: the derived ones with the user's edge selection kept.
 *
 * @example
 * setEdges((previous) => syncEdges(previous, derived));
 */
export function syncEdges(previous: readonly CanvasEdge[], derived: readonly CanvasEdge[]): CanvasEdge[] {
  const selected = new Set(previous.filter((edge) => edge.selected).map((edge) => edge.id));
  if (selected.size === 0) return derived as CanvasEdge[];
  return derived.map((edge) => (selected.has(edge.id) ? { ...edge, selected: true } : edge));
}
