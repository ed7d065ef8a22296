import type { Edge, Node } from '@xyflow/react';
import type { GraphDocument } from '../../../../shared/graph/document';
import type { GraphAnalysis } from '../../../../shared/inference/analyze';
import type { LayerNodeData, Selection } from '../model';
import { NodeDataCache } from '../model';

export type { LayerNodeData } from '../model';
export { NodeDataCache } from '../model';

export type LayerFlowNode = Node<LayerNodeData, 'layer'>;

export interface Measured {
  readonly width: number;
  readonly height: number;
}

/**
 * React Flow's nodes, derived from the document: the document is the truth, React Flow only
 * mirrors it. Selection and measured sizes are view state kept beside it.
 */
export function toFlowNodes(
  doc: GraphDocument,
  analysis: GraphAnalysis,
  selection: Selection,
  measured: ReadonlyMap<string, Measured>,
  cache: NodeDataCache = new NodeDataCache(),
): LayerFlowNode[] {
  cache.retain(new Set(doc.nodes.map((n) => n.id)));
  return doc.nodes.map((node): LayerFlowNode => {
    const size = measured.get(node.id);
    return {
      id: node.id,
      type: 'layer',
      position: node.position,
      selected: selection.nodes.has(node.id),
      ...(size ? { measured: size } : {}),
      data: cache.get(node, analysis.nodes.get(node.id)),
    };
  });
}

export function toFlowEdges(doc: GraphDocument, selection: Selection): Edge[] {
  return doc.edges.map((edge) => ({
    id: edge.id,
    source: edge.source.node,
    sourceHandle: edge.source.port,
    target: edge.target.node,
    targetHandle: edge.target.port,
    selected: selection.edges.has(edge.id),
  }));
}
