import { findKind } from '../../../../shared/catalog/registry';
import type { WeightTensor } from '../../../../shared/catalog/types';
import type { NetworkSteps } from '../../../../shared/code/network-steps';
import type { StateEntry } from '../../../../shared/code/pytorch-network';
import type { GraphDocument } from '../../../../shared/graph/document';
import type { CompiledGraph } from '../../compiler/compile-graph';
import { tfjsWeightName } from '../../compiler/weight-names';
import { permuteAxes } from '../permute-axes';
import type { TorchTensor } from './torch-weights-file';

/**
 * The tensors of weights.pt, taken from the TF.js model with its trained weights and laid out
 * as the generated module's state dict wants them. Each weight is found through the catalog's
 * description of the node's weights (never by guessing TF.js' names), and its shape is
 * checked on the way, so a layout that changes in one place fails here rather than in Python.
 */
export function stateDictTensors(
  entries: readonly StateEntry[],
  network: NetworkSteps,
  document: GraphDocument,
  compiled: CompiledGraph,
): TorchTensor[] {
  const variables = new Map(compiled.model.weights.map((v) => [v.originalName, v]));
  return entries.map((entry) => {
    const source = entry.source;
    if (source.kind === 'count') return { ...entry, data: int64Bytes([0]) };
    const count = entry.shape.reduce((a, b) => a * b, 1);
    if (source.kind === 'zeros') return { ...entry, data: float32Bytes(new Float32Array(count)) };
    const tensor = catalogTensor(network, document, source.nodeId, source.name, source.layerSuffix);
    const name = tfjsWeightName(source.nodeId, tensor);
    const variable = variables.get(name);
    if (!variable || !sameShape(variable.shape, tensor.shape)) {
      throw new Error(
        `The TF.js model has no weight ${name} of shape (${tensor.shape.join(', ')}).`,
      );
    }
    const values = Float32Array.from(variable.read().dataSync() as Float32Array);
    const laid = source.permutation
      ? permuteAxes(values, tensor.shape, source.permutation)
      : { values, shape: [...tensor.shape] };
    if (!sameShape(laid.shape, entry.shape)) {
      throw new Error(
        `${entry.key} should be (${entry.shape.join(', ')}) in PyTorch but ${name} gives (${laid.shape.join(', ')}).`,
      );
    }
    return { ...entry, data: float32Bytes(laid.values) };
  });
}

function catalogTensor(
  network: NetworkSteps,
  document: GraphDocument,
  nodeId: string,
  name: string,
  layerSuffix: string,
): WeightTensor {
  const node = document.nodes.find((candidate) => candidate.id === nodeId);
  const step = network.steps.find((candidate) => candidate.nodeId === nodeId);
  const tensors =
    node && step ? (findKind(node.kind)?.weights?.tensors(node.params, step.inputInfo) ?? []) : [];
  const tensor = tensors.find((t) => t.name === name && t.layerSuffix === layerSuffix);
  if (!tensor) throw new Error(`The catalog describes no weight "${name}" of node ${nodeId}.`);
  return tensor;
}

function sameShape(a: readonly (number | null)[], b: readonly (number | null)[]): boolean {
  return a.length === b.length && a.every((size, i) => size === b[i]);
}

/** Little-endian whatever the machine, as torch.save writes on the machines students have. */
function float32Bytes(values: Float32Array): Uint8Array {
  const bytes = new Uint8Array(values.length * 4);
  const view = new DataView(bytes.buffer);
  values.forEach((value, i) => view.setFloat32(i * 4, value, true));
  return bytes;
}

function int64Bytes(values: readonly number[]): Uint8Array {
  const bytes = new Uint8Array(values.length * 8);
  const view = new DataView(bytes.buffer);
  values.forEach((value, i) => view.setBigInt64(i * 8, BigInt(value), true));
  return bytes;
}
