import type {
  CanvasPosition,
  EdgeDefinition,
  FlowDefinition,
  NodeDefinition,
  NodeTypeManifest,
  TriggerTypeManifest,
} from '@waybill/flow';
import { edgeKey, parseSource, parseTarget, TRIGGER_NODE_ID } from '@waybill/flow';
import type { Edge, Node } from '@xyflow/react';
import type { Problem } from '../api/client.js';
import type { Step } from '../api/types.js';
import { outputPorts } from './node-ports.js';
import { configSummary } from './node-summary.js';
import { type NodeRunStatus, runStatusOf } from './run-record.js';

/** How a node differs from the older revision, on the compare canvas. */
export type DiffMark = 'added' | 'changed' | 'removed';

/** Plain data only (no callbacks): React Flow compares it to decide what to redraw. */
export interface FlowNodeData extends Record<string, unknown> {
  kind: 'node' | 'trigger';
  nodeId: string;
  label: string;
  title: string;
  badge: string;
  /** The manifest's icon name (or data: URL); see node-icon.tsx. */
  icon: string | undefined;
  summary: string;
  /** Output ports, `error` last; empty for none. */
  ports: string[];
  problems: string[];
  status: NodeRunStatus | undefined;
  disabled: boolean;
  diff: DiffMark | undefined;
}

export interface NoteNodeData extends Record<string, unknown> {
  noteId: string;
  text: string;
  readOnly: boolean;
}

export type FlowCanvasNode = Node<FlowNodeData, 'flow'>;
export type NoteCanvasNode = Node<NoteNodeData, 'note'>;
export type CanvasNode = FlowCanvasNode | NoteCanvasNode;
export type CanvasEdge = Edge<{ edge: EdgeDefinition }>;

/** The canvas id of a sticky note; notes share the canvas with nodes, whose ids cannot hold ':'. */
export const noteCanvasId = (noteId: string) => `note:${noteId}`;

export interface CanvasInput {
  flow: FlowDefinition;
  positions: Record<string, CanvasPosition>;
  manifests: ReadonlyMap<string, NodeTypeManifest>;
  triggerManifest: TriggerTypeManifest | undefined;
  problems: readonly Problem[];
  /** Steps of the last run by node id; undefined when there was no run. */
  steps: Map<string, Step> | undefined;
  diff?: ReadonlyMap<string, DiffMark>;
  readOnly: boolean;
}

/**
 * Remembers each node's data object and hands the same one back while nothing it shows changed,
 * so a memoised node component is not redrawn when another node moves or the selection changes.
 */
export class NodeDataCache {
  private readonly entries = new Map<string, { key: unknown[]; data: FlowNodeData }>();

  get(id: string, key: unknown[], build: () => FlowNodeData): FlowNodeData {
    const hit = this.entries.get(id);
    if (hit && hit.key.length === key.length && hit.key.every((value, index) => value === key[index])) {
      return hit.data;
    }
    const data = build();
    this.entries.set(id, { key, data });
    return data;
  }
}

/**
 * The React Flow nodes of a flow (trigger, nodes, sticky notes), selection left out: the canvas
 * adds it, so a selection change does not rebuild every node.
 *
 * @example
 * const nodes = canvasNodes(input, cache);
 */
