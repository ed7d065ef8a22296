import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { tf } from '../tf';
import * as loops from './gradient-loops';
import { replaceKernel } from './replace-kernel';

/**
 * The input gradient of a convolution (Conv2DBackpropInput, needed by every Conv2D and Conv1D
 * layer after the first, and by the saliency maps of any convolutional network). The wasm
 * backend's own kernel is a scalar C++ loop; this one is the same arithmetic as a convolution
 * by XNNPACK (SIMD), about 6–8 times faster:
 *
 *   dx = Conv2D(dy spread apart by the stride and padded, the filter turned 180° with its in
 *        and out channels swapped), stride 1
 *
 * (for a one-channel input, a depthwise convolution summed over its channels).
 *
 * Each dy value reaches exactly the inputs the forward pass read it from, so the result equals
 * the cpu backend's up to float rounding (tests/integration/backends checks it).
 */

let original: tf.KernelConfig | undefined;

interface Conv2DBackpropInputArgs {
  inputs: { dy: tf.TensorInfo; filter: tf.TensorInfo };
  backend: BackendWasm;
  attrs: {
    strides: [number, number] | number;
    pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
    dataFormat: 'NHWC' | 'NCHW';
    dimRoundingMode?: 'floor' | 'round' | 'ceil';
    inputShape: [number, number, number, number];
  };
}

function conv2dBackpropInput(args: Conv2DBackpropInputArgs): tf.TensorInfo {
  const { inputs, backend, attrs } = args;
  const { dy, filter } = inputs;
  const info = tf.backend_util.computeConv2DInfo(
    attrs.inputShape,
    filter.shape as [number, number, number, number],
    attrs.strides,
    1,
    attrs.pad,
    attrs.dimRoundingMode,
    false,
    tf.backend_util.convertConv2DDataFormat(attrs.dataFormat),
  );
  const { filterHeight, filterWidth, inChannels, outChannels, strideHeight, strideWidth } = info;
  const { batchSize, inHeight, inWidth, outHeight, outWidth } = info;
  const spreadHeight = (outHeight - 1) * strideHeight + 1;
  const spreadWidth = (outWidth - 1) * strideWidth + 1;
  // Padding of the spread dy so that the stride-1 convolution gives exactly inHeight × inWidth.
  const top = filterHeight - 1 - info.padInfo.top;
  const left = filterWidth - 1 - info.padInfo.left;
  const bottom = inHeight + filterHeight - 1 - spreadHeight - top;
  const right = inWidth + filterWidth - 1 - spreadWidth - left;
  if (
    info.dataFormat !== 'channelsLast' ||
    dy.dtype !== 'float32' ||
    filter.dtype !== 'float32' ||
    Math.min(top, left, bottom, right) < 0 ||
    tf.util.sizeFromShape(dy.shape) === 0
  ) {
    // Paddings wider than the filter (possible only with explicit padding) and NCHW: the
    // original kernel handles them.
    return (original!.kernelFunc as unknown as (a: Conv2DBackpropInputArgs) => tf.TensorInfo)(args);
  }
  const temporaries: tf.TensorInfo[] = [];
  try {
    const rotated = backend.makeOutput(
      [filterHeight, filterWidth, outChannels, inChannels],
      'float32',
    );
    temporaries.push(rotated);
    let spread = dy;
    if (strideHeight > 1 || strideWidth > 1) {
      spread = backend.makeOutput([batchSize, spreadHeight, spreadWidth, outChannels], 'float32');
      temporaries.push(spread);
    }
    // Heap views only after every makeOutput: allocating may grow (and detach) the wasm memory.
    loops.rotateFilterForInputGradient(
      heapFloats(backend, filter),
      heapFloats(backend, rotated),
      filterHeight,
      filterWidth,
      inChannels,
      outChannels,
    );
    if (spread !== dy) {
      loops.spreadByStride(
        heapFloats(backend, dy),
        heapFloats(backend, spread).fill(0),
        batchSize,
        outHeight,
        outWidth,
        outChannels,
        strideHeight,
        strideWidth,
      );
    }
    const geometry = {
      strides: [1, 1],
      dilations: [1, 1],
      pad: [
        [0, 0],
        [top, bottom],
        [left, right],
        [0, 0],
      ],
    };
    if (inChannels > 1) {
      return runWasm(
        backend,
        'Conv2D',
        { x: spread, filter: rotated },
        {
          ...geometry,
          dataFormat: 'NHWC',
        },
      );
    }
    // One input channel (a first layer on grey images): XNNPACK would compute eight output
    // channels to keep one. The rotated filter [fH, fW, K, 1] is also a depthwise filter;
    // a depthwise convolution of each dy channel, summed over the channels, is the same sum
    // at about twice the speed.
    const perChannel = runWasm(
      backend,
      'DepthwiseConv2dNative',
      { x: spread, filter: rotated },
      geometry,
    );
    temporaries.push(perChannel);
    return runWasm(backend, 'Sum', { x: perChannel }, { axis: [3], keepDims: true });
  } finally {
    for (const t of temporaries) backend.disposeData(t.dataId);
  }
}

function runWasm(
  backend: BackendWasm,
  kernelName: string,
  inputs: tf.NamedTensorInfoMap,
  attrs: object,
): tf.TensorInfo {
  return tf.getKernel(kernelName, 'wasm').kernelFunc({
    inputs,
    backend,
    attrs: attrs as tf.NamedAttrMap,
  }) as tf.TensorInfo;
}

function heapFloats(backend: BackendWasm, t: tf.TensorInfo): Float32Array {
  return backend.typedArrayFromHeap(t) as Float32Array;
}

const kernelFunc = conv2dBackpropInput as unknown as tf.KernelFunc;

/** Routes convolution input gradients to XNNPACK; safe to call more than once. */
export function registerFastWasmConv2DBackpropInput(): void {
  const current = tf
    .getKernelsForBackend('wasm')
    .find((k) => k.kernelName === 'Conv2DBackpropInput');
  if (!current || current.kernelFunc === kernelFunc) return;
  original = current;
  // The original's setup (binding its C++ function) must still run: odd cases go to it.
  replaceKernel('Conv2DBackpropInput', 'wasm', kernelFunc, current.setupFunc);
}
