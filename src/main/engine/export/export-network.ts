import type { GraphDocument } from '../../../shared/graph/document';
import { nodeDisplayName } from '../../../shared/graph/document';
import { compileGraph } from '../compiler/compile-graph';
import type { CompiledGraph } from '../compiler/compile-graph';
import type { SavedWeights } from '../inside/inside-model';
import { INITIAL_WEIGHTS_SEED, loadWeights } from '../inside/inside-model';

/** An export: its files by name, in the order they are listed to the user. */
export type ExportFiles = ReadonlyMap<string, Uint8Array>;

/** What every exporter writes out: a network and, once trained, its weights. */
export interface ExportNetwork {
  readonly document: GraphDocument;
  /** The trained weights; without them, the weights the network's initializers give. */
  readonly weights: SavedWeights | undefined;
}

/**
 * The network built as TF.js layers with its trained weights in them, for the time `use`
 * runs; its layers are named by node id. The untrained weights come from a fixed seed, so an
 * untrained network exports the same way twice.
 */
export async function withCompiledNetwork<T>(
  network: ExportNetwork,
  use: (compiled: CompiledGraph) => Promise<T> | T,
): Promise<T> {
  const compiled = compileGraph(network.document, { seed: INITIAL_WEIGHTS_SEED });
  try {
    if (network.weights) loadWeights(compiled, network.weights);
    return await use(compiled);
  } finally {
    compiled.model.dispose();
  }
}

/** UTF-8 bytes of a text file of an export. */
export function textFile(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

/** The name the student gave the node a TF.js layer was built for, for messages. */
export function layerOwnerName(
  document: GraphDocument,
  compiled: CompiledGraph,
  layerName: string,
): string {
  const nodeId = [...compiled.layersByNode].find(([, names]) => names.includes(layerName))?.[0];
  const node = document.nodes.find((candidate) => candidate.id === nodeId);
  return node ? nodeDisplayName(node) : layerName;
}
