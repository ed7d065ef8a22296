import type { Edge, Node } from '@xyflow/react';
import type { GraphDocument } from '../../../../shared/graph/document';
import type { GraphAnalysis } from '../../../../shared/inference/analyze';
import type { LayerNodeData, NodeSize, Position, Selection } from '../model';
import { NodeDataCache } from '../model';

export type { LayerNodeData } from '../model';
export { NodeDataCache } from '../model';

/**
 * What React Flow holds for a layer: only what the minimap draws, its kind's colour or red for
 * an error. The card's words come from the FaceStore, so an edit does not replace React Flow's
 * nodes.
 */
export type LayerFlowData = { readonly hasError: boolean; readonly colour: string };

/** One object per colour and error state, so a node's data keeps its identity across edits. */
const FLOW_DATA = new Map<string, LayerFlowData>();
function flowData(hasError: boolean, colour: string): LayerFlowData {
  const key = `${hasError}\n${colour}`;
  let data = FLOW_DATA.get(key);
  if (!data) FLOW_DATA.set(key, (data = { hasError, colour }));
  return data;
}

export type LayerFlowNode = Node<LayerFlowData, 'layer'>;

export interface Measured {
  readonly width: number;
  readonly height: number;
}

/**
 * React Flow's nodes, derived from the document: the document is the truth, React Flow only
 * mirrors it. Selection and measured sizes are view state kept beside it.
 *
 * A node object is reused while nothing about it changed, so React Flow (which compares them
 * by identity) redraws only the layer being dragged, not all of them, on every pointer move.
 */
export class FlowNodes {
  private readonly cache = new NodeDataCache();
  private readonly last = new Map<string, LayerFlowNode>();
  private lastList: LayerFlowNode[] = [];

  /** Every layer's face, the unchanged ones as the same objects as last time. */
  faces(doc: GraphDocument, analysis: GraphAnalysis): Map<string, LayerNodeData> {
    this.cache.retain(new Set(doc.nodes.map((n) => n.id)));
    return new Map(doc.nodes.map((n) => [n.id, this.cache.get(n, analysis.nodes.get(n.id))]));
  }

  build(
    doc: GraphDocument,
    faces: ReadonlyMap<string, LayerNodeData>,
    selection: Selection,
    measured: ReadonlyMap<string, Measured>,
    /** Where layers being dragged are now; the document gets them when the drag ends. */
    dragged: ReadonlyMap<string, Position> = new Map(),
  ): LayerFlowNode[] {
    const ids = new Set(doc.nodes.map((n) => n.id));
    for (const id of this.last.keys()) if (!ids.has(id)) this.last.delete(id);
    const list = doc.nodes.map((node): LayerFlowNode => {
      const size = measured.get(node.id);
      const selected = selection.nodes.has(node.id);
      const face = faces.get(node.id);
      const data = flowData((face?.errors.length ?? 0) > 0, face?.colour ?? '');
      const position = dragged.get(node.id) ?? node.position;
      const before = this.last.get(node.id);
      if (
        before &&
        before.data === data &&
        before.selected === selected &&
        before.position.x === position.x &&
        before.position.y === position.y &&
        before.measured?.width === size?.width &&
        before.measured?.height === size?.height
      ) {
        return before;
      }
      const next: LayerFlowNode = {
        id: node.id,
        type: 'layer',
        position,
        selected,
        ...(size ? { measured: size } : {}),
        data,
      };
      this.last.set(node.id, next);
      return next;
    });
    // The same array when no node changed (a parameter edit changes only the cards' words):
    // React Flow then has nothing to re-process, rather than adopting all nodes again.
    const previous = this.lastList;
    if (list.length === previous.length && list.every((node, i) => node === previous[i])) {
      return previous;
    }
    this.lastList = list;
    return list;
  }
}

/** One-off conversion, for callers without a cache to keep. */
export function toFlowNodes(
  doc: GraphDocument,
  analysis: GraphAnalysis,
  selection: Selection,
  measured: ReadonlyMap<string, Measured>,
): LayerFlowNode[] {
  const flow = new FlowNodes();
  return flow.build(doc, flow.faces(doc, analysis), selection, measured);
}

export function toFlowEdges(
  edges: GraphDocument['edges'],
  selection: Selection,
  /** The connection a layer being dragged from the palette would go into. */
  dropTarget?: string,
): Edge[] {
  return edges.map((edge) => ({
    ...(edge.id === dropTarget ? { className: 'edge-drop-target' } : {}),
    id: edge.id,
    source: edge.source.node,
    sourceHandle: edge.source.port,
    target: edge.target.node,
    targetHandle: edge.target.port,
    selected: selection.edges.has(edge.id),
  }));
}

/** The sizes React Flow has measured, by layer id (layers not yet drawn are left out). */
export function measuredSizes(nodes: readonly Node[]): Map<string, NodeSize> {
  const sizes = new Map<string, NodeSize>();
  for (const node of nodes) {
    if (node.measured?.width && node.measured.height) {
      sizes.set(node.id, { width: node.measured.width, height: node.measured.height });
    }
  }
  return sizes;
}
