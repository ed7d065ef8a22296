import type { Edge, Node } from '@xyflow/react';
import { findKind } from '../../../../shared/catalog/registry';
import type { PortSpec } from '../../../../shared/catalog/types';
import type { GraphDocument } from '../../../../shared/graph/document';
import type { GraphAnalysis } from '../../../../shared/inference/analyze';
import { formatCount } from '../../../../shared/inference/memory';
import { formatShape } from '../../../../shared/shapes/shape';
import type { Selection } from '../model';

/** What one layer's face shows, already worded. */
export type LayerNodeData = {
  readonly kindTitle: string;
  readonly kindSummary: string;
  /** The label, or the id when there is none. */
  readonly name: string;
  readonly settings: string;
  /** Undefined when it cannot be worked out (an error here or before). */
  readonly outputShape?: string;
  readonly parameters: string;
  readonly errors: readonly string[];
  readonly warnings: readonly string[];
  readonly inputPorts: readonly PortSpec[];
  readonly outputPorts: readonly PortSpec[];
};

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
): LayerFlowNode[] {
  return doc.nodes.map((node): LayerFlowNode => {
    const kind = findKind(node.kind);
    const result = analysis.nodes.get(node.id);
    const issues = result?.issues ?? [];
    const size = measured.get(node.id);
    const params = result ? result.params.trainable + result.params.nonTrainable : 0;
    return {
      id: node.id,
      type: 'layer',
      position: node.position,
      selected: selection.nodes.has(node.id),
      ...(size ? { measured: size } : {}),
      data: {
        kindTitle: kind?.title ?? node.kind,
        kindSummary: kind?.summary ?? '',
        name: node.label?.trim() || node.id,
        settings: kind ? kind.describe(node.params) : '',
        ...(result?.output ? { outputShape: formatShape(result.output.shape) } : {}),
        parameters: formatCount(params),
        errors: issues.filter((i) => i.severity === 'error').map((i) => i.message),
        warnings: issues.filter((i) => i.severity === 'warning').map((i) => i.message),
        inputPorts: kind ? kind.inputPorts(node.params) : [],
        outputPorts: kind ? kind.outputPorts : [],
      },
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
