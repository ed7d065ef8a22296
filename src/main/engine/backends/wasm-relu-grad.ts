import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { tf } from '../tf';
import { runSimdUpdate } from './wasm-simd-loops';

/**
 * ReLU's gradient on the wasm backend in one SIMD pass. TF.js computes it as
 * mul(dy, cast(step(x), 'float32')): three kernels over the whole feature map, each writing a
 * new tensor (about 0.3 ms of a small MNIST CNN's step for 64×26×26×8). The pass does the same
 * float32 product per number, dy · 1, dy · 0 or dy · NaN, so the gradient does not change.
 *
 * The gradient is registered for every backend (TF.js keeps one gradient per kernel name);
 * anywhere but wasm, and while a gradient of the gradient is being recorded, it is TF.js'
 * own formula.
 */

const KERNEL = 'NeuriteReluGrad';

interface ReluGradArgs {
  inputs: { dy: tf.TensorInfo; x: tf.TensorInfo };
  backend: BackendWasm;
}

function offsetOf(backend: BackendWasm, info: tf.TensorInfo): number {
  const map = (backend as unknown as { dataIdMap: { get(id: object): { memoryOffset: number } } })
    .dataIdMap;
  return map.get(info.dataId).memoryOffset;
}

function reluGrad(args: ReluGradArgs): tf.TensorInfo {
  const { inputs, backend } = args;
  const { dy, x } = inputs;
  const size = tf.util.sizeFromShape(x.shape);
  const out = backend.makeOutput(x.shape, 'float32');
  const offsets = [offsetOf(backend, dy), offsetOf(backend, x), offsetOf(backend, out)];
  const done = runSimdUpdate(backend, 'reluGrad', offsets, size, [1, 0]);
  // The last few numbers (or all, without SIMD), as TF.js' kernels compute them.
  const heap = (backend.wasm as unknown as { HEAPU8: Uint8Array }).HEAPU8.buffer;
  const dyValues = new Float32Array(heap, offsets[0], size);
  const xValues = new Float32Array(heap, offsets[1], size);
  const outValues = new Float32Array(heap, offsets[2], size);
  for (let i = done; i < size; i++) {
    const xi = xValues[i]!;
    outValues[i] = dyValues[i]! * (Number.isNaN(xi) ? NaN : xi > 0 ? 1 : 0);
  }
  return out;
}

function tapeIsRecording(): boolean {
  return (tf.engine() as unknown as { isTapeOn(): boolean }).isTapeOn();
}

/** Registers the fused kernel for wasm and ReLU's gradient that uses it; idempotent. */
export function registerFastWasmReluGrad(): void {
  if (tf.getKernel(KERNEL, 'wasm')) return;
  tf.registerKernel({
    kernelName: KERNEL,
    backendName: 'wasm',
    kernelFunc: reluGrad as unknown as tf.KernelFunc,
  });
  tf.registerGradient({
    kernelName: 'Relu',
    inputsToSave: ['x'],
    gradFunc: (dy, saved) => {
      const gradient = dy as tf.Tensor;
      const [x] = saved;
      return {
        x: () =>
          tf.getBackend() === 'wasm' &&
          gradient.dtype === 'float32' &&
          x!.dtype === 'float32' &&
          tf.util.arraysEqual(gradient.shape, x!.shape) &&
          !tapeIsRecording()
            ? tf.engine().runKernel<tf.Tensor>(KERNEL, { dy: gradient, x: x! })
            : tf.mul(gradient, tf.cast(tf.step(x!), 'float32')),
      };
    },
  });
}
