import type { FlowEdit } from '@waybill/flow';
import { TRIGGER_NODE_ID } from '@waybill/flow';
import {
  applyEdgeChanges,
  applyNodeChanges,
  Background,
  type Connection,
  Controls,
  MiniMap,
  type OnBeforeDelete,
  type OnEdgesChange,
  type OnNodeDrag,
  type OnNodesChange,
  ReactFlow,
  useReactFlow,
} from '@xyflow/react';
import { type DragEvent, useCallback, useEffect, useState } from 'react';
import type { CanvasEdge, CanvasNode } from './canvas-model.js';
import { syncEdges, syncNodes } from './canvas-sync.js';
import { useEditor, useEditorStore } from './editor-context.js';
import { FlowNodeView } from './flow-node.js';
import { addNodeEdit } from './node-defaults.js';
import { edgeSource } from './node-ports.js';
import { NoteNodeView } from './note-node.js';
import { PALETTE_MIME } from './palette.js';
import { type CanvasElementsInput, useCanvasElements } from './use-canvas-elements.js';
import './editor.css';

/** Defined once: a new object on each render would make React Flow remount every node. */
const nodeTypes = { flow: FlowNodeView, note: NoteNodeView };
const DELETE_KEYS = ['Delete', 'Backspace'];
const MULTI_KEYS = ['Shift', 'Meta', 'Control'];
const FIT_VIEW_OPTIONS = { padding: 0.2, maxZoom: 1.2 };

type CanvasProps = Omit<CanvasElementsInput, 'flow' | 'problems' | 'run' | 'readOnly'>;

/**
 * The editable canvas. Every change the user makes on it becomes a typed edit on the store;
 * React Flow only keeps what is in flight (a drag, measured sizes).
 */
export function FlowCanvas({ manifests, triggerManifest }: CanvasProps) {
  const store = useEditorStore();
  const flow = useEditor((state) => state.flow);
  const problems = useEditor((state) => state.problems);
  const run = useEditor((state) => state.lastRun);
  const readOnly = useEditor((state) => state.readOnly);
  const selection = useEditor((state) => state.selection);
  const reactFlow = useReactFlow();
  const derived = useCanvasElements({ flow, manifests, triggerManifest, problems, run, readOnly });

  const [nodes, setNodes] = useState<CanvasNode[]>(() => syncNodes([], derived.nodes, new Set(selection)));
  const [edges, setEdges] = useState<CanvasEdge[]>(derived.edges);
  useEffect(
    () => setNodes((previous) => syncNodes(previous, derived.nodes, new Set(selection))),
    [derived.nodes, selection],
  );
  useEffect(() => setEdges((previous) => syncEdges(previous, derived.edges)), [derived.edges]);

  const onNodesChange: OnNodesChange<CanvasNode> = useCallback(
    (changes) => {
      setNodes((previous) => applyNodeChanges(changes, previous));
      if (changes.some((change) => change.type === 'select')) {
        const now = new Set(store.getState().selection);
        for (const change of changes) {
          if (change.type !== 'select') continue;
          if (change.selected) now.add(change.id);
          else now.delete(change.id);
        }
        store.getState().select([...now]);
      }
    },
    [store],
  );
  const onEdgesChange: OnEdgesChange<CanvasEdge> = useCallback(
    (changes) => setEdges((previous) => applyEdgeChanges(changes, previous)),
    [],
  );

  const onConnect = useCallback(
    (connection: Connection) => {
      store.getState().apply({
        op: 'connect',
        edge: { from: edgeSource(connection.source, connection.sourceHandle), to: connection.target },
      });
    },
    [store],
  );

  const onNodeDragStop: OnNodeDrag<CanvasNode> = useCallback(
    (_event, _node, dragged) => {
      const { flow: current } = store.getState();
      const edits: FlowEdit[] = [];
      for (const node of dragged) {
        const position = { x: Math.round(node.position.x), y: Math.round(node.position.y) };
        if (node.type === 'note') {
          const note = current.layout?.notes?.find((entry) => entry.id === node.data.noteId);
          if (note) edits.push({ op: 'setNote', note: { ...note, ...position } });
        } else if (node.id === TRIGGER_NODE_ID) {
          // The trigger is not in nodes[], so moveNode refuses it; its place is kept in the layout.
          const layout = store.getState().flow.layout;
          edits.push({
            op: 'setLayout',
            layout: { ...layout, nodes: { ...layout?.nodes, trigger: position } },
          });
        } else {
          edits.push({ op: 'moveNode', nodeId: node.id, position });
        }
      }
      const [only] = edits;
      if (only && edits.length === 1) store.getState().apply(only);
      else if (edits.length > 1) store.getState().apply({ op: 'batch', edits });
    },
    [store],
  );

  // Deletions become one batch (one undo step); React Flow is told not to delete anything itself.
  const onBeforeDelete: OnBeforeDelete<CanvasNode, CanvasEdge> = useCallback(
    async ({ nodes: gone, edges: cut }) => {
      const removed = new Set(gone.map((node) => node.id));
      const edits: FlowEdit[] = [];
      for (const edge of cut) {
        if (!removed.has(edge.source) && !removed.has(edge.target) && edge.data) {
          edits.push({ op: 'disconnect', edge: edge.data.edge });
        }
      }
      for (const node of gone) {
        if (node.type === 'note') edits.push({ op: 'removeNote', noteId: node.data.noteId });
        else if (node.id !== TRIGGER_NODE_ID) edits.push({ op: 'removeNode', nodeId: node.id });
      }
      if (edits.length > 0) store.getState().apply({ op: 'batch', edits });
      return false;
    },
    [store],
  );

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(PALETTE_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);
  const onDrop = useCallback(
    (event: DragEvent) => {
      const type = event.dataTransfer.getData(PALETTE_MIME);
      const manifest = manifests.get(type);
      if (!manifest) return;
      event.preventDefault();
      const at = reactFlow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const { edit, id } = addNodeEdit(store.getState().flow, manifest, {
        x: Math.round(at.x),
        y: Math.round(at.y),
      });
      if (store.getState().apply(edit).ok) store.getState().select([id]);
    },
    [manifests, reactFlow, store],
  );

  return (
    <ReactFlow<CanvasNode, CanvasEdge>
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      onConnect={onConnect}
      isValidConnection={(connection) =>
        connection.source !== connection.target && connection.target !== TRIGGER_NODE_ID
      }
      onNodeDragStop={onNodeDragStop}
      onBeforeDelete={onBeforeDelete}
      onDragOver={onDragOver}
      onDrop={onDrop}
      nodesDraggable={!readOnly}
      nodesConnectable={!readOnly}
      deleteKeyCode={readOnly ? null : DELETE_KEYS}
      multiSelectionKeyCode={MULTI_KEYS}
      selectionKeyCode="Shift"
      onlyRenderVisibleElements
      fitView
      fitViewOptions={FIT_VIEW_OPTIONS}
      minZoom={0.1}
      proOptions={{ hideAttribution: true }}
    >
      <Background gap={16} />
      <MiniMap pannable zoomable />
      <Controls />
    </ReactFlow>
  );
}
