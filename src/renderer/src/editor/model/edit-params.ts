import { findKind } from '../../../../shared/catalog/registry';
import type { GraphDocument } from '../../../../shared/graph/document';
import { checkNodeParams } from '../../../../shared/graph/node-params';
import type { Change } from './changes';

/**
 * The change for an inspector edit of one layer's parameters. When the edit takes away input
 * ports (an Add lowered from 3 inputs to 2), the connections into those ports go in the same
 * change, so one undo brings back both the setting and the connections.
 */
export function editParams(
  doc: GraphDocument,
  id: string,
  params: Readonly<Record<string, unknown>>,
): Change {
  const set: Change = { type: 'setParams', id, params };
  const node = doc.nodes.find((n) => n.id === id);
  const kind = node ? findKind(node.kind) : undefined;
  if (!node || !kind) return set;
  // An invalid edit is refused by the history with the schema's message; nothing to prune.
  const checked = checkNodeParams(node, { ...node.params, ...params });
  if (!checked.ok) return set;
  const ports = new Set(kind.inputPorts(checked.params).map((p) => p.id));
  const dangling = doc.edges
    .filter((e) => e.target.node === id && !ports.has(e.target.port))
    .map((e) => e.id);
  if (dangling.length === 0) return set;
  return { type: 'batch', changes: [{ type: 'removeEdges', ids: dangling }, set] };
}
