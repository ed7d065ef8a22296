import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { tf } from '../tf';
import * as loops from './gradient-loops';
import { replaceKernel } from './replace-kernel';

/**
 * Average pooling's gradient (AvgPoolGrad) on wasm. The backend's own kernel is right but a
 * general scalar loop; for the commonest pooling, 2×2 windows at stride 2 that tile the image
 * (LeNet-5's), every input simply gets a quarter of its window's gradient, which a plain loop
 * writes several times faster. Every other geometry goes to the backend's own kernel.
 */

let original: tf.KernelConfig | undefined;

interface AvgPoolGradArgs {
  inputs: { dy: tf.TensorInfo; input: tf.TensorInfo };
  backend: BackendWasm;
  attrs: {
    filterSize: [number, number] | number;
    strides: [number, number] | number;
    pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
    dimRoundingMode?: 'floor' | 'round' | 'ceil';
  };
}

function avgPoolGrad(args: AvgPoolGradArgs): tf.TensorInfo {
  const { inputs, backend, attrs } = args;
  const { dy, input } = inputs;
  const info = tf.backend_util.computePool2DInfo(
    input.shape as [number, number, number, number],
    attrs.filterSize,
    attrs.strides,
    1,
    attrs.pad,
    attrs.dimRoundingMode,
  );
  const tiles =
    info.filterHeight === 2 &&
    info.filterWidth === 2 &&
    info.strideHeight === 2 &&
    info.strideWidth === 2 &&
    info.padInfo.top === 0 &&
    info.padInfo.left === 0 &&
    info.inHeight === 2 * info.outHeight &&
    info.inWidth === 2 * info.outWidth &&
    dy.dtype === 'float32';
  if (!tiles) {
    return (original!.kernelFunc as unknown as (a: AvgPoolGradArgs) => tf.TensorInfo)(args);
  }
  const dx = backend.makeOutput(input.shape, 'float32');
  // Heap views only after makeOutput: allocating may grow (and detach) the wasm memory.
  loops.avgPoolGrad2x2(
    backend.typedArrayFromHeap(dy) as Float32Array,
    backend.typedArrayFromHeap(dx) as Float32Array,
    {
      ...info,
      channels: info.inChannels,
      batch: info.batchSize,
      padTop: 0,
      padLeft: 0,
    },
  );
  return dx;
}

const kernelFunc = avgPoolGrad as unknown as tf.KernelFunc;

/** Routes 2×2 stride-2 average pooling gradients to a fast loop; safe to call more than once. */
export function registerFastWasmAvgPoolGrad(): void {
  const current = tf.getKernelsForBackend('wasm').find((k) => k.kernelName === 'AvgPoolGrad');
  if (!current || current.kernelFunc === kernelFunc) return;
  original = current;
  replaceKernel('AvgPoolGrad', 'wasm', kernelFunc, current.setupFunc);
}
