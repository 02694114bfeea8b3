import { type EdgeDefinition, type FlowDefinition, TRIGGER_NODE_ID } from '../schema/flow-schema.js';
import { isRecord } from './deep-equal.js';
import { edgeKey, edgeNodeIds } from './edge-identity.js';
import type { EditOf, SingleFlowEdit } from './flow-edit.js';
import { insertAt } from './immutable.js';
import { type Applied, type Failure, fail, indexError, isInsertIndex, type OpOutcome } from './op-outcome.js';

function isEdge(value: unknown): value is EdgeDefinition {
  return isRecord(value) && typeof value.from === 'string' && typeof value.to === 'string';
}

/** The first endpoint of the edge that names no node of the flow, as an error; undefined when both exist. */
function missingEndpoint(flow: FlowDefinition, edge: EdgeDefinition): Failure | undefined {
  const { source, target } = edgeNodeIds(edge);
  const exists = (id: string) => flow.nodes.some((node) => node.id === id);
  if (source !== TRIGGER_NODE_ID && !exists(source)) {
    return fail('node-not-found', `The connection starts at "${source}", which is not a node of this flow.`);
  }
  if (!exists(target))
    return fail('node-not-found', `The connection ends at "${target}", which is not a node of this flow.`);
  return undefined;
}

/**
 * Adds an edge between existing nodes unless an equivalent one exists.
 *
 * @example
 * connect(flow, { op: 'connect', edge: { from: 'check.invalid', to: 'notify' } });
 */
export function connect(flow: FlowDefinition, edit: EditOf<'connect'>): OpOutcome<Applied> {
  const { edge } = edit;
  if (!isEdge(edge)) return fail('invalid-value', 'A connection needs the strings "from" and "to".');
  const missing = missingEndpoint(flow, edge);
  if (missing) return missing;
  const key = edgeKey(edge);
  if (flow.edges.some((existing) => edgeKey(existing) === key)) {
    return fail('edge-exists', `"${edge.from}" is already connected to "${edge.to}".`);
  }
  const index = edit.index ?? flow.edges.length;
  if (!isInsertIndex(index, flow.edges.length)) return indexError(index, flow.edges.length);
  // The edge is stored as written ('check' stays 'check'), so the author's spelling survives a save.
  return {
    ok: true,
    value: {
      flow: { ...flow, edges: insertAt(flow.edges, index, edge) },
      inverse: [{ op: 'disconnect', edge }],
    },
  };
}

/**
 * Removes every edge equivalent to the given one. An edge whose node no longer exists can still be
 * removed (that is how a user fixes a dangling edge the validator reported); only when no such edge
 * exists does a missing node give 'node-not-found' rather than 'edge-not-found'.
 *
 * @example
 * disconnect(flow, { op: 'disconnect', edge: { from: 'check', to: 'create_so' } }); // also removes check.out → create_so.in
 */
export function disconnect(flow: FlowDefinition, edit: EditOf<'disconnect'>): OpOutcome<Applied> {
  const { edge } = edit;
  if (!isEdge(edge)) return fail('invalid-value', 'A connection needs the strings "from" and "to".');
  const key = edgeKey(edge);
  const kept: EdgeDefinition[] = [];
  const reconnect: SingleFlowEdit[] = [];
  flow.edges.forEach((existing, index) => {
    if (edgeKey(existing) === key) reconnect.push({ op: 'connect', edge: existing, index });
    else kept.push(existing);
  });
  if (reconnect.length === 0) {
    return (
      missingEndpoint(flow, edge) ??
      fail('edge-not-found', `"${edge.from}" is not connected to "${edge.to}".`)
    );
  }
  return { ok: true, value: { flow: { ...flow, edges: kept }, inverse: reconnect } };
}

/**
 * Replaces the edge list without checks; used by exact undo.
 *
 * @example
 * setEdges(flow, { op: 'setEdges', edges: previous.edges });
 */
export function setEdges(flow: FlowDefinition, edit: EditOf<'setEdges'>): OpOutcome<Applied> {
  if (!Array.isArray(edit.edges)) return fail('invalid-value', 'The edge list must be an array.');
  return {
    ok: true,
    value: { flow: { ...flow, edges: edit.edges }, inverse: [{ op: 'setEdges', edges: flow.edges }] },
  };
}
