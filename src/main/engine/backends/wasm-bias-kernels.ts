import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { tf } from '../tf';
import { replaceKernel } from './replace-kernel';
import { runSimdCyclic } from './wasm-simd-loops';

/**
 * A convolution's bias, on the wasm backend: adding it ([batch, h, w, C] + [C]) and its
 * gradient (the sum over every axis but the channels). TF.js' wasm Add takes a generic
 * broadcasting path ten times slower than adding two tensors of one shape, and its Sum first
 * transposes the whole tensor to put the summed axes last; together about 0.9 ms of a 9 ms
 * step of a small MNIST CNN. Both run here as one SIMD pass (wasm-simd-loops.ts), the add for
 * any number of channels and the sum when the channels come in fours, with the same float32
 * operations in the same order (each channel summed row after row from zero, as TF.js' Sum
 * does), so the numbers do not change. Other shapes go to TF.js' kernels.
 */

interface BinaryArgs {
  inputs: { a: tf.TensorInfo; b: tf.TensorInfo };
  backend: BackendWasm;
  attrs: Record<string, unknown>;
}

interface SumArgs {
  inputs: { x: tf.TensorInfo };
  backend: BackendWasm;
  attrs: { axis: number | number[]; keepDims: boolean };
}

const originals = new Map<string, tf.KernelConfig>();

function offsetOf(backend: BackendWasm, info: tf.TensorInfo): number {
  const map = (backend as unknown as { dataIdMap: { get(id: object): { memoryOffset: number } } })
    .dataIdMap;
  return map.get(info.dataId).memoryOffset;
}

/** Channels of a bias that `bias` is for `x`: [C] or [1, …, 1, C] with x's last axis C. */
function biasChannels(x: tf.TensorInfo, bias: tf.TensorInfo): number | undefined {
  const channels = x.shape[x.shape.length - 1];
  if (channels === undefined || bias.shape.length > x.shape.length) return undefined;
  if (bias.shape[bias.shape.length - 1] !== channels) return undefined;
  if (bias.shape.slice(0, -1).some((d) => d !== 1)) return undefined;
  return channels;
}

function add(args: BinaryArgs): tf.TensorInfo {
  const { inputs, backend } = args;
  const { a, b } = inputs;
  if (a.dtype === 'float32' && b.dtype === 'float32') {
    // Whichever is the bias (a + b and b + a are the same float32 sum).
    for (const [x, bias] of [
      [a, b],
      [b, a],
    ] as const) {
      const channels = biasChannels(x, bias);
      const size = tf.util.sizeFromShape(x.shape);
      if (channels === undefined || size === 0 || size === channels) continue;
      const out = addBias(backend, x, bias, channels, size);
      if (out) return out;
      break;
    }
  }
  return (originals.get('Add')!.kernelFunc as unknown as (args: BinaryArgs) => tf.TensorInfo)(args);
}

function heapFloats(backend: BackendWasm, info: tf.TensorInfo, size: number): Float32Array {
  const heap = (backend.wasm as unknown as { HEAPU8: Uint8Array }).HEAPU8;
  return new Float32Array(heap.buffer, offsetOf(backend, info), size);
}

/**
 * x + bias along x's last axis. SIMD reads the bias four channels at a time, so a bias whose
 * channels are not a multiple of four (LeNet-5's 6) is first repeated up to a length that is
 * (12 for 6); the few numbers past the last whole repeat are added in JavaScript.
 */
function addBias(
  backend: BackendWasm,
  x: tf.TensorInfo,
  bias: tf.TensorInfo,
  channels: number,
  size: number,
): tf.TensorInfo | undefined {
  const period = channels % 4 === 0 ? channels : channels * (channels % 2 === 0 ? 2 : 4);
  const out = backend.makeOutput(x.shape, 'float32');
  const repeated = period === channels ? bias : backend.makeOutput([period], 'float32');
  // Views only after every allocation: a growing heap replaces its buffer.
  const biasValues = heapFloats(backend, bias, channels);
  if (repeated !== bias) {
    const values = heapFloats(backend, repeated, period);
    for (let i = 0; i < period; i++) values[i] = biasValues[i % channels]!;
  }
  const whole = size - (size % period);
  const offsets = [offsetOf(backend, x), offsetOf(backend, out), offsetOf(backend, repeated)];
  const done = whole > 0 && runSimdCyclic(backend, 'biasAdd', offsets, whole, period);
  if (repeated !== bias) backend.disposeData(repeated.dataId);
  if (!done) {
    backend.disposeData(out.dataId);
    return undefined;
  }
  const xValues = heapFloats(backend, x, size);
  const outValues = heapFloats(backend, out, size);
  for (let i = whole; i < size; i++) outValues[i] = xValues[i]! + biasValues[i % channels]!;
  return out;
}

function sum(args: SumArgs): tf.TensorInfo {
  const { inputs, backend, attrs } = args;
  const { x } = inputs;
  const rank = x.shape.length;
  const channels = x.shape[rank - 1] ?? 0;
  const size = tf.util.sizeFromShape(x.shape);
  // In this order only: TF.js sums in the order of the axes it is given (it transposes them
  // last in that order), and [0, 1, …] is the order of the rows in memory.
  const axes = tf.util.parseAxisParam(attrs.axis, x.shape);
  const allButLast = rank >= 2 && axes.length === rank - 1 && axes.every((axis, i) => axis === i);
  if (x.dtype === 'float32' && allButLast && channels % 4 === 0 && size > 0) {
    const shape = attrs.keepDims ? [...Array<number>(rank - 1).fill(1), channels] : [channels];
    const out = backend.makeOutput(shape, 'float32');
    const heap = (backend.wasm as unknown as { HEAPU8: Uint8Array }).HEAPU8;
    new Float32Array(heap.buffer, offsetOf(backend, out), channels).fill(0);
    const offsets = [offsetOf(backend, x), offsetOf(backend, out)];
    if (runSimdCyclic(backend, 'sumRows', offsets, size, channels)) return out;
    backend.disposeData(out.dataId);
  }
  return (originals.get('Sum')!.kernelFunc as unknown as (args: SumArgs) => tf.TensorInfo)(args);
}

const KERNELS: Record<string, tf.KernelFunc> = {
  Add: add as unknown as tf.KernelFunc,
  Sum: sum as unknown as tf.KernelFunc,
};

/** Routes bias additions and bias gradients to the SIMD loops; safe to call more than once. */
export function registerFastWasmBiasKernels(): void {
  for (const [name, kernelFunc] of Object.entries(KERNELS)) {
    const current = tf.getKernelsForBackend('wasm').find((k) => k.kernelName === name);
    if (!current || current.kernelFunc === kernelFunc) continue;
    originals.set(name, current);
    // The original's setup (binding its C++ function) must still run when the backend starts.
    replaceKernel(name, 'wasm', kernelFunc, current.setupFunc);
  }
}
