import type {
  Connection,
  Edge,
  EdgeChange,
  IsValidConnection,
  NodeChange,
  NodeTypes,
} from '@xyflow/react';
import { Background, Controls, ReactFlow, useReactFlow } from '@xyflow/react';
import type { DragEvent } from 'react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { GraphAnalysis } from '../../../../shared/inference/analyze';
import type { EditorHistory, Position, Selection } from '../model';
import {
  EMPTY_SELECTION,
  IdAllocator,
  canConnect,
  connect,
  deleteSelection,
  pruneSelection,
} from '../model';
import type { LayerFlowNode, Measured } from './flow-model';
import { toFlowEdges, toFlowNodes } from './flow-model';
import { LayerNode } from './LayerNode';
import { KIND_MIME } from './Palette';
import { useHistoryDocument } from './use-history';

const NODE_TYPES: NodeTypes = { layer: LayerNode };

interface EditorCanvasProps {
  readonly history: EditorHistory;
  readonly analysis: GraphAnalysis;
  /** Tells the student something: why a connection or an edit was refused. */
  readonly onStatus: (message: string | undefined) => void;
}

/**
 * The React Flow canvas. Every edit goes through `history`; React Flow's nodes and edges are
 * rebuilt from the document, with selection and measured sizes kept here as view state.
 */
export function EditorCanvas({ history, analysis, onStatus }: EditorCanvasProps) {
  const doc = useHistoryDocument(history);
  const { screenToFlowPosition } = useReactFlow();
  const [rawSelection, setSelection] = useState<Selection>(EMPTY_SELECTION);
  const [measured, setMeasured] = useState<ReadonlyMap<string, Measured>>(new Map());
  const dragging = useRef(false);
  const selection = pruneSelection(doc, rawSelection);

  const nodes = useMemo(
    () => toFlowNodes(doc, analysis, selection, measured),
    [doc, analysis, selection, measured],
  );
  const edges = useMemo(() => toFlowEdges(doc, selection), [doc, selection]);

  const apply = useCallback(
    (change: Parameters<EditorHistory['apply']>[0]) => {
      const result = history.apply(change);
      onStatus(result.ok ? undefined : result.message);
      return result.ok;
    },
    [history, onStatus],
  );

  const onNodesChange = useCallback(
    (changes: NodeChange<LayerFlowNode>[]) => {
      const positions: Record<string, Position> = {};
      let sizes: Map<string, Measured> | undefined;
      let selected: Map<string, boolean> | undefined;
      for (const change of changes) {
        if (change.type === 'position' && change.position) {
          positions[change.id] = change.position;
        } else if (change.type === 'dimensions' && change.dimensions) {
          sizes ??= new Map();
          sizes.set(change.id, change.dimensions);
        } else if (change.type === 'select') {
          selected ??= new Map();
          selected.set(change.id, change.selected);
        }
      }
      if (Object.keys(positions).length > 0) apply({ type: 'moveNodes', positions });
      if (sizes) {
        const update = sizes;
        setMeasured((previous) => new Map([...previous, ...update]));
      }
      if (selected) {
        const update = selected;
        setSelection((previous) => ({
          nodes: toggled(previous.nodes, update),
          edges: previous.edges,
        }));
      }
    },
    [apply],
  );

  const onEdgesChange = useCallback((changes: EdgeChange[]) => {
    const update = new Map<string, boolean>();
    for (const change of changes) {
      if (change.type === 'select') update.set(change.id, change.selected);
    }
    if (update.size > 0) {
      setSelection((previous) => ({
        nodes: previous.nodes,
        edges: toggled(previous.edges, update),
      }));
    }
  }, []);

  const isValidConnection: IsValidConnection = useCallback(
    (connection: Connection | Edge) => {
      const check = canConnect(
        history.document,
        { node: connection.source, port: connection.sourceHandle ?? 'out' },
        { node: connection.target, port: connection.targetHandle ?? 'in' },
      );
      if (!check.ok) onStatus(check.reason);
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
      else onStatus(made.reason);
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
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const kind = event.dataTransfer.getData(KIND_MIME);
      if (!kind) return;
      event.preventDefault();
      const position = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const id = new IdAllocator(history.document).nodeId(kind);
      if (apply({ type: 'addNode', node: { id, kind, position, params: {} } })) {
        setSelection({ nodes: new Set([id]), edges: new Set() });
      }
    },
    [history, apply, screenToFlowPosition],
  );

  // Delete, undo and redo, anywhere on the screen except while typing in a field.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (isTyping(event.target)) return;
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (mod && key === 'z') {
        event.preventDefault();
        if (event.shiftKey) history.redo();
        else history.undo();
        onStatus(undefined);
      } else if (mod && key === 'y') {
        event.preventDefault();
        history.redo();
      } else if (event.key === 'Delete' || event.key === 'Backspace') {
        const change = deleteSelection(history.document, selection);
        if (change) {
          event.preventDefault();
          apply(change);
        }
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [history, apply, onStatus, selection]);

  return (
    <div className="editor-canvas" onDragOver={onDragOver} onDrop={onDrop}>
      <ReactFlow<LayerFlowNode>
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onConnect={onConnect}
        onConnectStart={() => onStatus(undefined)}
        isValidConnection={isValidConnection}
        onNodeDragStart={onNodeDragStart}
        onNodeDragStop={onNodeDragStop}
        deleteKeyCode={null}
        fitView
        fitViewOptions={{ padding: 0.2, maxZoom: 1 }}
      >
        <Background gap={20} />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}

function toggled(set: ReadonlySet<string>, update: ReadonlyMap<string, boolean>): Set<string> {
  const next = new Set(set);
  for (const [id, on] of update) {
    if (on) next.add(id);
    else next.delete(id);
  }
  return next;
}

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}
