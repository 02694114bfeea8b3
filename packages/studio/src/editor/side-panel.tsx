import type { FlowEdit, NodeTypeManifest, TriggerTypeManifest } from '@waybill/flow';
import { parseSource, parseTarget, TRIGGER_NODE_ID } from '@waybill/flow';
import { useCallback, useMemo } from 'react';
import type { CredentialMeta } from '../api/types.js';
import { NodeConfigPanel } from '../config/node-config-panel.js';
import { TriggerConfigPanel } from '../config/trigger-config-panel.js';
import { useEditor, useEditorStore } from './editor-context.js';
import { stepsByNode } from './run-record.js';
import { StepIo } from './step-io.js';
import './editor.css';

export interface SidePanelProps {
  manifests: ReadonlyMap<string, NodeTypeManifest>;
  triggerManifests: ReadonlyMap<string, TriggerTypeManifest>;
  credentials: CredentialMeta[];
  /** The pinned trigger sample of the test-run panel, if any. */
  sample: unknown;
}

/**
 * The right-hand panel: the config of the one selected node (or of the trigger) and, after a test
 * run, what that node received and produced.
 */
export function SidePanel({ manifests, triggerManifests, credentials, sample }: SidePanelProps) {
  const store = useEditorStore();
  const selection = useEditor((state) => state.selection);
  const flow = useEditor((state) => state.flow);
  const problems = useEditor((state) => state.problems);
  const run = useEditor((state) => state.lastRun);
  const steps = useMemo(() => stepsByNode(run), [run]);
  const onEdit = useCallback((edit: FlowEdit) => void store.getState().apply(edit), [store]);

  const flowNodes = selection.filter((id) => !id.startsWith('note:'));
  if (flowNodes.length === 0) {
    return (
      <aside className="wb-side" aria-label="Node settings">
        <p className="muted">Select a node to configure it, or drag one from the palette.</p>
      </aside>
    );
  }
  if (flowNodes.length > 1) {
    return (
      <aside className="wb-side" aria-label="Node settings">
        <p>{flowNodes.length} nodes selected.</p>
        <p className="muted">Ctrl+C copies them, Delete removes them.</p>
      </aside>
    );
  }
  const id = flowNodes[0]!;
  if (id === TRIGGER_NODE_ID) {
    return (
      <aside className="wb-side" aria-label="Node settings">
        <TriggerConfigPanel
          trigger={flow.trigger}
          manifest={triggerManifests.get(flow.trigger.type)}
          credentials={credentials}
          problems={problems.filter((problem) => problem.pointer.includes('/trigger'))}
          onEdit={onEdit}
          sample={sample}
        />
      </aside>
    );
  }
  const node = flow.nodes.find((entry) => entry.id === id);
  if (!node) return <aside className="wb-side" aria-label="Node settings" />;
  const step = steps.get(id);
  // Nodes right after the trigger get the pinned sample when no run has shown their real input.
  const fedByTrigger = flow.edges.some(
    (edge) => parseSource(edge.from).node === TRIGGER_NODE_ID && parseTarget(edge.to).node === id,
  );
  const sampleInput = step ? step.input : fedByTrigger ? sample : undefined;
  return (
    <aside className="wb-side" aria-label="Node settings">
      <NodeConfigPanel
        key={node.id}
        node={node}
        manifest={manifests.get(node.type)}
        credentials={credentials}
        sampleInput={sampleInput}
        problems={problems.filter((problem) => problem.nodeId === node.id)}
        onEdit={onEdit}
      />
      <StepIo step={step} ran={run !== undefined} />
    </aside>
  );
}
