import { findKind } from '../../shared/catalog/registry';
import type { GraphDocument } from '../../shared/graph/document';
import type { GraphIssue } from '../../shared/inference/analyze';
import { analyzeGraph } from '../../shared/inference/analyze';
import { formatShape } from '../../shared/shapes/shape';

/** One line of the layer table, with everything already worded for display. */
export interface LayerRow {
  readonly id: string;
  readonly name: string;
  readonly kindTitle: string;
  /** The kind's one-sentence explanation, shown on hover. */
  readonly kindSummary: string;
  readonly settings: string;
  /** Undefined when the shape cannot be worked out (an error here or before). */
  readonly outputShape?: string;
  readonly parameters: number;
  readonly errors: number;
  readonly warnings: number;
}

export interface IssueLine {
  readonly severity: 'error' | 'warning';
  /** Names the layer itself when it is about one, e.g. `Dense "hidden" has …`. */
  readonly message: string;
}

export interface NetworkInspection {
  readonly rows: readonly LayerRow[];
  readonly issues: readonly IssueLine[];
  readonly totals: {
    readonly trainable: number;
    readonly nonTrainable: number;
    readonly total: number;
    readonly parameterBytes: number;
    readonly activationBytesPerSample: number;
  };
  readonly errorCount: number;
  readonly warningCount: number;
}

/**
 * Turns a document into what the inspector shows: layers in the order data flows through
 * them (inputs first), then any the analysis could not order, in file order.
 */
export function inspectNetwork(document: GraphDocument): NetworkInspection {
  const analysis = analyzeGraph(document);
  const byId = new Map(document.nodes.map((node) => [node.id, node]));
  const ordered = [...new Set([...analysis.order, ...document.nodes.map((n) => n.id)])];
  const nameOf = (id: string): string => {
    const node = byId.get(id);
    return node?.label?.trim() || id;
  };

  const rows = ordered.map((id): LayerRow => {
    const node = byId.get(id)!;
    const kind = findKind(node.kind);
    const result = analysis.nodes.get(id);
    const issues = result?.issues ?? [];
    return {
      id,
      name: nameOf(id),
      kindTitle: kind?.title ?? node.kind,
      kindSummary: kind?.summary ?? '',
      settings: kind ? kind.describe(node.params) : '',
      ...(result?.output ? { outputShape: formatShape(result.output.shape) } : {}),
      parameters: result ? result.params.trainable + result.params.nonTrainable : 0,
      errors: issues.filter((i) => i.severity === 'error').length,
      warnings: issues.filter((i) => i.severity === 'warning').length,
    };
  });

  const issues = [...analysis.issues]
    // Errors first: they stop training; warnings only advise.
    .sort((a, b) => severityRank(a) - severityRank(b))
    .map((issue): IssueLine => ({ severity: issue.severity, message: issue.message }));

  const { trainable, nonTrainable, total, parameterBytes, activationBytesPerSample } =
    analysis.totals;
  return {
    rows,
    issues,
    totals: { trainable, nonTrainable, total, parameterBytes, activationBytesPerSample },
    errorCount: analysis.errorCount,
    warningCount: analysis.warningCount,
  };
}

function severityRank(issue: GraphIssue): number {
  return issue.severity === 'error' ? 0 : 1;
}
