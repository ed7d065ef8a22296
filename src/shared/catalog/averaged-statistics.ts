import type { TensorInfo } from '../shapes/shape';
import type { LayerKind, NodeParams, WeightTensor } from './types';

/**
 * Whether weights include some kept by averaging rather than learnt (batch normalization's
 * moving mean and variance): a frozen layer keeps those as they are too, and normalizes with
 * them while training, as Keras does with trainable=False.
 */
export function holdsAveragedStatistics(weights: readonly WeightTensor[]): boolean {
  return weights.some((tensor) => !tensor.trainable);
}

/** Whether a node of this kind, with these settings and inputs, keeps averaged statistics. */
export function keepsAveragedStatistics(
  kind: LayerKind,
  params: NodeParams,
  inputs: readonly TensorInfo[],
): boolean {
  return holdsAveragedStatistics(kind.weights?.tensors(params, inputs) ?? []);
}
