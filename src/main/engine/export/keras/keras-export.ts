import { kerasModelCode, weightsByLayer } from '../../../../shared/code/keras-code';
import type { NetworkSteps } from '../../../../shared/code/network-steps';
import { networkSteps } from '../../../../shared/code/network-steps';
import type { CompiledGraph } from '../../compiler/compile-graph';
import type { ExportFiles, ExportNetwork } from '../export-network';
import { textFile, withCompiledNetwork } from '../export-network';
import type { Exporter } from '../exporter';
import type { NumpyArray } from './numpy-files';
import { npzFile } from './numpy-files';

const CODE_FILE = 'keras_model.py';
const WEIGHTS_FILE = 'weights.npz';

/**
 * The network as Keras code: keras_model.py builds it with Keras 3 and loads its weights from
 * weights.npz, one array per weight of each layer, keyed `<layer name>/<index>` in the order
 * Keras' set_weights takes (TF.js keeps them in the same order). The same network and weights
 * always give the same bytes.
 */
export const kerasExporter: Exporter = {
  write: (network) => withCompiledNetwork(network, (compiled) => kerasFiles(network, compiled)),
  howToLoad: (out) =>
    `Run python3 ${out.replace(/\\/g, '/')}/${CODE_FILE} with Keras 3 and a backend installed (pip install keras tensorflow): it builds the network and loads its weights.`,
};

async function kerasFiles(network: ExportNetwork, compiled: CompiledGraph): Promise<ExportFiles> {
  // The network compiled, so it has no errors and its steps exist.
  const steps = networkSteps(network.document, compiled.analysis);
  if (!steps.ok) throw new Error('A network that compiled has no errors.');
  return new Map([
    [CODE_FILE, textFile(kerasModelCode(steps, { weightsFile: WEIGHTS_FILE }))],
    [WEIGHTS_FILE, npzFile(await weightArrays(steps, compiled))],
  ]);
}

/**
 * Every weight of the model by its key in weights.npz, read from the TF.js layer it lives in
 * (named by node id) and checked against the layout the code's set_weights calls were written
 * from, so the file and the code cannot disagree.
 */
async function weightArrays(
  steps: NetworkSteps,
  compiled: CompiledGraph,
): Promise<Map<string, NumpyArray>> {
  const arrays = new Map<string, NumpyArray>();
  for (const step of steps.steps) {
    for (const [kerasName, tensors] of weightsByLayer(step)) {
      const suffix = kerasName.slice(step.name.length);
      const layer = compiled.model.getLayer(`${step.nodeId}${suffix}`);
      const weights = layer.weights;
      const sameLayout =
        weights.length === tensors.length &&
        weights.every((w, i) => w.shape.join() === tensors[i]!.shape.join());
      if (!sameLayout) {
        throw new Error(
          `The weights of layer "${layer.name}" are not laid out as the catalog says (${weights.map((w) => `[${w.shape.join(', ')}]`).join(', ')}).`,
        );
      }
      for (const [i, weight] of weights.entries()) {
        const values = weight.read();
        arrays.set(`${kerasName}/${i}`, {
          shape: weight.shape as number[],
          values: new Float32Array(await values.data()),
        });
      }
    }
  }
  return arrays;
}
