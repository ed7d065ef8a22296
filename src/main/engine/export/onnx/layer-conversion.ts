import type { tf } from '../../tf';
import type { OnnxGraph } from './onnx-graph';

/** A tensor of the ONNX graph as a layer receives it: its name and TF.js shape (batch first). */
export interface OnnxTensor {
  readonly name: string;
  readonly shape: readonly (number | null)[];
}

/** A layer's weight, read once from TF.js. */
export interface LayerWeight {
  /** The weight's own name in TF.js (`kernel`, `recurrent_kernel`, `gamma`, …). */
  readonly role: string;
  readonly values: Float32Array;
  readonly shape: readonly number[];
}

/** Everything a converter needs to write one TF.js layer as ONNX operators. */
export interface LayerConversion {
  readonly graph: OnnxGraph;
  readonly layer: tf.layers.Layer;
  /** `layer.getConfig()`: TF.js' camelCase settings, defaults filled in. */
  readonly config: Readonly<Record<string, unknown>>;
  readonly inputs: readonly OnnxTensor[];
  /** The shape of the layer's output, batch first. */
  readonly outputShape: readonly (number | null)[];
  readonly weights: readonly LayerWeight[];
  /** The layer's name: the prefix of every tensor it adds. */
  readonly prefix: string;
  /** Stops the export: the format cannot hold this layer (`what` completes "… uses"). */
  refuse(what: string, instead: string): never;
}

/** Writes one layer; returns the name of its output tensor. */
export type LayerConverter = (conversion: LayerConversion) => string;

/** The weight of a role, which the layer must have. */
export function weightOf(conversion: LayerConversion, role: string): LayerWeight {
  const found = conversion.weights.find((weight) => weight.role === role);
  if (!found) throw new Error(`Layer ${conversion.prefix} has no weight "${role}".`);
  return found;
}

/** The weight of a role, or undefined when the layer has none (no bias, no scale). */
export function optionalWeightOf(
  conversion: LayerConversion,
  role: string,
): LayerWeight | undefined {
  return conversion.weights.find((weight) => weight.role === role);
}

/** A layer's one input (layers of one input only). */
export function onlyInput(conversion: LayerConversion): OnnxTensor {
  return conversion.inputs[0]!;
}
