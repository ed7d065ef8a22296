import type {
  Connection,
  Edge,
  EdgeChange,
  FinalConnectionState,
  IsValidConnection,
  NodeChange,
  NodeTypes,
} from '@xyflow/react';
import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  useNodesInitialized,
  useReactFlow,
} from '@xyflow/react';
import type { DragEvent } from 'react';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { GraphAnalysis } from '../../../../shared/inference/analyze';
import type { EditorStatus } from '../actions/use-editor-actions';
import type { Change, EditorHistory, Position, Selection } from '../model';
import { FaceStore, canConnect, connect, connectToLayer, isNextTo, planDrop } from '../model';
import type { LayerFlowNode, Measured } from './flow-model';
import { FaceStoreContext } from './face-store';
import { FlowNodes, toFlowEdges } from './flow-model';
import { LayerNode } from './LayerNode';
import { KIND_MIME } from './Palette';
import { useFitWhenShown } from './use-fit-when-shown';
import { useReadableFit } from './use-readable-fit';
import { useHistoryDocument } from './use-history';

const NODE_TYPES: NodeTypes = { layer: LayerNode };

// React Flow's props that are objects or functions are module constants or callbacks: React
// Flow compares them by identity on every render of the canvas, and a new one makes it update
// its store (re-running all ~1,800 of its subscribers) or redraw all 300 minimap rectangles.
const MULTI_SELECTION_KEYS = ['Control', 'Meta'];
/** How close (screen px) a connection drag must come to a dot to snap to it and light it up. */
const CONNECTION_RADIUS = 36;
const minimapColour = (node: LayerFlowNode): string =>
  node.data.hasError ? 'var(--error)' : node.data.colour || 'var(--border-strong)';

interface EditorCanvasProps {
  readonly history: EditorHistory;
  readonly analysis: GraphAnalysis;
  /** View state, owned by the editor so the inspector and the commands see it too. */
  readonly selection: Selection;
  readonly onSelectionChange: (update: (previous: Selection) => Selection) => void;
  /** Tells the student something: why a connection or an edit was refused. */
  readonly onStatus: (status: EditorStatus | undefined) => void;
}

/**
 * The React Flow canvas. Every edit goes through `history`; React Flow's nodes and edges are
 * rebuilt from the document, with selection and measured sizes kept as view state.
 */
