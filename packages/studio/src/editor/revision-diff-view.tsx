import type { FlowDefinition, FlowDiff, NodeTypeManifest, TriggerTypeManifest } from '@waybill/flow';
import { Background, Controls, ReactFlow, ReactFlowProvider } from '@xyflow/react';
import { useMemo } from 'react';
import { api } from '../api/client.js';
import type { RevisionRow, RevisionSummary } from '../api/types.js';
import { ErrorBanner } from '../ui/error-banner.js';
import { useAsync } from '../ui/use-async.js';
import type { DiffMark } from './canvas-model.js';
import { DiffChangeList } from './diff-change-list.js';
import { FlowNodeView } from './flow-node.js';
import { useCanvasElements } from './use-canvas-elements.js';
import './editor.css';

const diffNodeTypes = { flow: FlowNodeView };
const NO_PROBLEMS: never[] = [];

export interface RevisionDiffViewProps {
  flowId: string;
  from: number;
  to: number;
  manifests: ReadonlyMap<string, NodeTypeManifest>;
  triggerManifests: ReadonlyMap<string, TriggerTypeManifest>;
  onClose: () => void;
}

interface Loaded {
  diff: FlowDiff;
  fromSummary: RevisionSummary;
  toSummary: RevisionSummary;
  before: FlowDefinition;
  after: FlowDefinition;
}

/**
 * What changed between two versions: the later one on a read-only canvas (added nodes green,
 * changed amber, removed ones faded red where they used to be) and the list of changes, with
 * config values and expressions before and after side by side.
 */
export function RevisionDiffView({
  flowId,
  from,
  to,
  manifests,
  triggerManifests,
  onClose,
}: RevisionDiffViewProps) {
  const base = `/api/flows/${encodeURIComponent(flowId)}`;
  const loaded = useAsync(async (): Promise<Loaded> => {
    const [answer, before, after] = await Promise.all([
      api<{ from: RevisionSummary; to: RevisionSummary; diff: FlowDiff }>(
        'GET',
        `${base}/diff?from=${from}&to=${to}`,
      ),
      api<RevisionRow>('GET', `${base}/revisions/${from}`),
      api<RevisionRow>('GET', `${base}/revisions/${to}`),
    ]);
    return {
      diff: answer.diff,
      fromSummary: answer.from,
      toSummary: answer.to,
      before: before.definition,
      after: after.definition,
    };
  }, [base, from, to]);

  return (
    <aside className="wb-drawer wide" aria-label="Compare versions">
      <div className="page-head">
        <h2>
          Version {from} → version {to}
        </h2>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      <ErrorBanner error={loaded.error} />
      {loaded.data ? (
        <div className="wb-diff-body">
          <div className="wb-diff-canvas">
            <ReactFlowProvider>
              <DiffCanvas loaded={loaded.data} manifests={manifests} triggerManifests={triggerManifests} />
            </ReactFlowProvider>
          </div>
          <div className="wb-diff-list">
            <DiffChangeList diff={loaded.data.diff} />
          </div>
        </div>
      ) : (
        <p className="muted">Loading the comparison…</p>
      )}
    </aside>
  );
}

function DiffCanvas({
  loaded,
  manifests,
  triggerManifests,
}: {
  loaded: Loaded;
  manifests: ReadonlyMap<string, NodeTypeManifest>;
  triggerManifests: ReadonlyMap<string, TriggerTypeManifest>;
}) {
  const { flow, marks } = useMemo(() => combined(loaded), [loaded]);
  const { nodes, edges } = useCanvasElements({
    flow,
    manifests,
    triggerManifest: triggerManifests.get(flow.trigger.type),
    problems: NO_PROBLEMS,
    run: undefined,
    readOnly: true,
    diff: marks,
  });
  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      nodeTypes={diffNodeTypes}
      nodesDraggable={false}
      nodesConnectable={false}
      elementsSelectable={false}
      fitView
      minZoom={0.1}
      proOptions={{ hideAttribution: true }}
    >
      <Background gap={16} />
      <Controls showInteractive={false} />
    </ReactFlow>
  );
}

/** The later revision plus the removed nodes at their old places; notes are left out. */
function combined({ diff, before, after }: Loaded): { flow: FlowDefinition; marks: Map<string, DiffMark> } {
  const marks = new Map<string, DiffMark>();
  for (const node of diff.nodesAdded) marks.set(node.id, 'added');
  for (const change of diff.nodesChanged) marks.set(change.nodeId, 'changed');
  for (const node of diff.nodesRemoved) marks.set(node.id, 'removed');
  const positions = { ...after.layout?.nodes };
  for (const node of diff.nodesRemoved) {
    const old = before.layout?.nodes?.[node.id];
    if (old) positions[node.id] = old;
  }
  const flow: FlowDefinition = {
    ...after,
    nodes: [...after.nodes, ...diff.nodesRemoved],
    layout: { nodes: positions },
  };
  return { flow, marks };
}
