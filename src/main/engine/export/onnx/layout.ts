import type { OnnxTensor } from './layer-conversion';
import type { OnnxGraph } from './onnx-graph';

/*
 * Neurite's tensors are channels-last, as TF.js computes them: (batch, height, width,
 * channels). ONNX's convolution, pooling and normalization operators want channels first. The
 * exported model keeps Neurite's layout at its inputs and outputs (a student feeds it what
 * neurite predict reads) and turns around each operator that needs it.
 */

/** (batch, …, channels) → (batch, channels, …); a rank-2 tensor is already both. */
export function toChannelsFirst(graph: OnnxGraph, input: OnnxTensor, prefix: string): string {
  const rank = input.shape.length;
  if (rank <= 2) return input.name;
  const perm = [0, rank - 1, ...Array.from({ length: rank - 2 }, (_, i) => i + 1)];
  return graph.op('Transpose', [input.name], `${prefix}/to_channels_first`, { perm });
}

/** (batch, channels, …) → (batch, …, channels). */
export function fromChannelsFirst(
  graph: OnnxGraph,
  x: string,
  rank: number,
  prefix: string,
): string {
  if (rank <= 2) return x;
  const perm = [0, ...Array.from({ length: rank - 2 }, (_, i) => i + 2), 1];
  return graph.op('Transpose', [x], `${prefix}/to_channels_last`, { perm });
}
