import type { LayerWeights, WeightTensor } from '../../../shared/inside/inside-schemas';
import { WEIGHT_BINS, MAX_KERNEL_VALUES } from '../../../shared/inside/inside-schemas';
import { nodeDisplayName } from '../../../shared/graph/document';
import { findKind } from '../../../shared/catalog/registry';
import type { InsideModel } from './inside-model';
import { innerNodes } from './inside-model';

/**
 * The weights of each layer as histograms, after training and (when the run's starting
 * weights can be made again from its seed) before it, on the same bins so the two compare;
 * and the first convolution's kernels, which a student reads as small images.
 */
export function layerWeights(trained: InsideModel, initial?: InsideModel): LayerWeights {
  const layers = innerNodes(trained).flatMap((node) => {
    const tensors = tensorsOf(trained, node.id);
    if (tensors.length === 0) return [];
    const before = initial ? tensorsOf(initial, node.id) : [];
    return [
      {
        nodeId: node.id,
        title: nodeDisplayName(node),
        tensors: tensors.map((tensor) =>
          summarise(
            tensor,
            before.find((b) => b.name === tensor.name && b.values.length === tensor.values.length),
          ),
        ),
      },
    ];
  });
  // The first convolution whose filters are pictures: a kernel of height × width × inputs ×
  // filters (a Conv1D's is a strip, and is left out).
  const firstConvolution = innerNodes(trained).find(
    (node) =>
      findKind(node.kind)?.isConvolution === true &&
      tensorsOf(trained, node.id).some((t) => t.name === 'kernel' && t.shape.length === 4),
  );
  const kernel = firstConvolution
    ? tensorsOf(trained, firstConvolution.id).find((t) => t.name === 'kernel')
    : undefined;
  return {
    layers,
    ...(firstConvolution && kernel && kernel.values.length <= MAX_KERNEL_VALUES
      ? {
          kernels: {
            nodeId: firstConvolution.id,
            title: nodeDisplayName(firstConvolution),
            shape: kernel.shape,
            values: Array.from(kernel.values),
          },
        }
      : {}),
  };
}

interface NamedTensor {
  /** The variable's own name: kernel, bias, recurrent_kernel, gamma… */
  readonly name: string;
  readonly shape: number[];
  readonly values: Float32Array;
}

function tensorsOf(model: InsideModel, nodeId: string): NamedTensor[] {
  const names = model.compiled.layersByNode.get(nodeId) ?? [];
  return names.flatMap((layerName) =>
    model.compiled.model.getLayer(layerName).weights.map((variable) => {
      const value = variable.read();
      const parts = variable.originalName.split('/');
      return {
        name: parts.slice(1).join('/') || parts[0]!,
        shape: value.shape.slice(),
        values: value.dataSync() as Float32Array,
      };
    }),
  );
}

function summarise(tensor: NamedTensor, before?: NamedTensor): WeightTensor {
  let low = Infinity;
  let high = -Infinity;
  for (const list of before ? [tensor.values, before.values] : [tensor.values]) {
    for (const v of list) {
      low = Math.min(low, v);
      high = Math.max(high, v);
    }
  }
  // Weights that (all but) do not differ, such as biases that start at zero and barely move,
  // get one unit of range around them rather than bins narrower than float32 can tell apart.
  if (high - low < 1e-6) {
    // Their centre sits in the middle of a bin (of WEIGHT_BINS, an even number), never on an
    // edge between two.
    const centre = (low + high) / 2;
    low = centre - 0.5 - 0.5 / WEIGHT_BINS;
    high = low + 1;
  }
  const edges = Array.from(
    { length: WEIGHT_BINS + 1 },
    (_, i) => low + ((high - low) * i) / WEIGHT_BINS,
  );
  return {
    name: tensor.name,
    shape: tensor.shape,
    edges,
    after: figures(tensor.values, low, high),
    ...(before ? { before: figures(before.values, low, high) } : {}),
  };
}

function figures(values: Float32Array, low: number, high: number): WeightTensor['after'] {
  const counts = new Array<number>(WEIGHT_BINS).fill(0);
  let sum = 0;
  for (const v of values) {
    sum += v;
    // The last bin holds its upper edge, as numpy.histogram's does.
    counts[Math.min(WEIGHT_BINS - 1, Math.floor(((v - low) / (high - low)) * WEIGHT_BINS))]! += 1;
  }
  const mean = sum / values.length;
  let squares = 0;
  for (const v of values) squares += (v - mean) ** 2;
  return { counts, mean, std: Math.sqrt(squares / values.length) };
}
