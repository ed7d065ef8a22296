import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { tf } from '../tf';
import * as loops from './gradient-loops';
import { quietCpuBackend } from './quiet-cpu';
import { replaceKernel } from './replace-kernel';
import {
  conv2dFilterGradOneChannel,
  oneChannelFilterGradFits,
  paddedFilters,
} from './wasm-conv-filter-simd';
import { maxPoolGrad2x2Simd } from './wasm-max-pool-simd';

/**
 * Kernels that training needs and @tensorflow/tfjs-backend-wasm 4.22 lacks or gets wrong.
 * Without the missing ones, backpropagation stops with "Kernel '…' not registered for
 * backend 'wasm'"; with the wrong one, convolutional networks learn from wrong gradients.
 *
 * - Conv2DBackpropFilter (missing): the weight gradient of every Conv2D and Conv1D layer
 *   (TF.js runs a Conv1D as a Conv2D of height 1). Built from the wasm backend's own Conv2D;
 *   a first layer on grey images (one input channel, up to 16 filters) runs in
 *   wasm-conv-filter-simd.ts instead.
 * - UnsortedSegmentSum (missing): the gradient of a gather, so of every Embedding layer. The
 *   cpu backend's version loops once per vocabulary word over the whole gradient (35 s per
 *   step for a 10,000-word vocabulary); this one is a single scatter-add.
 * - MaxPoolGrad (wrong): the wasm kernel sends gradients to the wrong inputs for most pool
 *   sizes and paddings (2×2 "valid" among them). Replaced by a loop matching TensorFlow, with
 *   faster ones for the common 2×2 windows at stride 2 (wasm-max-pool-simd.ts when the
 *   channels come in fours).
 * - DepthwiseConv2dNativeBackpropFilter / …Input (missing): no layer in the catalog uses a
 *   depthwise convolution yet; they run the cpu backend's kernel on copies of the tensors.
 *
 * wasm-matmul.ts speeds up the transposed matrix products of Dense backpropagation.
 * tests/integration/backends checks each against the cpu backend and trains every template.
 */
export const WASM_GRADIENT_KERNELS = [
  'Conv2DBackpropFilter',
  'UnsortedSegmentSum',
  'MaxPoolGrad',
  'DepthwiseConv2dNativeBackpropFilter',
  'DepthwiseConv2dNativeBackpropInput',
] as const;

const KERNEL_FUNCS: Readonly<Record<(typeof WASM_GRADIENT_KERNELS)[number], tf.KernelFunc>> = {
  Conv2DBackpropFilter: conv2dBackpropFilter as unknown as tf.KernelFunc,
  UnsortedSegmentSum: unsortedSegmentSum as unknown as tf.KernelFunc,
  MaxPoolGrad: maxPoolGrad as unknown as tf.KernelFunc,
  DepthwiseConv2dNativeBackpropFilter: onCpu('DepthwiseConv2dNativeBackpropFilter'),
  DepthwiseConv2dNativeBackpropInput: onCpu('DepthwiseConv2dNativeBackpropInput'),
};

/** Registers the kernels above for the 'wasm' backend; safe to call more than once. */
export function registerMissingWasmGradients(): void {
  for (const kernelName of WASM_GRADIENT_KERNELS) {
    replaceKernel(kernelName, 'wasm', KERNEL_FUNCS[kernelName]);
  }
}

interface KernelArgs<Inputs, Attrs> {
  readonly inputs: Inputs;
  readonly backend: BackendWasm;
  readonly attrs: Attrs;
}

/** Runs one of the wasm backend's own kernels on wasm tensors, outside the engine. */
function runWasm(
  backend: BackendWasm,
  kernelName: string,
  inputs: tf.NamedTensorInfoMap,
  attrs: tf.NamedAttrMap,
): tf.TensorInfo {
  return tf.getKernel(kernelName, 'wasm').kernelFunc({ inputs, backend, attrs }) as tf.TensorInfo;
}

interface Conv2DBackpropFilterAttrs {
  strides: [number, number] | number;
  pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
  dataFormat: 'NHWC' | 'NCHW';
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
  filterShape: [number, number, number, number];
}

