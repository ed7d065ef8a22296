import type { GraphDocument } from '../../../../shared/graph/document';

/** What is selected on the canvas. View state: kept beside the history, never in it. */
export interface Selection {
  readonly nodes: ReadonlySet<string>;
  readonly edges: ReadonlySet<string>;
}

export const EMPTY_SELECTION: Selection = { nodes: new Set(), edges: new Set() };

export function selectAll(doc: GraphDocument): Selection {
  return { nodes: new Set(doc.nodes.map((n) => n.id)), edges: new Set(doc.edges.map((e) => e.id)) };
}

/** Drops ids that no longer exist, e.g. after an undo removed the selected nodes. */
export function pruneSelection(doc: GraphDocument, selection: Selection): Selection {
  const nodes = new Set(doc.nodes.map((n) => n.id).filter((id) => selection.nodes.has(id)));
  const edges = new Set(doc.edges.map((e) => e.id).filter((id) => selection.edges.has(id)));
  return nodes.size === selection.nodes.size && edges.size === selection.edges.size
    ? selection
    : { nodes, edges };
}
