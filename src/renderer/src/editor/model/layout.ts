import { Graph, layout } from '@dagrejs/dagre';
import type { GraphDocument } from '../../../../shared/graph/document';
import type { Change, Position } from './changes';

export interface NodeSize {
  readonly width: number;
  readonly height: number;
}

export type LayoutDirection = 'TB' | 'LR';

/** A layer's size before the canvas has measured it: the card's width, a typical height. */
export const DEFAULT_NODE_SIZE: NodeSize = { width: 216, height: 90 };

export interface LayoutOptions {
  /** Top to bottom (the way the ports face) or left to right. */
  readonly direction?: LayoutDirection;
  /** Gap between layers in one rank and between ranks. */
  readonly nodeGap?: number;
  readonly rankGap?: number;
}

/**
 * Arranges the layers in ranks along the connections (dagre's layered layout), keeping the
 * drawing's top-left corner where it was so the network does not jump away from the view.
 * One `moveNodes` change, so it is a single undo step; undefined when nothing would move.
 */
export function autoLayout(
  doc: GraphDocument,
  sizes: ReadonlyMap<string, NodeSize>,
  options: LayoutOptions = {},
): Change | undefined {
  if (doc.nodes.length === 0) return undefined;
  const graph = new Graph({ multigraph: true });
  graph.setGraph({
    rankdir: options.direction ?? 'TB',
    nodesep: options.nodeGap ?? 40,
    ranksep: options.rankGap ?? 60,
    marginx: 0,
    marginy: 0,
  });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of doc.nodes) {
    const size = sizes.get(node.id) ?? DEFAULT_NODE_SIZE;
    graph.setNode(node.id, { width: size.width, height: size.height });
  }
  for (const edge of doc.edges) {
    if (graph.hasNode(edge.source.node) && graph.hasNode(edge.target.node)) {
      graph.setEdge(edge.source.node, edge.target.node, {}, edge.id);
    }
  }
  // Layers with no connection at all go in one column, in the order they were added, rather
  // than in one long row: unseen links that only order them.
  const loose = doc.nodes.filter(
    (n) => !doc.edges.some((e) => e.source.node === n.id || e.target.node === n.id),
  );
  loose.slice(1).forEach((node, i) => {
    graph.setEdge(loose[i]!.id, node.id, { weight: 0 }, `(column ${i})`);
  });
  layout(graph);

  const origin = {
    x: Math.min(...doc.nodes.map((n) => n.position.x)),
    y: Math.min(...doc.nodes.map((n) => n.position.y)),
  };
  const laid = doc.nodes.map((node) => {
    const placed = graph.node(node.id) as { x: number; y: number; width: number; height: number };
    const { x, y, width, height } = placed;
    // dagre places centres; the canvas places top-left corners.
    return { node, at: { x: x - width / 2, y: y - height / 2 } };
  });
  followPorts(doc, laid);
  const left = Math.min(...laid.map((l) => l.at.x));
  const top = Math.min(...laid.map((l) => l.at.y));
  const positions: Record<string, Position> = {};
  for (const { node, at } of laid) {
    const next = {
      x: Math.round(at.x - left + origin.x),
      y: Math.round(at.y - top + origin.y),
    };
    if (next.x !== node.position.x || next.y !== node.position.y) positions[node.id] = next;
  }
  return Object.keys(positions).length > 0 ? { type: 'moveNodes', positions } : undefined;
}

/**
 * dagre orders a rank to shorten connections, not by port: a merge's inputs may come out
 * swapped. Layers in one rank that feed the same merge trade places so that the one on its
 * first input is on the left, as its dots are.
 */
function followPorts(
  doc: GraphDocument,
  laid: readonly { node: GraphDocument['nodes'][number]; at: Position }[],
): void {
  const place = new Map(laid.map((l) => [l.node.id, l.at]));
  for (const merge of doc.nodes) {
    const feeding = doc.edges
      .filter((e) => e.target.node === merge.id)
      .sort((a, b) => a.target.port.localeCompare(b.target.port, 'en', { numeric: true }))
      .map((e) => place.get(e.source.node))
      .filter((at): at is Position => at !== undefined);
    const unique = [...new Set(feeding)];
    if (unique.length < 2 || unique.some((at) => at.y !== unique[0]!.y)) continue;
    const xs = unique.map((at) => at.x).sort((a, b) => a - b);
    // Positions are this function's own objects: reassigning their x moves the layers.
    unique.forEach((at, i) => ((at as { x: number }).x = xs[i]!));
  }
}