/**
 * dW[i, j, c, k] = Σ over batch b and output positions (p, q) of
 *   xPadded[b, p·sh + i, q·sw + j, c] · dy[b, p, q, k].
 * That is itself a convolution: of x with its channels as the batch and its batch as the
 * channels ([C, H, W, N]), by dy used as a filter ([oH, oW, N, K]) dilated by the forward
 * stride. Its output [C, ≥fH, ≥fW, K] is cut to the filter size and transposed back.
 */
function conv2dBackpropFilter({
  inputs,
  backend,
  attrs,
}: KernelArgs<{ x: tf.TensorInfo; dy: tf.TensorInfo }, Conv2DBackpropFilterAttrs>): tf.TensorInfo {
  const { x, dy } = inputs;
  const { strides, pad, dataFormat, dimRoundingMode, filterShape } = attrs;
  const info = tf.backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    filterShape,
    strides,
    1,
    pad,
    dimRoundingMode,
    false,
    tf.backend_util.convertConv2DDataFormat(dataFormat),
  );
  if (info.dataFormat !== 'channelsLast') {
    throw new Error(
      `The wasm backend supports only channels-last (NHWC) convolutions, not ${dataFormat}.`,
    );
  }
  const { top, bottom, left, right } = info.padInfo;
  const [filterHeight, filterWidth, inChannels, outChannels] = filterShape;
  if (
    x.dtype === 'float32' &&
    dy.dtype === 'float32' &&
    oneChannelFilterGradFits(backend, inChannels, outChannels, heapFloats(backend, dy))
  ) {
    const padded = paddedFilters(outChannels);
    const sums = backend.makeOutput([filterHeight, filterWidth, 1, padded], 'float32');
    // Heap views only after makeOutput: allocating may grow (and detach) the wasm memory.
    const [xValues, dyValues, sumValues] = [x, dy, sums].map((t) => heapFloats(backend, t));
    conv2dFilterGradOneChannel(backend, xValues!, dyValues!, sumValues!, {
      ...info,
      batch: info.batchSize,
      padTop: top,
      padLeft: left,
    });
    if (padded === outChannels) return sums;
    try {
      return runWasm(
        backend,
        'Slice',
        { x: sums },
        { begin: [0, 0, 0, 0], size: [filterHeight, filterWidth, 1, outChannels] },
      );
    } finally {
      backend.disposeData(sums.dataId);
    }
  }
  const temporaries: tf.TensorInfo[] = [];
  const keep = (t: tf.TensorInfo): tf.TensorInfo => (temporaries.push(t), t);
  try {
    const xT = keep(runWasm(backend, 'Transpose', { x }, { perm: [3, 1, 2, 0] }));
    const dyT = keep(runWasm(backend, 'Transpose', { x: dy }, { perm: [1, 2, 0, 3] }));
    const full = keep(
      runWasm(
        backend,
        'Conv2D',
        { x: xT, filter: dyT },
        {
          strides: [1, 1],
          dilations: [info.strideHeight, info.strideWidth],
          pad: [
            [0, 0],
            [top, bottom],
            [left, right],
            [0, 0],
          ],
          dataFormat: 'NHWC',
        },
      ),
    );
    // With "valid" rows or columns the forward pass never reached, the result is larger.
    const cut =
      full.shape[1] === filterHeight && full.shape[2] === filterWidth
        ? full
        : keep(
            runWasm(
              backend,
              'Slice',
              { x: full },
              { begin: [0, 0, 0, 0], size: [inChannels, filterHeight, filterWidth, outChannels] },
            ),
          );
    return runWasm(backend, 'Transpose', { x: cut }, { perm: [1, 2, 0, 3] });
  } finally {
    for (const t of temporaries) backend.disposeData(t.dataId);
  }
}

function unsortedSegmentSum({
  inputs,
  backend,
  attrs,
}: KernelArgs<
  { x: tf.TensorInfo; segmentIds: tf.TensorInfo },
  { numSegments: number }
>): tf.TensorInfo {
  const { x, segmentIds } = inputs;
  const { numSegments } = attrs;
  const out = backend.makeOutput([numSegments, ...x.shape.slice(segmentIds.shape.length)], x.dtype);
  // Views are taken after makeOutput: allocating may grow (and so detach) the wasm memory.
  const outValues = heapNumbers(backend, out).fill(0);
  loops.unsortedSegmentSum(
    heapNumbers(backend, x),
    heapNumbers(backend, segmentIds),
    outValues,
    numSegments,
  );
  return out;
}

