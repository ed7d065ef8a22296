import { findKind } from '../../shared/catalog/registry';
import { EMBEDDED_NETWORK_KEY } from '../../shared/export/embedded-network';
import type { GraphDocument, GraphEdge, GraphNode } from '../../shared/graph/document';
import { parseGraphDocument } from '../../shared/graph/parse';
import type { TensorInfo } from '../../shared/shapes/shape';
import type { LayersAsNetwork } from './network-from-layers';

/** The network Neurite's TF.js export kept in model.json, when this model has one. */
export function embeddedNetwork(
  modelJson: Readonly<Record<string, unknown>>,
): GraphDocument | undefined {
  const metadata = modelJson['userDefinedMetadata'] as Record<string, unknown> | undefined;
  const kept = metadata?.[EMBEDDED_NETWORK_KEY] as { network?: unknown } | undefined;
  if (kept?.network === undefined) return undefined;
  const parsed = parseGraphDocument(kept.network);
  return parsed.ok ? parsed.document : undefined;
}

/** The imported network once the embedded one has told what the layers could not. */
export interface Reconciled {
  readonly nodes: GraphNode[];
  readonly edges: GraphEdge[];
  /** The guesses about Outputs that the embedded network did not settle. */
  readonly guesses: readonly string[];
}

/**
 * Completes a network read from a model's layers with the one its export kept (see
 * EMBEDDED_NETWORK_KEY). The layers stay the truth: a node takes the kept node's params only
 * when they give exactly the same TF.js layers (so a pooling's unset stride or a Reshape's -1
 * come back as the student wrote them), and its label and place in any case. Outputs take the
 * kept task and loss, and connections their ids; the nodes keep the kept network's order.
 */
export function reconcile(imported: LayersAsNetwork, kept: GraphDocument | undefined): Reconciled {
  if (!kept) {
    return {
      nodes: imported.nodes,
      edges: imported.edges,
      guesses: imported.outputs.map((o) => o.guess),
    };
  }
  const keptById = new Map(kept.nodes.map((node) => [node.id, node]));
  const inputsOf = (id: string): TensorInfo[] =>
    imported.edges
      .filter((e) => e.target.node === id)
      .map((e) => imported.tensors.get(e.source.node)!);

  const renamedOutputs = new Map<string, string>();
  const guesses: string[] = [];
  const taken = new Set(imported.nodes.map((node) => node.id));
  const nodes = imported.nodes.map((node): GraphNode => {
    const output = imported.outputs.find((o) => o.output === node.id);
    if (output) {
      const match = keptOutputFor(kept, output.source);
      if (!match || (match.id !== node.id && taken.has(match.id))) {
        guesses.push(output.guess);
        return node;
      }
      taken.add(match.id);
      renamedOutputs.set(node.id, match.id);
      return { ...match };
    }
    const same = keptById.get(node.id);
    if (!same || same.kind !== node.kind) return node;
    const kind = findKind(node.kind)!;
    const inputs = inputsOf(node.id);
    const equivalent =
      JSON.stringify(kind.toTfjs(same.params, inputs)) ===
      JSON.stringify(kind.toTfjs(node.params, inputs));
    return {
      ...node,
      ...(same.label !== undefined ? { label: same.label } : {}),
      position: same.position,
      ...(equivalent ? { params: same.params } : {}),
    };
  });

  const keptEdge = (e: GraphEdge) =>
    kept.edges.find(
      (k) =>
        k.source.node === e.source.node &&
        k.target.node === e.target.node &&
        k.target.port === e.target.port,
    );
  const renamed = imported.edges.map((e) => ({
    ...e,
    target: { ...e.target, node: renamedOutputs.get(e.target.node) ?? e.target.node },
  }));
  const usedIds = new Set(renamed.flatMap((e) => keptEdge(e)?.id ?? []));
  let next = 1;
  const edges = renamed.map((e) => {
    const id = keptEdge(e)?.id;
    if (id !== undefined) return { ...e, id };
    while (usedIds.has(`e${next}`)) next += 1;
    usedIds.add(`e${next}`);
    return { ...e, id: `e${next}` };
  });

  const order = new Map(kept.nodes.map((node, i) => [node.id, i]));
  const sorted = [...nodes].sort(
    (a, b) => (order.get(a.id) ?? Infinity) - (order.get(b.id) ?? Infinity),
  );
  return { nodes: sorted, edges, guesses };
}

/** The kept Output fed by `source`. */
function keptOutputFor(kept: GraphDocument, source: string): GraphNode | undefined {
  return kept.nodes.find(
    (node) =>
      findKind(node.kind)?.role === 'output' &&
      kept.edges.some((e) => e.target.node === node.id && e.source.node === source),
  );
}
