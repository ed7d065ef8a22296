import type { CompiledGraph } from '../../compiler/compile-graph';
import type { tf } from '../../tf';
import { ExportError } from '../export-error';
import type { ExportFiles, ExportNetwork } from '../export-network';
import { layerOwnerName, withCompiledNetwork } from '../export-network';
import type { Exporter } from '../exporter';
import { CORE_CONVERTERS } from './core-layers';
import type { LayerConverter, LayerWeight, OnnxTensor } from './layer-conversion';
import type { GraphValue } from './onnx-graph';
import { OnnxGraph } from './onnx-graph';
import { OPSET_VERSION } from './onnx-schema';
import { RECURRENT_CONVERTERS } from './recurrent-layers';
import { SPATIAL_CONVERTERS } from './spatial-layers';

const CONVERTERS: Readonly<Record<string, LayerConverter>> = {
  ...CORE_CONVERTERS,
  ...SPATIAL_CONVERTERS,
  ...RECURRENT_CONVERTERS,
};

/**
 * The network as one ONNX model (model.onnx, opset 13) that ONNX Runtime and other tools run.
 * Inputs and outputs keep Neurite's names and layout (channels last), so a model is fed
 * exactly what `neurite predict --input` reads; weights are the run's trained ones.
 */
export const onnxExporter: Exporter = {
  singleFile: 'model.onnx',
  write: (network) => withCompiledNetwork(network, (compiled) => onnxFiles(network, compiled)),
  howToLoad: (out) =>
    `Run it with ONNX Runtime, e.g. in Python: onnxruntime.InferenceSession('${out.replace(/\\/g, '/')}'), or open it in Netron to see the graph.`,
};

function onnxFiles(network: ExportNetwork, compiled: CompiledGraph): ExportFiles {
  const graph = new OnnxGraph();
  const tensors = new Map<string, OnnxTensor>();
  const inputs: { layer: string; value: GraphValue }[] = [];
  for (const layer of compiled.model.layers) {
    const outputShape = layer.outputShape as (number | null)[];
    if (layer.getClassName() === 'InputLayer') {
      const name = graph.fresh(layer.name);
      const dtype = (layer.getConfig()['dtype'] ?? 'float32') === 'int32' ? 'int32' : 'float32';
      inputs.push({
        layer: layer.name,
        value: { name, type: dtype, dims: onnxDims(outputShape, name) },
      });
      tensors.set(layer.name, { name, shape: outputShape });
      continue;
    }
    const converter = CONVERTERS[layer.getClassName()];
    const owner = () => layerOwnerName(network.document, compiled, layer.name);
    if (!converter) {
      throw new ExportError(
        'unsupported',
        `${owner()} has no ONNX equivalent (TF.js layer ${layer.getClassName()}). Export it as TensorFlow.js instead.`,
      );
    }
    const sources = inboundLayers(layer).map((source) => tensors.get(source.name)!);
    const output = converter({
      graph,
      layer,
      config: layer.getConfig(),
      inputs: sources,
      outputShape,
      weights: weightsOf(layer),
      prefix: layer.name,
      refuse: (what, instead) => {
        throw new ExportError(
          'unsupported',
          `${owner()} uses ${what}, which ONNX cannot express. Choose ${instead} for it and train again, or export it as TensorFlow.js.`,
        );
      },
    });
    tensors.set(layer.name, { name: output, shape: outputShape });
  }
  const outputs = compiled.model.outputs.map((symbolic, i) => {
    const produced = tensors.get(symbolic.sourceLayer.name)!;
    const name = graph.op('Identity', [produced.name], compiled.outputNodeIds[i]!);
    const type = symbolic.dtype === 'int32' ? 'int32' : 'float32';
    return { name, type, dims: onnxDims(produced.shape, name) } satisfies GraphValue;
  });
  const bytes = graph.encode({
    name: compiled.model.name,
    description: `${network.document.metadata.name}, exported by Neurite (ONNX opset ${OPSET_VERSION}). Inputs and outputs are channels-last, as in Neurite.`,
    // In the network's order of Inputs, as Neurite and the other exports take them.
    inputs: compiled.inputNodeIds.map((id) => inputs.find((input) => input.layer === id)!.value),
    outputs,
  });
  return new Map([['model.onnx', bytes]]);
}

/** The layers feeding a layer, in the order of its inputs (each is applied once). */
function inboundLayers(layer: tf.layers.Layer): tf.layers.Layer[] {
  return layer.inboundNodes[0]!.inboundLayers;
}

/**
 * A layer's weights, each under its own name in TF.js (`kernel`, `recurrent_kernel`, `bias`,
 * `gamma`, …): the last part of the variable's path.
 */
function weightsOf(layer: tf.layers.Layer): LayerWeight[] {
  const values = layer.getWeights();
  return layer.weights.map((variable, i) => ({
    role: variable.originalName.split('/').at(-1)!.replace(/_\d+$/, ''),
    values: values[i]!.dataSync() as Float32Array,
    shape: variable.shape as number[],
  }));
}

/** TF.js dims as ONNX's: the batch and any free size become named dims. */
function onnxDims(shape: readonly (number | null)[], tensor: string): (number | string)[] {
  return shape.map((dim, i) => dim ?? (i === 0 ? 'batch' : `${tensor}_dim${i}`));
}
