import { HARD_TANH_LAYER_CLASS, STEP_LAYER_CLASS } from '../../../shared/catalog/activations';
import type { GraphDocument } from '../../../shared/graph/document';
import { nodeDisplayName } from '../../../shared/graph/document';
import { compileGraph } from '../compiler/compile-graph';
import type { CompiledGraph } from '../compiler/compile-graph';
import type { SavedWeights } from '../inside/inside-model';
import { INITIAL_WEIGHTS_SEED, loadWeights } from '../inside/inside-model';
import { tf } from '../tf';
import { ExportError } from './export-error';

/** An export: its files by name, in the order they are listed to the user. */
export type ExportFiles = ReadonlyMap<string, Uint8Array>;

/**
 * Neurite's own layers, which a plain TF.js cannot load, and the nearest standard activation a
 * student can choose instead.
 */
const NEURITE_LAYERS: Readonly<
  Record<string, { readonly what: string; readonly instead: string }>
> = {
  [STEP_LAYER_CLASS]: { what: 'the binary step', instead: 'sigmoid' },
  [HARD_TANH_LAYER_CLASS]: { what: 'hard tanh', instead: 'tanh' },
};

/**
 * The network as a TensorFlow.js layers model (model.json and weights.bin), the files
 * tf.loadLayersModel reads in Node and in a browser. Layers are named by the network's node
 * ids. A layer only Neurite has stops the export with its name and the standard activation to
 * use instead. The same network and weights always give the same bytes.
 */
export async function tfjsExport(
  document: GraphDocument,
  weights: SavedWeights | undefined,
): Promise<ExportFiles> {
  const compiled = compileGraph(document, { seed: INITIAL_WEIGHTS_SEED });
  try {
    if (weights) loadWeights(compiled, weights);
    refuseNeuriteLayers(document, compiled);
    let files: ExportFiles | undefined;
    await compiled.model.save(
      tf.io.withSaveHandler((artifacts) => {
        const modelJson = {
          format: 'layers-model',
          generatedBy: `TensorFlow.js tfjs-layers v${tf.version_layers} (Neurite)`,
          convertedBy: null,
          modelTopology: artifacts.modelTopology,
          weightsManifest: [{ paths: ['weights.bin'], weights: artifacts.weightSpecs ?? [] }],
        };
        const data = artifacts.weightData
          ? new Uint8Array(tf.io.CompositeArrayBuffer.join(artifacts.weightData))
          : new Uint8Array(0);
        files = new Map([
          ['model.json', new TextEncoder().encode(`${JSON.stringify(modelJson, null, 1)}\n`)],
          ['weights.bin', data],
        ]);
        return Promise.resolve({
          modelArtifactsInfo: { dateSaved: new Date(0), modelTopologyType: 'JSON' as const },
        });
      }),
    );
    return files!;
  } finally {
    compiled.model.dispose();
  }
}

function refuseNeuriteLayers(document: GraphDocument, compiled: CompiledGraph): void {
  for (const layer of compiled.model.layers) {
    const own = NEURITE_LAYERS[layer.getClassName()];
    if (!own) continue;
    const nodeId = [...compiled.layersByNode].find(([, names]) => names.includes(layer.name))?.[0];
    const node = document.nodes.find((candidate) => candidate.id === nodeId);
    const name = node ? nodeDisplayName(node) : layer.name;
    throw new ExportError(
      'unsupported',
      `${name} uses ${own.what}, which TensorFlow.js does not have, so other programs could not load the model. Choose the activation ${own.instead} (the nearest standard one) for it and train again.`,
    );
  }
}
