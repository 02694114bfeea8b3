import type { FlowDefinition, NodeTypeManifest, TriggerTypeManifest } from '@waybill/flow';
import { useMemo, useRef } from 'react';
import type { Problem } from '../api/client.js';
import { autoLayout } from './auto-layout.js';
import {
  type CanvasEdge,
  type CanvasNode,
  canvasEdges,
  canvasNodes,
  type DiffMark,
  NodeDataCache,
} from './canvas-model.js';
import type { RunRecord } from './run-record.js';
import { stepsByNode } from './run-record.js';

export interface CanvasElementsInput {
  flow: FlowDefinition;
  manifests: ReadonlyMap<string, NodeTypeManifest>;
  triggerManifest: TriggerTypeManifest | undefined;
  problems: readonly Problem[];
  run: RunRecord | undefined;
  readOnly: boolean;
  diff?: ReadonlyMap<string, DiffMark>;
}

/**
 * The React Flow nodes and edges of a definition, derived with useMemo so that only what changed
 * is rebuilt: dagre runs only when a node lacks a position and the graph changed, and each node's
 * data object is reused while nothing it shows changed.
 *
 * @example
 * const { nodes, edges, positions } = useCanvasElements({ flow, manifests, ... });
 */
export function useCanvasElements(input: CanvasElementsInput) {
  const { flow, manifests, triggerManifest, problems, run, readOnly, diff } = input;
  const cache = useRef(new NodeDataCache()).current;
  const saved = flow.layout?.nodes;
  const needsAuto = saved?.trigger === undefined || flow.nodes.some((node) => saved?.[node.id] === undefined);
  // Keyed on nodes and edges, not layout: moving one node must not re-run the layout of the rest.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the layout depends on the graph only.
  const auto = useMemo(() => (needsAuto ? autoLayout(flow) : undefined), [needsAuto, flow.nodes, flow.edges]);
  const positions = useMemo(() => (auto ? { ...auto, ...saved } : (saved ?? {})), [auto, saved]);
  const steps = useMemo(() => (run ? stepsByNode(run) : undefined), [run]);
  const nodes: CanvasNode[] = useMemo(
    () =>
      canvasNodes(
        { flow, positions, manifests, triggerManifest, problems, steps, readOnly, ...(diff ? { diff } : {}) },
        cache,
      ),
    [flow, positions, manifests, triggerManifest, problems, steps, readOnly, diff, cache],
  );
  const edges: CanvasEdge[] = useMemo(() => canvasEdges(flow.edges, steps), [flow.edges, steps]);
  return { nodes, edges, positions };
}
