import { GRAPH_FORMAT, GRAPH_FORMAT_VERSION } from '../../shared/graph/document';
import type { GraphDocument } from '../../shared/graph/document';
import { parseGraphDocument } from '../../shared/graph/parse';
import { embeddedNetwork, reconcile } from './embedded-network';
import { ModelImportError } from './import-error';
import type { ModelFile, WeightSpec } from './model-files';
import { readModelFiles } from './model-files';
import { networkFromLayers } from './network-from-layers';
import { placeNodes } from './place-nodes';
import { readTopology } from './topology';

/** A saved TF.js layers model made into a Neurite network, with the weights it learnt. */
export interface ImportedModel {
  /** The network, parsed as any network file is (defaults filled in). */
  readonly document: GraphDocument;
  /**
   * The learnt weights: the manifest under the names Neurite's network gives them (the node
   * id, then the weight: `hidden/kernel`) and the bytes, as weights.bin holds them.
   */
  readonly weights: { readonly specs: readonly WeightSpec[]; readonly data: Uint8Array };
  /** What the student should check: guesses and settings left out on the way. */
  readonly notes: readonly string[];
}

/**
 * Imports a TF.js layers model (model.json and its weights files, or a zip of them) as a
 * network. Pure: reads the files it is given and writes nothing. Refuses with a
 * ModelImportError whose sentence names what Neurite cannot read and what to do.
 */
export function importLayersModel(files: readonly ModelFile[], fileName: string): ImportedModel {
  const model = readModelFiles(files);
  const topology = readTopology(model.modelJson['modelTopology']);
  const layers = networkFromLayers(
    topology,
    model.specs.map((spec) => spec.name),
  );
  const kept = embeddedNetwork(model.modelJson);
  const network = reconcile(layers, kept);
  const placed =
    kept && network.nodes.every((node) => kept.nodes.some((k) => k.id === node.id))
      ? network.nodes
      : placeNodes(network.nodes, network.edges);
  const notes = [...layers.notes, ...network.guesses];
  const parsed = parseGraphDocument({
    format: GRAPH_FORMAT,
    version: GRAPH_FORMAT_VERSION,
    metadata: {
      name: kept?.metadata.name ?? networkName(topology.name, fileName),
      description: kept?.metadata.description ?? describeImport(fileName, notes),
    },
    nodes: placed,
    edges: network.edges,
  });
  if (!parsed.ok) {
    throw new ModelImportError(
      'unsupported',
      `The model could not be made into a Neurite network: ${parsed.problems[0]!.message}`,
    );
  }
  return {
    document: parsed.document,
    weights: renamed(model.specs, layers.renames, model.data),
    notes,
  };
}

function renamed(
  specs: readonly WeightSpec[],
  renames: ReadonlyMap<string, string>,
  data: Uint8Array,
): ImportedModel['weights'] {
  const named = specs.map((spec) => ({ ...spec, name: renames.get(spec.name) ?? spec.name }));
  const seen = new Set<string>();
  for (const spec of named) {
    if (seen.has(spec.name)) {
      throw new ModelImportError(
        'invalid-input',
        `The model has two weights that both belong to "${spec.name}", so Neurite cannot tell which is which. Save the model again and import it again.`,
      );
    }
    seen.add(spec.name);
  }
  return { specs: named, data };
}

/** The model's own name, unless TF.js or Keras made it up; then the file's. */
function networkName(modelName: string, fileName: string): string {
  const generic = /^(sequential|model|functional)(_\d+)?$/i.test(modelName.trim());
  const fromFile = fileName.replace(/\.(zip|json)$/i, '').trim();
  const name = !generic && modelName.trim() ? modelName.trim() : fromFile;
  return (name && name.toLowerCase() !== 'model' ? name : 'Imported model').slice(0, 200);
}

/** The network's description: where it came from and what to check. */
function describeImport(fileName: string, notes: readonly string[]): string {
  const origin = `Imported from “${fileName}”, a TensorFlow.js layers model, with the weights it had learnt; training starts from them.`;
  if (notes.length === 0) return origin;
  return `${origin}\n\nTo check:\n${notes.map((note) => `- ${note}`).join('\n')}`.slice(0, 20_000);
}
