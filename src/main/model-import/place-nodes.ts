import type { GraphEdge, GraphNode } from '../../shared/graph/document';

/** Room for one card on the canvas, across and down. */
const COLUMN = 240;
const ROW = 130;

/**
 * Places the nodes of an imported network in rows, top to bottom as data flows: each node one
 * row below the lowest of the nodes it reads, the nodes of a row side by side and centred, so
 * branches (an Inception block, a skip connection) stand next to each other.
 */
export function placeNodes(nodes: readonly GraphNode[], edges: readonly GraphEdge[]): GraphNode[] {
  const row = new Map<string, number>();
  const rowOf = (id: string, seen: Set<string>): number => {
    const known = row.get(id);
    if (known !== undefined) return known;
    if (seen.has(id)) return 0;
    seen.add(id);
    const sources = edges.filter((e) => e.target.node === id).map((e) => e.source.node);
    const value = sources.length === 0 ? 0 : 1 + Math.max(...sources.map((s) => rowOf(s, seen)));
    row.set(id, value);
    return value;
  };
  for (const node of nodes) rowOf(node.id, new Set());
  const rows = new Map<number, string[]>();
  for (const node of nodes) {
    const r = row.get(node.id)!;
    rows.set(r, [...(rows.get(r) ?? []), node.id]);
  }
  return nodes.map((node) => {
    const r = row.get(node.id)!;
    const members = rows.get(r)!;
    const index = members.indexOf(node.id);
    return {
      ...node,
      position: { x: (index - (members.length - 1) / 2) * COLUMN, y: r * ROW },
    };
  });
}
