import {
  type EdgeDefinition,
  type FlowDefinition,
  type NodeDefinition,
  TRIGGER_NODE_ID,
} from '../schema/flow-schema.js';
import { writeConfig } from './config-write.js';
import { isRecord } from './deep-equal.js';
import { edgeNodeIds } from './edge-identity.js';
import type { EditOf, NodePatch, SingleFlowEdit } from './flow-edit.js';
import { insertAt, ownValue, replaceAt } from './immutable.js';
import { isPosition, placeNode, renameInLayout, unplaceNode, withLayout } from './layout-ops.js';
import {
  type Applied,
  type Failure,
  fail,
  indexError,
  isInsertIndex,
  nodeIdProblem,
  type OpOutcome,
} from './op-outcome.js';
import { patchObject } from './patch-object.js';

const PATCHABLE_NODE_KEYS = [
  'type',
  'name',
  'credential',
  'retry',
  'notes',
  'disabled',
  'inputSchema',
  'outputSchema',
] as const satisfies readonly (keyof NodePatch)[];

function findNode(flow: FlowDefinition, nodeId: string): { node: NodeDefinition; index: number } | undefined {
  const index = flow.nodes.findIndex((node) => node.id === nodeId);
  const node = flow.nodes[index];
  return node === undefined ? undefined : { node, index };
}

function notFound(nodeId: string): Failure {
  return fail('node-not-found', `The node "${nodeId}" does not exist in this flow.`);
}

function touches(edge: EdgeDefinition, nodeId: string): boolean {
  const { source, target } = edgeNodeIds(edge);
  return (edge.from !== TRIGGER_NODE_ID && source === nodeId) || target === nodeId;
}

/**
 * Adds a node with a new, valid id; edges are separate `connect` edits.
 *
 * @example
 * addNode(flow, { op: 'addNode', node: { id: 'notify', type: 'core.code', config: {} }, position: { x: 0, y: 0 } });
 */
export function addNode(flow: FlowDefinition, edit: EditOf<'addNode'>): OpOutcome<Applied> {
  const { node } = edit;
  if (!isRecord(node)) return fail('invalid-value', 'The node to add must be an object.');
  const badId = nodeIdProblem(node.id);
  if (badId) return { ok: false, error: badId };
  if (findNode(flow, node.id)) return fail('node-exists', `A node with the id "${node.id}" already exists.`);
  const index = edit.index ?? flow.nodes.length;
  if (!isInsertIndex(index, flow.nodes.length)) return indexError(index, flow.nodes.length);
  if (edit.position !== undefined && !isPosition(edit.position)) {
    return fail('invalid-value', 'A position needs finite numbers x and y.');
  }
  const added = { ...flow, nodes: insertAt(flow.nodes, index, node) };
  return {
    ok: true,
    value: {
      flow: edit.position ? withLayout(added, placeNode(flow.layout, node.id, edit.position)) : added,
      inverse: [{ op: 'removeNode', nodeId: node.id }],
    },
  };
}

/**
 * Removes a node with every edge touching it and its layout entry.
 *
 * @example
 * removeNode(flow, { op: 'removeNode', nodeId: 'legacy' });
 */
export function removeNode(flow: FlowDefinition, edit: EditOf<'removeNode'>): OpOutcome<Applied> {
  const found = findNode(flow, edit.nodeId);
  if (!found) return notFound(edit.nodeId);
  const kept: EdgeDefinition[] = [];
  const reconnect: SingleFlowEdit[] = [];
  flow.edges.forEach((edge, index) => {
    if (touches(edge, edit.nodeId)) reconnect.push({ op: 'connect', edge, index });
    else kept.push(edge);
  });
  const position = ownValue(flow.layout?.nodes, edit.nodeId);
  const restore: SingleFlowEdit = { op: 'addNode', node: found.node, index: found.index };
  return {
    ok: true,
    value: {
      flow: withLayout(
        { ...flow, nodes: flow.nodes.filter((_, i) => i !== found.index), edges: kept },
        unplaceNode(flow.layout, edit.nodeId),
      ),
      // Reconnecting in ascending index order puts every edge back at its old place.
      inverse: [position ? { ...restore, position } : restore, ...reconnect],
    },
  };
}

/** Rewrites the node part of an endpoint, keeping its port spelling (`old.valid` → `new.valid`). */
function renameEndpoint(endpoint: string, nodeId: string, newId: string): string {
  if (endpoint === nodeId) return newId;
  return endpoint.startsWith(`${nodeId}.`) ? `${newId}${endpoint.slice(nodeId.length)}` : endpoint;
}

