import { HARD_TANH_LAYER_CLASS, STEP_LAYER_CLASS } from '../../../shared/catalog/activations';
import { EMBEDDED_NETWORK_KEY } from '../../../shared/export/embedded-network';
import type { GraphDocument } from '../../../shared/graph/document';
import type { CompiledGraph } from '../compiler/compile-graph';
import { tf } from '../tf';
import { ExportError } from './export-error';
import type { ExportFiles, ExportNetwork } from './export-network';
import { layerOwnerName, textFile, withCompiledNetwork } from './export-network';
import type { Exporter } from './exporter';

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
export const tfjsExporter: Exporter = {
  write: (network) =>
    withCompiledNetwork(network, (compiled) => layersModelFiles(network, compiled)),
  howToLoad: (out) =>
    `Load it with tf.loadLayersModel('file://${out.replace(/\\/g, '/')}/model.json') in Node, or from a web address in a browser.`,
};

async function layersModelFiles(
  network: ExportNetwork,
  compiled: CompiledGraph,
): Promise<ExportFiles> {
  refuseNeuriteLayers(network.document, compiled);
  let files: ExportFiles | undefined;
  await compiled.model.save(
    tf.io.withSaveHandler((artifacts) => {
      const modelJson = {
        format: 'layers-model',
        generatedBy: `TensorFlow.js tfjs-layers v${tf.version_layers} (Neurite)`,
        convertedBy: null,
        modelTopology: artifacts.modelTopology,
        weightsManifest: [{ paths: ['weights.bin'], weights: artifacts.weightSpecs ?? [] }],
        // What the layers cannot say (the Outputs' task and loss, labels, places), so that
        // importing this export into Neurite gives the same network back.
        userDefinedMetadata: { [EMBEDDED_NETWORK_KEY]: { network: network.document } },
      };
      const data = artifacts.weightData
        ? new Uint8Array(tf.io.CompositeArrayBuffer.join(artifacts.weightData))
        : new Uint8Array(0);
      files = new Map([
        ['model.json', textFile(`${JSON.stringify(modelJson, null, 1)}\n`)],
        ['weights.bin', data],
      ]);
      return Promise.resolve({
        modelArtifactsInfo: { dateSaved: new Date(0), modelTopologyType: 'JSON' as const },
      });
    }),
  );
  return files!;
}

function refuseNeuriteLayers(document: GraphDocument, compiled: CompiledGraph): void {
  for (const layer of compiled.model.layers) {
    const own = NEURITE_LAYERS[layer.getClassName()];
    if (!own) continue;
    throw new ExportError(
      'unsupported',
      `${layerOwnerName(document, compiled, layer.name)} uses ${own.what}, which TensorFlow.js does not have, so other programs could not load the model. Choose the activation ${own.instead} (the nearest standard one) for it and train again.`,
    );
  }
}
