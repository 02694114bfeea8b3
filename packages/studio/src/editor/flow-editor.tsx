import type { FlowDefinition, NodeTypeManifest } from '@waybill/flow';
import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { useCallback, useMemo, useRef, useState } from 'react';
import { api, type Problem } from '../api/client.js';
import type { Catalog, CredentialMeta, FlowRow, RevisionRow, RevisionSummary } from '../api/types.js';
import { useCan } from '../session/session-store.js';
import { ErrorBanner } from '../ui/error-banner.js';
import { arrangedLayout } from './auto-layout.js';
import { EditorStoreContext, useEditor } from './editor-context.js';
import { createEditorStore, type EditorStore } from './editor-store.js';
import { EditorToolbar } from './editor-toolbar.js';
import { FlowCanvas } from './flow-canvas.js';
import { readLocal, sampleKey } from './local-store.js';
import { addNodeEdit } from './node-defaults.js';
import { Palette } from './palette.js';
import { ProblemsPanel } from './problems-panel.js';
import { RevisionDiffView } from './revision-diff-view.js';
import { SidePanel } from './side-panel.js';
import { TestRunPanel } from './test-run-panel.js';
import { useDraft } from './use-draft.js';
import { useEditorShortcuts } from './use-editor-shortcuts.js';
import { useFlowActions } from './use-flow-actions.js';
import { useLeaveGuard } from './use-leave-guard.js';
import { VersionsDrawer } from './versions-drawer.js';
import './editor.css';

export interface FlowEditorProps {
  flowRow: FlowRow;
  revision: RevisionRow | undefined;
  definition: FlowDefinition;
  catalog: Catalog;
  credentials: CredentialMeta[];
}

/**
 * The flow editor for one loaded flow: a store of its own, the React Flow provider, and the
 * toolbar, palette, canvas and side panel around them.
 *
 * @example
 * <FlowEditor flowRow={row} revision={latest} definition={latest.definition} catalog={catalog} credentials={[]} />
 */
export function FlowEditor(props: FlowEditorProps) {
  const canWrite = useCan('flows:write');
  const [store] = useState(() => createEditorStore({ flow: props.definition, readOnly: !canWrite }));
  return (
    <EditorStoreContext.Provider value={store}>
      <ReactFlowProvider>
        <EditorBody {...props} store={store} canWrite={canWrite} />
      </ReactFlowProvider>
    </EditorStoreContext.Provider>
  );
}

type Drawer = { kind: 'versions' } | { kind: 'compare'; from: number; to: number } | undefined;

