import { applyEdit, coreNodeManifests, type FlowDefinition } from '@waybill/flow';
import { describe, expect, it } from 'vitest';
import { autoLayout } from './auto-layout.js';
import { type CanvasInput, canvasEdges, canvasNodes, NodeDataCache } from './canvas-model.js';
import { syncNodes } from './canvas-sync.js';
import { stepsByNode } from './run-record.js';

/**
 * The performance contract of the canvas, checked by structure rather than by a clock: for a
 * 300-node flow, a selection change or a move redraws only the nodes concerned, because every
 * other node keeps its object (memoised node components skip them).
 */
function bigFlow(size: number): FlowDefinition {
  const nodes = Array.from({ length: size }, (_, i) => ({
    id: `n${i}`,
    type: 'core.transform',
    config: { expression: `$.step${i}` },
  }));
  const edges = nodes.map((node, i) => ({ from: i === 0 ? 'trigger' : `n${i - 1}`, to: node.id }));
  return {
    schemaVersion: 1,
    id: 'big',
    name: 'Big',
    trigger: { type: 'core.webhook', config: {} },
    nodes,
    edges,
  };
}

const manifests = new Map(coreNodeManifests.map((m) => [m.type, m]));

function input(flow: FlowDefinition): CanvasInput {
  return {
    flow,
    positions: flow.layout?.nodes ?? autoLayout(flow),
    manifests,
    triggerManifest: undefined,
    problems: [],
    steps: undefined,
    readOnly: false,
  };
}

describe('canvas model for 300 nodes', () => {
  const flow = bigFlow(300);
  const laidOut = applyEdit(flow, { op: 'setLayout', layout: { nodes: autoLayout(flow) } });
  if (!laidOut.ok) throw new Error(laidOut.error.message);

  it('lays out every node and the trigger', () => {
    const positions = autoLayout(flow);
    expect(Object.keys(positions)).toHaveLength(301);
  });

  it('keeps every untouched node object across a selection change', () => {
    const cache = new NodeDataCache();
    const derived = canvasNodes(input(laidOut.flow), cache);
    const first = syncNodes([], derived, new Set());
    const second = syncNodes(first, derived, new Set(['n5']));
    const changed = second.filter((node, i) => node !== first[i]).map((node) => node.id);
    expect(changed).toEqual(['n5']);
  });

  it('rebuilds only the moved node after a move', () => {
    const cache = new NodeDataCache();
    const before = syncNodes([], canvasNodes(input(laidOut.flow), cache), new Set());
    const moved = applyEdit(laidOut.flow, { op: 'moveNode', nodeId: 'n7', position: { x: 1, y: 2 } });
    if (!moved.ok) throw new Error(moved.error.message);
    const after = syncNodes(before, canvasNodes(input(moved.flow), cache), new Set());
    expect(after.filter((node, i) => node !== before[i]).map((node) => node.id)).toEqual(['n7']);
  });

  it('marks the path a run took and the nodes it skipped', () => {
    const small = bigFlow(3);
    const steps = stepsByNode({
      status: 'succeeded',
      steps: [
        { key: 'n0', nodeId: 'n0', type: 'core.transform', status: 'succeeded', port: 'out', attempts: [] },
      ],
    });
    const edges = canvasEdges(small.edges, steps);
    expect(edges.map((edge) => edge.className)).toEqual(['ran', 'not-ran', 'not-ran']);
    const nodes = canvasNodes({ ...input(small), steps }, new NodeDataCache());
    expect(nodes.map((node) => (node.type === 'flow' ? node.data.status : undefined))).toEqual([
      'succeeded',
      'succeeded',
      'skipped',
      'skipped',
    ]);
  });
});
