import type { FlowDefinition } from '../schema/flow-schema.js';
import { isDeepEqual, isRecord } from './deep-equal.js';
import { connect, disconnect, setEdges } from './edge-ops.js';
import type { EditResult, FlowEdit, SingleFlowEdit } from './flow-edit.js';
import { moveNode, removeNote, setLayout, setNote } from './layout-ops.js';
import { addNode, removeNode, renameNode, setConfig, setNodes, updateNode } from './node-ops.js';
import { type Applied, fail, type OpOutcome } from './op-outcome.js';
import { setMeta, setTrigger } from './trigger-meta-ops.js';

/**
 * Applies one edit to a flow and returns the new flow with the edit that undoes it. Pure: the input is
 * never mutated, and unchanged parts are shared with the result. Applying `inverse` to the result gives
 * a flow deep-equal to the input, even for flows the validator would reject.
 *
 * @example
 * const result = applyEdit(flow, { op: 'setConfig', nodeId: 'map', path: '/expression', value: '{ "n": name }' });
 * if (result.ok) {
 *   const undone = applyEdit(result.flow, result.inverse); // undone.flow deep-equals flow
 * } else {
 *   console.log(result.error.message); // e.g. 'The node "map" does not exist in this flow.'
 * }
 */
export function applyEdit(flow: FlowDefinition, edit: FlowEdit): EditResult {
  if (!isRecord(edit) || typeof edit.op !== 'string') {
    return { ok: false, error: { code: 'unknown-op', message: 'An edit must be an object with an "op".' } };
  }
  if (edit.op === 'batch') return applyBatch(flow, edit.edits);
  const applied = applySingle(flow, edit);
  if (!applied.ok) return applied;
  return { ok: true, flow: applied.value.flow, inverse: exactInverse(flow, applied.value) };
}

function applyBatch(flow: FlowDefinition, edits: FlowEdit[]): EditResult {
  if (!Array.isArray(edits)) return fail('invalid-value', 'A batch needs a list of edits.');
  let current = flow;
  const inverses: FlowEdit[] = [];
  for (const [index, edit] of edits.entries()) {
    const result = applyEdit(current, edit);
    // Edits never mutate, so returning early leaves nothing half-applied: the batch is atomic.
    if (!result.ok) return { ok: false, error: { ...result.error, at: [index, ...(result.error.at ?? [])] } };
    current = result.flow;
    inverses.unshift(result.inverse);
  }
  return { ok: true, flow: current, inverse: { op: 'batch', edits: inverses } };
}

function applySingle(flow: FlowDefinition, edit: SingleFlowEdit): OpOutcome<Applied> {
  switch (edit.op) {
    case 'addNode':
      return addNode(flow, edit);
    case 'removeNode':
      return removeNode(flow, edit);
    case 'renameNode':
      return renameNode(flow, edit);
    case 'updateNode':
      return updateNode(flow, edit);
    case 'setConfig':
      return setConfig(flow, edit);
    case 'connect':
      return connect(flow, edit);
    case 'disconnect':
      return disconnect(flow, edit);
    case 'setTrigger':
      return setTrigger(flow, edit);
    case 'setMeta':
      return setMeta(flow, edit);
    case 'moveNode':
      return moveNode(flow, edit);
    case 'setNote':
      return setNote(flow, edit);
    case 'removeNote':
      return removeNote(flow, edit);
    case 'setNodes':
      return setNodes(flow, edit);
    case 'setEdges':
      return setEdges(flow, edit);
    case 'setLayout':
      return setLayout(flow, edit);
    default:
      return unknownOp(edit);
  }
}

// Reached only by untyped callers (the server parsing JSON), which the type system cannot stop.
function unknownOp(edit: never): OpOutcome<Applied> {
  return fail(
    'unknown-op',
    `"${String(Reflect.get(edit, 'op'))}" is not an edit operation this version knows.`,
  );
}

/**
 * Turns a handler's natural inverse into an exact one. The natural inverse (removeNode for addNode,
 * renameNode back for renameNode…) is right for valid flows, but not always for flows the validator
 * would reject: a dangling edge that a new node adopts, a stale layout entry, an invalid id that addNode
 * refuses to restore. So the natural inverse is replayed, and any part still differing from the
 * original is restored whole by setNodes / setEdges / setLayout.
 */
function exactInverse(before: FlowDefinition, applied: Applied): FlowEdit {
  const steps: SingleFlowEdit[] = [];
  let state = applied.flow;
  for (const step of applied.inverse) {
    const result = applySingle(state, step);
    if (!result.ok) continue;
    state = result.value.flow;
    steps.push(step);
  }
  if (!isDeepEqual(state.nodes, before.nodes)) steps.push({ op: 'setNodes', nodes: before.nodes });
  if (!isDeepEqual(state.edges, before.edges)) steps.push({ op: 'setEdges', edges: before.edges });
  if (!isDeepEqual(state.layout, before.layout)) {
    steps.push(
      before.layout === undefined ? { op: 'setLayout' } : { op: 'setLayout', layout: before.layout },
    );
  }
  const [only] = steps;
  return steps.length === 1 && only !== undefined ? only : { op: 'batch', edits: steps };
}