function EditorBody(props: FlowEditorProps & { store: EditorStore; canWrite: boolean }) {
  const { store, canWrite, flowRow, catalog, credentials } = props;
  const flowId = flowRow.id;
  const canDeploy = useCan('flows:deploy');
  const reactFlow = useReactFlow();
  const canvasRef = useRef<HTMLDivElement>(null);
  const manifests = useMemo(() => new Map(catalog.nodeTypes.map((m) => [m.type, m])), [catalog]);
  const triggerManifests = useMemo(() => new Map(catalog.triggerTypes.map((m) => [m.type, m])), [catalog]);
  const triggerType = useEditor((state) => state.flow.trigger.type);
  const problems = useEditor((state) => state.problems);
  const readOnly = useEditor((state) => state.readOnly);
  const dirty = useEditor((state) => state.dirty);
  const editError = useEditor((state) => state.lastEditError);
  const latestSummary = props.revision ? summaryOf(props.revision) : undefined;
  const actions = useFlowActions(store, {
    flowId,
    latest: latestSummary,
    deployedHash: flowRow.deployedRevision,
  });
  const draft = useDraft(store, flowId, props.revision?.createdAt);
  const [sample, setSample] = useState<unknown>(() => readLocal(sampleKey(flowId)));
  const [drawer, setDrawer] = useState<Drawer>();
  const [viewing, setViewing] = useState<{ version: number; flow: FlowDefinition; saved: FlowDefinition }>();
  useLeaveGuard(dirty);
  useEditorShortcuts(store);

  const canvasCentre = useCallback(() => {
    const rect = canvasRef.current?.getBoundingClientRect();
    if (!rect) return { x: 0, y: 0 };
    const at = reactFlow.screenToFlowPosition({
      x: rect.left + rect.width / 2,
      y: rect.top + rect.height / 2,
    });
    return { x: Math.round(at.x - 110), y: Math.round(at.y - 40) };
  }, [reactFlow]);

  const addNode = useCallback(
    (manifest: NodeTypeManifest) => {
      const { edit, id } = addNodeEdit(store.getState().flow, manifest, canvasCentre());
      if (store.getState().apply(edit).ok) store.getState().select([id]);
    },
    [store, canvasCentre],
  );
  const addNote = () => {
    const id = `note_${Date.now().toString(36)}`;
    store
      .getState()
      .apply({ op: 'setNote', note: { id, text: '', ...canvasCentre(), width: 200, height: 120 } });
  };
  const arrange = () => {
    const layout = arrangedLayout(store.getState().flow);
    if (!store.getState().apply({ op: 'setLayout', layout }).ok) return;
    // Fit the new positions themselves: React Flow may not have taken them in yet, and fitting
    // its old ones would leave the arranged nodes out of view (and, off-screen, not drawn).
    const boxes = [
      ...Object.entries(layout.nodes ?? {}).map(([id, { x, y }]) => {
        const measured = reactFlow.getNode(id)?.measured;
        return { x, y, width: measured?.width ?? 220, height: measured?.height ?? 90 };
      }),
      ...(layout.notes ?? []).map((note) => ({
        x: note.x,
        y: note.y,
        width: note.width ?? 200,
        height: note.height ?? 120,
      })),
    ];
    if (boxes.length === 0) return;
    const left = Math.min(...boxes.map((b) => b.x));
    const top = Math.min(...boxes.map((b) => b.y));
    const right = Math.max(...boxes.map((b) => b.x + b.width));
    const bottom = Math.max(...boxes.map((b) => b.y + b.height));
    void reactFlow.fitBounds(
      { x: left, y: top, width: right - left, height: bottom - top },
      { padding: 0.2, duration: 300 },
    );
  };
  const focusProblem = (problem: Problem) => {
    const id = problem.nodeId ?? (problem.pointer.includes('/trigger') ? 'trigger' : undefined);
    if (!id) return;
    store.getState().select([id]);
    const node = reactFlow.getNode(id);
    if (!node) return;
    const width = node.measured?.width ?? 220;
    const height = node.measured?.height ?? 80;
    void reactFlow.setCenter(node.position.x + width / 2, node.position.y + height / 2, {
      zoom: Math.max(reactFlow.getZoom(), 1),
      duration: 300,
    });
  };
  const open = async (revision: RevisionSummary) => {
    if (
      store.getState().dirty &&
      !window.confirm('Open an older version? Your unsaved changes stay in the draft.')
    )
      return;
    try {
      const row = await api<RevisionRow>(
        'GET',
        `/api/flows/${encodeURIComponent(flowId)}/revisions/${revision.hash}`,
      );
      const now = store.getState();
      // Opening a second version keeps the edits stashed when the first was opened.
      setViewing({
        version: revision.version,
        flow: viewing?.flow ?? now.flow,
        saved: viewing?.saved ?? now.saved,
      });
      store.getState().load(row.definition, { readOnly: true });
      setDrawer(undefined);
    } catch (failure) {
      actions.setError(failure);
    }
  };
  const backToEditing = () => {
    if (!viewing) return;
    store.getState().load(viewing.flow, { saved: viewing.saved, readOnly: !canWrite });
    setViewing(undefined);
  };
  const rollback = (revision: RevisionSummary) => {
    if (window.confirm(`Deploy version ${revision.version}? Live traffic will run it from now on.`)) {
      void actions.deploy(revision);
    }
  };

  return (
    <div className="wb-editor">
      <EditorToolbar
        canWrite={canWrite}
        canDeploy={canDeploy}
        busy={actions.busy}
        notice={actions.notice}
        onSave={() => void actions.save()}
        onDeploy={() => void actions.deploy()}
        onArrange={arrange}
        onAddNote={addNote}
        onVersions={() => setDrawer(drawer?.kind === 'versions' ? undefined : { kind: 'versions' })}
      />
      <TestRunPanel flowId={flowId} canRun={canWrite} sample={sample} onSample={setSample} />
      <div className="wb-banner-strip">
        {draft.offer ? (
          <div className="banner warn row" role="alert">
            This flow has unsaved changes from an earlier session.
            <button type="button" onClick={draft.restore}>
              Restore unsaved changes from {new Date(draft.offer.savedAt).toLocaleTimeString()}
            </button>
            <button type="button" onClick={draft.discard}>
              Discard
            </button>
          </div>
        ) : null}
        {viewing ? (
          <div className="banner info row">
            Viewing version {viewing.version}, read-only.
            <button type="button" onClick={backToEditing}>
              Back to editing
            </button>
          </div>
        ) : null}
        {editError ? <div className="banner warn">{editError}</div> : null}
        {problems.length === 0 ? <ErrorBanner error={actions.error} /> : null}
      </div>
      <ProblemsPanel
        problems={problems}
        onPick={focusProblem}
        onClose={() => store.getState().setProblems([])}
      />
      <div className="wb-body">
        <Palette nodeTypes={catalog.nodeTypes} onAdd={addNode} disabled={readOnly} />
        <div className="wb-canvas" ref={canvasRef}>
          <FlowCanvas manifests={manifests} triggerManifest={triggerManifests.get(triggerType)} />
        </div>
        <SidePanel
          manifests={manifests}
          triggerManifests={triggerManifests}
          credentials={credentials}
          sample={sample}
        />
        {drawer?.kind === 'versions' ? (
          <VersionsDrawer
            flowId={flowId}
            revisionKey={actions.latest?.hash ?? ''}
            deployedHash={actions.deployedHash}
            canDeploy={canDeploy}
            onOpen={(revision) => void open(revision)}
            onCompare={(from, to) => setDrawer({ kind: 'compare', from, to })}
            onDeploy={rollback}
            onClose={() => setDrawer(undefined)}
          />
        ) : null}
        {drawer?.kind === 'compare' ? (
          <RevisionDiffView
            flowId={flowId}
            from={drawer.from}
            to={drawer.to}
            manifests={manifests}
            triggerManifests={triggerManifests}
            onClose={() => setDrawer({ kind: 'versions' })}
          />
        ) : null}
      </div>
    </div>
  );
}

function summaryOf({ definition: _definition, ...summary }: RevisionRow): RevisionSummary {
  return summary;
}