interface MaxPoolGradAttrs {
  filterSize: [number, number] | number;
  strides: [number, number] | number;
  pad: 'valid' | 'same' | number | tf.backend_util.ExplicitPadding;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

function maxPoolGrad({
  inputs,
  backend,
  attrs,
}: KernelArgs<{ dy: tf.TensorInfo; input: tf.TensorInfo }, MaxPoolGradAttrs>): tf.TensorInfo {
  const { dy, input } = inputs;
  const { filterSize, strides, pad, dimRoundingMode } = attrs;
  const info = tf.backend_util.computePool2DInfo(
    input.shape as [number, number, number, number],
    filterSize,
    strides,
    1,
    pad,
    dimRoundingMode,
  );
  const dx = backend.makeOutput(input.shape, 'float32');
  const geometry = {
    ...info,
    channels: info.inChannels,
    batch: info.batchSize,
    padTop: info.padInfo.top,
    padLeft: info.padInfo.left,
  };
  const twoByTwo =
    info.filterHeight === 2 &&
    info.filterWidth === 2 &&
    info.strideHeight === 2 &&
    info.strideWidth === 2 &&
    info.dilationHeight === 1 &&
    info.dilationWidth === 1 &&
    geometry.padTop === 0 &&
    geometry.padLeft === 0;
  const [x, dyValues, dxValues] = [input, dy, dx].map((t) => heapNumbers(backend, t));
  const floats = [x, dyValues, dxValues].every((v) => v instanceof Float32Array);
  if (twoByTwo && floats && info.inChannels % 4 === 0) {
    // Only an odd height or width leaves inputs outside every full window.
    if (info.inHeight % 2 !== 0 || info.inWidth % 2 !== 0) dxValues!.fill(0);
    const [xFloats, dyFloats, dxFloats] = [x, dyValues, dxValues] as Float32Array[];
    if (maxPoolGrad2x2Simd(backend, xFloats!, dyFloats!, dxFloats!, geometry)) {
      loops.maxPoolGrad2x2CutWindows(x!, dyValues!, dxValues!, geometry);
      return dx;
    }
  }
  if (twoByTwo) loops.maxPoolGrad2x2(x!, dyValues!, dxValues!, geometry);
  else loops.maxPoolGrad(x!, dyValues!, dxValues!.fill(0), geometry);
  return dx;
}

function heapFloats(backend: BackendWasm, t: tf.TensorInfo): Float32Array {
  return backend.typedArrayFromHeap(t) as Float32Array;
}

function heapNumbers(backend: BackendWasm, t: tf.TensorInfo): Float32Array | Int32Array {
  if (t.dtype !== 'float32' && t.dtype !== 'int32') {
    throw new Error(`This wasm gradient kernel supports float32 and int32, not ${t.dtype}.`);
  }
  return backend.typedArrayFromHeap(t) as Float32Array | Int32Array;
}

/**
 * A kernel that copies its wasm inputs to the cpu backend, runs the cpu backend's kernel
 * there and copies the result back. Slow for big tensors, but exactly the cpu result.
 */
function onCpu(kernelName: string): tf.KernelFunc {
  return ({ inputs, backend, attrs }) => {
    const wasm = backend as BackendWasm;
    const cpu = quietCpuBackend();
    const cpuInputs: tf.NamedTensorInfoMap = {};
    try {
      for (const [name, t] of Object.entries(inputs)) {
        if (!t) continue;
        const values = wasm.readSync(t.dataId);
        cpuInputs[name] = {
          dataId: cpu.write(values, t.shape, t.dtype),
          shape: t.shape,
          dtype: t.dtype,
        };
      }
      const result = tf.getKernel(kernelName, 'cpu').kernelFunc({
        inputs: cpuInputs,
        backend: cpu,
        attrs,
      });
      const outputs = Array.isArray(result) ? result : [result];
      const copies = outputs.map((o) => {
        const values = cpu.readSync(o.dataId) as tf.TypedArray;
        cpu.disposeData(o.dataId);
        return wasm.makeOutput(o.shape, o.dtype, undefined, values);
      });
      return Array.isArray(result) ? copies : copies[0]!;
    } finally {
      for (const t of Object.values(cpuInputs)) if (t) cpu.disposeData(t.dataId);
    }
  };
}
