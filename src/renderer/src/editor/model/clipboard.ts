import type { GraphDocument, GraphEdge, GraphNode } from '../../../../shared/graph/document';
import type { Change, Position } from './changes';
import { IdAllocator } from './ids';
import type { Selection } from './selection';

/**
 * Copy, paste, duplicate and delete. Each returns a change for `EditorHistory.apply`, so each
 * is one undo step, and paste goes through the same validation as every other edit (a fragment
 * read back from the system clipboard is not trusted).
 */

/** Copied layers and the connections among them; plain data, safe to put on a clipboard. */
export interface Fragment {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
}

/** Where a duplicate lands: down and to the right, so it does not hide the original. */
export const DUPLICATE_OFFSET: Position = { x: 40, y: 40 };

/** The selected layers, and every connection whose two ends are both selected. */
export function copy(doc: GraphDocument, selection: Selection): Fragment {
  const nodes = doc.nodes.filter((n) => selection.nodes.has(n.id));
  const edges = doc.edges.filter(
    (e) => selection.nodes.has(e.source.node) && selection.nodes.has(e.target.node),
  );
  return { nodes, edges };
}

export interface Paste {
  /** One batch: apply it through the history. */
  readonly change: Change;
  /** The pasted layers and connections, to select after pasting. */
  readonly selection: Selection;
  /** Fragment id → new id, nodes and edges alike. */
  readonly ids: ReadonlyMap<string, string>;
}

/** New layers with fresh ids (`dense_3`), moved by `offset`, wired as they were. */
export function paste(doc: GraphDocument, fragment: Fragment, offset: Position): Paste {
  const allocate = new IdAllocator(doc);
  const nodeIds = new Map<string, string>();
  const changes: Change[] = [];
  for (const node of fragment.nodes) {
    const id = allocate.nodeId(node.kind);
    nodeIds.set(node.id, id);
    changes.push({
      type: 'addNode',
      node: {
        ...node,
        id,
        position: { x: node.position.x + offset.x, y: node.position.y + offset.y },
      },
    });
  }
  const edgeIds = new Map<string, string>();
  for (const edge of fragment.edges) {
    const source = nodeIds.get(edge.source.node);
    const target = nodeIds.get(edge.target.node);
    // A hand-edited fragment may hold a dangling connection; it has nothing to attach to.
    if (source === undefined || target === undefined) continue;
    const id = allocate.edgeId();
    edgeIds.set(edge.id, id);
    changes.push({
      type: 'addEdge',
      edge: {
        id,
        source: { node: source, port: edge.source.port },
        target: { node: target, port: edge.target.port },
      },
    });
  }
  return {
    change: { type: 'batch', changes },
    selection: { nodes: new Set(nodeIds.values()), edges: new Set(edgeIds.values()) },
    ids: new Map([...nodeIds, ...edgeIds]),
  };
}

export function duplicate(
  doc: GraphDocument,
  selection: Selection,
  offset: Position = DUPLICATE_OFFSET,
): Paste {
  return paste(doc, copy(doc, selection), offset);
}

/**
 * Deletes the selected layers (with their connections) and the selected connections, as one
 * change; undefined when nothing that exists is selected.
 */
export function deleteSelection(doc: GraphDocument, selection: Selection): Change | undefined {
  const nodes = doc.nodes.filter((n) => selection.nodes.has(n.id)).map((n) => n.id);
  const removing = new Set(nodes);
  // Connections of deleted layers go with them; listing them again would be an error.
  const edges = doc.edges
    .filter((e) => selection.edges.has(e.id))
    .filter((e) => !removing.has(e.source.node) && !removing.has(e.target.node))
    .map((e) => e.id);
  const changes: Change[] = [];
  if (edges.length > 0) changes.push({ type: 'removeEdges', ids: edges });
  if (nodes.length > 0) changes.push({ type: 'removeNodes', ids: nodes });
  return changes.length > 0 ? { type: 'batch', changes } : undefined;
}
