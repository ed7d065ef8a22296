import type { GraphDocument } from '../../../../shared/graph/document';
import type { GraphAnalysis } from '../../../../shared/inference/analyze';
import { analyzeGraph } from '../../../../shared/inference/analyze';

/**
 * Analyses documents, reusing the last result when only positions changed: moving layers
 * changes no shape, count or problem, so a drag (a move per frame) is not analysed per frame.
 */
export class AnalysisMemo {
  private last: { doc: GraphDocument; analysis: GraphAnalysis } | undefined;

  analyze(doc: GraphDocument): GraphAnalysis {
    const last = this.last;
    if (last && (last.doc === doc || sameStructure(last.doc, doc))) {
      this.last = { doc, analysis: last.analysis };
      return last.analysis;
    }
    const analysis = analyzeGraph(doc);
    this.last = { doc, analysis };
    return analysis;
  }
}

/** Equal but for positions: the same layers, settings, labels, frozen layers and connections. */
export function sameStructure(a: GraphDocument, b: GraphDocument): boolean {
  if (a.edges !== b.edges || a.nodes.length !== b.nodes.length) return false;
  return a.nodes.every((node, i) => {
    const other = b.nodes[i]!;
    return (
      node === other ||
      (node.id === other.id &&
        node.kind === other.kind &&
        node.label === other.label &&
        node.trainable === other.trainable &&
        node.params === other.params)
    );
  });
}