/**
 * Changes a node id everywhere the definition names it structurally: node, edges, layout.
 *
 * @example
 * renameNode(flow, { op: 'renameNode', nodeId: 'check', newId: 'validate_order' });
 */
export function renameNode(flow: FlowDefinition, edit: EditOf<'renameNode'>): OpOutcome<Applied> {
  const { nodeId, newId } = edit;
  const found = findNode(flow, nodeId);
  if (!found) return notFound(nodeId);
  if (newId === nodeId) return { ok: true, value: { flow, inverse: [] } };
  const badId = nodeIdProblem(newId);
  if (badId) return { ok: false, error: badId };
  if (findNode(flow, newId)) return fail('node-exists', `A node with the id "${newId}" already exists.`);

  const edges = flow.edges.map((edge) => {
    const from = edge.from === TRIGGER_NODE_ID ? edge.from : renameEndpoint(edge.from, nodeId, newId);
    const to = renameEndpoint(edge.to, nodeId, newId);
    return from === edge.from && to === edge.to ? edge : { ...edge, from, to };
  });
  return {
    ok: true,
    value: {
      flow: withLayout(
        { ...flow, nodes: replaceAt(flow.nodes, found.index, { ...found.node, id: newId }), edges },
        renameInLayout(flow.layout, nodeId, newId),
      ),
      inverse: [{ op: 'renameNode', nodeId: newId, newId: nodeId }],
    },
  };
}

/**
 * Patches the node fields other than id and config.
 *
 * @example
 * updateNode(flow, { op: 'updateNode', nodeId: 'ship', patch: { disabled: true, retry: undefined } });
 */
export function updateNode(flow: FlowDefinition, edit: EditOf<'updateNode'>): OpOutcome<Applied> {
  const found = findNode(flow, edit.nodeId);
  if (!found) return notFound(edit.nodeId);
  if (isRecord(edit.patch) && (Object.hasOwn(edit.patch, 'id') || Object.hasOwn(edit.patch, 'config'))) {
    return fail(
      'invalid-patch',
      'Change a node id with renameNode and its config with setConfig, not updateNode.',
    );
  }
  const patched = patchObject(
    found.node,
    edit.patch,
    PATCHABLE_NODE_KEYS,
    ['type'],
    `the node "${edit.nodeId}"`,
  );
  if (!patched.ok) return patched;
  return {
    ok: true,
    value: {
      flow: { ...flow, nodes: replaceAt(flow.nodes, found.index, patched.value.value) },
      inverse: [{ op: 'updateNode', nodeId: edit.nodeId, patch: patched.value.previous }],
    },
  };
}

/**
 * Writes one value inside a node config (see `writeConfig`).
 *
 * @example
 * setConfig(flow, { op: 'setConfig', nodeId: 'route', path: '/cases/0/condition', value: 'total > 100' });
 */
export function setConfig(flow: FlowDefinition, edit: EditOf<'setConfig'>): OpOutcome<Applied> {
  const found = findNode(flow, edit.nodeId);
  if (!found) return notFound(edit.nodeId);
  if (typeof edit.path !== 'string')
    return fail('invalid-path', 'A config path must be a JSON pointer string.');
  // A config that is not an object is the validator's to report; writing into it starts from {}.
  const config = isRecord(found.node.config) ? found.node.config : {};
  const written = writeConfig(config, edit.path, edit.value);
  if (!written.ok) return written;
  const { inverse } = written.value;
  const node = { ...found.node, config: written.value.config };
  return {
    ok: true,
    value: {
      flow: { ...flow, nodes: replaceAt(flow.nodes, found.index, node) },
      inverse: [{ op: 'setConfig', nodeId: edit.nodeId, path: inverse.path, value: inverse.value }],
    },
  };
}

/**
 * Replaces the node list without checks; used by exact undo.
 *
 * @example
 * setNodes(flow, { op: 'setNodes', nodes: previous.nodes });
 */
export function setNodes(flow: FlowDefinition, edit: EditOf<'setNodes'>): OpOutcome<Applied> {
  if (!Array.isArray(edit.nodes)) return fail('invalid-value', 'The node list must be an array.');
  return {
    ok: true,
    value: { flow: { ...flow, nodes: edit.nodes }, inverse: [{ op: 'setNodes', nodes: flow.nodes }] },
  };
}