export function EditorCanvas({
  history,
  analysis,
  selection,
  onSelectionChange,
  onStatus,
}: EditorCanvasProps) {
  const doc = useHistoryDocument(history);
  const { screenToFlowPosition } = useReactFlow();
  const [measured, setMeasured] = useState<ReadonlyMap<string, Measured>>(new Map());
  const [dragged, setDragged] = useState<ReadonlyMap<string, Position>>(new Map());
  const [flowNodes] = useState(() => new FlowNodes());
  // The connection a dragged palette item is over: drawn lit, as the layer will go in it.
  const [dropEdge, setDropEdge] = useState<string | undefined>();
  // Fit the network into view when the editor opens on one; an empty canvas is left alone, so
  // the view does not jump when the first layer is dropped.
  const [fitOnOpen] = useState(() => history.document.nodes.length > 0);
  const canvasBox = useRef<HTMLDivElement>(null);
  const hasLayers = useCallback(() => history.document.nodes.length > 0, [history]);
  const fit = useReadableFit();
  const noticeUserMove = useFitWhenShown(canvasBox, fit, hasLayers);
  // Once React Flow has measured the cards of the network the editor opened on.
  const measuredAll = useNodesInitialized();
  const fitted = useRef(false);
  useEffect(() => {
    if (!fitOnOpen || fitted.current || !measuredAll) return;
    fitted.current = true;
    fit();
  }, [fitOnOpen, measuredAll, fit]);
  const dragging = useRef(false);

  // The cards' words go to the face store just before the browser paints, so an edit shows
  // in the same frame; React Flow's nodes only change when a layer moves, is selected, or
  // gains or loses an error.
  const faces = useMemo(() => flowNodes.faces(doc, analysis), [flowNodes, doc, analysis]);
  const [faceStore] = useState(() => new FaceStore(faces));
  useLayoutEffect(() => faceStore.set(faces), [faceStore, faces]);
  const nodes = useMemo(
    () => flowNodes.build(doc, faces, selection, measured, dragged),
    [doc, faces, selection, measured, dragged, flowNodes],
  );
  // Connections do not move with layers: a drag leaves `doc.edges` as it was.
  const edges = useMemo(
    () => toFlowEdges(doc.edges, selection, dropEdge),
    [doc.edges, selection, dropEdge],
  );

  const apply = useCallback(
    (change: Change) => {
      const result = history.apply(change);
      onStatus(result.ok ? undefined : { message: result.message, tone: 'error' });
      return result.ok;
    },
    [history, onStatus],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<LayerFlowNode>[]) => {
      const positions: Record<string, Position> = {};
      let dragging: Map<string, Position> | undefined;
      let sizes: Map<string, Measured> | undefined;
      let selected: Map<string, boolean> | undefined;
      for (const change of changes) {
        if (change.type === 'position' && change.position) {
          // Mid-drag positions are view state, like the camera: the document (and so undo and
          // autosave) gets the final one when the drag ends, not one per pointer move.
          if (change.dragging) {
            dragging ??= new Map();
            dragging.set(change.id, change.position);
          } else positions[change.id] = change.position;
        } else if (change.type === 'dimensions' && change.dimensions) {
          sizes ??= new Map();
          sizes.set(change.id, change.dimensions);
        } else if (change.type === 'select') {
          selected ??= new Map();
          selected.set(change.id, change.selected);
        }
      }
      if (dragging) {
        const update = dragging;
        setDragged((previous) => new Map([...previous, ...update]));
      }
      const settled = new Set(Object.keys(positions));
      // A layer let go where it was picked up has not moved: no undo step for it.
      for (const node of history.document.nodes) {
        const at = positions[node.id];
        if (at && at.x === node.position.x && at.y === node.position.y) delete positions[node.id];
      }
      if (Object.keys(positions).length > 0) apply({ type: 'moveNodes', positions });
      if (settled.size > 0) {
        setDragged((previous) => {
          if (![...previous.keys()].some((id) => settled.has(id))) return previous;
          const next = new Map(previous);
          for (const id of settled) next.delete(id);
          return next;
        });
      }
      if (sizes) {
        const update = sizes;
        setMeasured((previous) => new Map([...previous, ...update]));
      }
      if (selected) {
        const update = selected;
        onSelectionChange((previous) => ({
          nodes: toggled(previous.nodes, update),
          edges: previous.edges,
        }));
      }
    },
    [history, apply, onSelectionChange],
  );

  const onEdgesChange = useCallback(
    (changes: EdgeChange[]) => {
      const update = new Map<string, boolean>();
      for (const change of changes) {
        if (change.type === 'select') update.set(change.id, change.selected);
      }
      if (update.size > 0) {
        onSelectionChange((previous) => ({
          nodes: previous.nodes,
          edges: toggled(previous.edges, update),
        }));
      }
    },
    [onSelectionChange],
  );

  const isValidConnection: IsValidConnection = useCallback(
    (connection: Connection | Edge) => {
      const check = canConnect(
        history.document,
        { node: connection.source, port: connection.sourceHandle ?? 'out' },
        { node: connection.target, port: connection.targetHandle ?? 'in' },
      );
      if (!check.ok) onStatus({ message: check.reason, tone: 'error' });
      return check.ok;
    },
    [history, onStatus],
  );

  const onConnect = useCallback(
    (connection: Connection) => {
      const made = connect(
        history.document,
        { node: connection.source, port: connection.sourceHandle ?? 'out' },
        { node: connection.target, port: connection.targetHandle ?? 'in' },
      );
      if (made.ok) apply(made.change);
      else onStatus({ message: made.reason, tone: 'error' });
    },
    [history, apply, onStatus],
  );

  const onConnectStart = useCallback(() => onStatus(undefined), [onStatus]);

  // A drag let go on a layer's body, far from its dots, still connects to its free input.
  const onConnectEnd = useCallback(
    (event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (state.toHandle || !state.fromHandle || !state.fromNode) return;
      const point = 'changedTouches' in event ? event.changedTouches[0] : event;
      if (!point) return;
      const onto = document
        .elementFromPoint(point.clientX, point.clientY)
        ?.closest<HTMLElement>('.react-flow__node')?.dataset.id;
      if (!onto || onto === state.fromNode.id) return;
      const made = connectToLayer(
        history.document,
        {
          node: state.fromNode.id,
          port: state.fromHandle.id ?? (state.fromHandle.type === 'source' ? 'out' : 'in'),
          side: state.fromHandle.type === 'source' ? 'output' : 'input',
        },
        onto,
      );
      if (made.ok) apply(made.change);
      else onStatus({ message: made.reason, tone: 'error' });
    },
    [history, apply, onStatus],
  );

  const onNodeDragStart = useCallback(() => {
    if (dragging.current) return;
    dragging.current = true;
    history.beginGesture();
  }, [history]);

  const onNodeDragStop = useCallback(() => {
    if (!dragging.current) return;
    dragging.current = false;
    history.endGesture();
  }, [history]);

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(KIND_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setDropEdge(edgeAt(event.clientX, event.clientY));
  }, []);

  const onDragLeave = useCallback(() => setDropEdge(undefined), []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      setDropEdge(undefined);
      const kind = event.dataTransfer.getData(KIND_MIME);
      if (!kind) return;
      event.preventDefault();
      const doc = history.document;
      const at = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const ontoEdge = edgeAt(event.clientX, event.clientY);
      // Dropped next to the one selected layer: it comes after it.
      const [only, ...others] = selection.nodes;
      const after =
        !ontoEdge && only && others.length === 0 && isNextTo(doc, measured, only, at)
          ? only
          : undefined;
      const plan = planDrop(doc, {
        kind,
        at,
        sizes: measured,
        ...(ontoEdge ? { ontoEdge } : {}),
        ...(after ? { after } : {}),
      });
      if (apply(plan.change)) {
        onSelectionChange(() => ({ nodes: new Set([plan.nodeId]), edges: new Set() }));
        if (plan.note) onStatus({ message: plan.note, tone: 'info' });
      }
    },
    [history, apply, measured, selection, screenToFlowPosition, onSelectionChange, onStatus],
  );

  return (
    <FaceStoreContext.Provider value={faceStore}>
      <div
        className="editor-canvas"
        ref={canvasBox}
        onDragOver={onDragOver}
        onDragLeave={onDragLeave}
        onDrop={onDrop}
      >
        <ReactFlow<LayerFlowNode>
          nodes={nodes}
          edges={edges}
          nodeTypes={NODE_TYPES}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onConnect={onConnect}
          onConnectStart={onConnectStart}
          onConnectEnd={onConnectEnd}
          connectionRadius={CONNECTION_RADIUS}
          isValidConnection={isValidConnection}
          onNodeDragStart={onNodeDragStart}
          onNodeDragStop={onNodeDragStop}
          deleteKeyCode={null}
          selectionKeyCode="Shift"
          multiSelectionKeyCode={MULTI_SELECTION_KEYS}
          onMoveStart={noticeUserMove}
          minZoom={0.1}
          // The wheel scrolls a network taller than the view (zoom to fit shows it full width
          // from the top); Ctrl + wheel, a pinch or the buttons zoom.
          panOnScroll
        >
          <Background gap={20} />
          <Controls showInteractive={false} onFitView={fit} />
          <MiniMap
            pannable
            zoomable
            ariaLabel="Overview of the whole network"
            nodeColor={minimapColour}
          />
        </ReactFlow>
      </div>
    </FaceStoreContext.Provider>
  );
}

/** The connection drawn under a point of the screen, by id. */
function edgeAt(clientX: number, clientY: number): string | undefined {
  const edge = document.elementFromPoint(clientX, clientY)?.closest('.react-flow__edge');
  return edge?.getAttribute('data-id') ?? undefined;
}

function toggled(set: ReadonlySet<string>, update: ReadonlyMap<string, boolean>): Set<string> {
  const next = new Set(set);
  for (const [id, on] of update) {
    if (on) next.add(id);
    else next.delete(id);
  }
  return next;
}