export function canvasNodes(input: CanvasInput, cache: NodeDataCache): CanvasNode[] {
  const { flow, positions, manifests, steps, diff } = input;
  const problemsByNode = new Map<string, string[]>();
  for (const problem of input.problems) {
    const id = problem.nodeId ?? (problem.pointer.includes('/trigger') ? TRIGGER_NODE_ID : undefined);
    if (id === undefined) continue;
    problemsByNode.set(id, [...(problemsByNode.get(id) ?? []), problem.message]);
  }
  const nodes: CanvasNode[] = [];
  const triggerProblems = problemsByNode.get(TRIGGER_NODE_ID) ?? [];
  const trigger = flow.trigger;
  const triggerData = cache.get(
    TRIGGER_NODE_ID,
    [trigger, input.triggerManifest, triggerProblems.join('\n'), steps !== undefined],
    () => ({
      kind: 'trigger',
      nodeId: TRIGGER_NODE_ID,
      label: 'Trigger',
      title: input.triggerManifest?.title ?? trigger.type,
      badge: 'trigger',
      icon:
        trigger.type === 'core.webhook' ? 'webhook' : trigger.type === 'core.schedule' ? 'clock' : undefined,
      summary: triggerSummary(flow),
      ports: ['out'],
      problems: triggerProblems,
      status: steps ? 'succeeded' : undefined,
      disabled: false,
      diff: undefined,
    }),
  );
  nodes.push(flowNode(TRIGGER_NODE_ID, triggerData, positions, false));
  for (const node of flow.nodes) {
    const manifest = manifests.get(node.type);
    const problems = problemsByNode.get(node.id) ?? [];
    const status = steps ? runStatusOf(steps, node.id) : undefined;
    const mark = diff?.get(node.id);
    const data = cache.get(node.id, [node, manifest, problems.join('\n'), status, mark], () =>
      nodeData(node, manifest, problems, status, mark),
    );
    nodes.push(flowNode(node.id, data, positions, !input.readOnly));
  }
  for (const note of flow.layout?.notes ?? []) {
    nodes.push({
      id: noteCanvasId(note.id),
      type: 'note',
      position: { x: note.x, y: note.y },
      data: { noteId: note.id, text: note.text, readOnly: input.readOnly },
      style: { width: note.width ?? 200, height: note.height ?? 120 },
      zIndex: -1,
    });
  }
  return nodes;
}

function flowNode(
  id: string,
  data: FlowNodeData,
  positions: Record<string, CanvasPosition>,
  deletable: boolean,
): FlowCanvasNode {
  return {
    id,
    type: 'flow',
    position: positions[id] ?? { x: 0, y: 0 },
    data,
    deletable,
    // Test hooks: the end-to-end tests find nodes by these.
    domAttributes: { 'data-testid': `node-${id}` } as FlowCanvasNode['domAttributes'],
  };
}

function nodeData(
  node: NodeDefinition,
  manifest: NodeTypeManifest | undefined,
  problems: string[],
  status: NodeRunStatus | undefined,
  diff: DiffMark | undefined,
): FlowNodeData {
  return {
    kind: 'node',
    nodeId: node.id,
    label: node.name ?? node.id,
    title: manifest?.title ?? node.type,
    badge: manifest ? manifest.category : 'unknown type',
    icon: manifest?.icon,
    summary: configSummary(node, manifest),
    ports: outputPorts(node, manifest),
    problems,
    status,
    disabled: node.disabled === true,
    diff,
  };
}

function triggerSummary(flow: FlowDefinition): string {
  const config = flow.trigger.config ?? {};
  const first = Object.entries(config).find(([, value]) => value !== undefined && value !== '');
  if (!first) return flow.trigger.businessKey ? `key: ${flow.trigger.businessKey}` : '';
  const value = typeof first[1] === 'string' ? first[1] : JSON.stringify(first[1]);
  return `${first[0]}: ${value}`.slice(0, 60);
}

/**
 * The React Flow edges of a flow; after a run the edges of the path taken are marked `ran`.
 *
 * @example
 * const edges = canvasEdges(flow.edges, stepsByNode(run));
 */
export function canvasEdges(
  edges: readonly EdgeDefinition[],
  steps: Map<string, Step> | undefined,
): CanvasEdge[] {
  return edges.map((edge) => {
    const source = parseSource(edge.from);
    const target = parseTarget(edge.to);
    const port = source.port ?? 'out';
    const ran = steps ? tookEdge(steps, source.node, source.port, target.node) : false;
    const classes = [port === 'error' ? 'error-edge' : '', ran ? 'ran' : steps ? 'not-ran' : '']
      .filter(Boolean)
      .join(' ');
    return {
      id: edgeKey(edge),
      source: source.node,
      sourceHandle: port,
      target: target.node,
      targetHandle: 'in',
      data: { edge },
      ...(classes ? { className: classes } : {}),
      ...(ran ? { animated: true } : {}),
    };
  });
}

function tookEdge(steps: Map<string, Step>, from: string, port: string | undefined, to: string): boolean {
  if (!steps.has(to)) return false;
  if (from === TRIGGER_NODE_ID) return true;
  const step = steps.get(from);
  if (!step) return false;
  // Steps record the port they left by; one without (an older record) counts any edge as taken.
  return step.port === undefined || step.port === port;
}
