import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { tf } from '../tf';
import { replaceKernel } from './replace-kernel';

/**
 * The wasm backend multiplies matrices with XNNPACK (SIMD) only when neither operand is
 * transposed; with transposeA or transposeB it falls back to a plain scalar loop about ten
 * times slower. Backpropagation through every Dense layer asks for exactly those: ∂W = xᵀ·δ
 * and ∂x = δ·Wᵀ. Transposing the operand first (a fast copy) and multiplying with XNNPACK
 * made an MLP training step about three times faster (see BENCHMARKS.md).
 */

let original: tf.KernelConfig | undefined;

interface MatMulArgs {
  inputs: { a: tf.TensorInfo; b: tf.TensorInfo };
  backend: BackendWasm;
  attrs: { transposeA: boolean; transposeB: boolean };
}

function batchMatMul(args: MatMulArgs): tf.TensorInfo {
  const { inputs, backend, attrs } = args;
  const { a, b } = inputs;
  const kernel = original!.kernelFunc as unknown as (args: MatMulArgs) => tf.TensorInfo;
  const single = (t: tf.TensorInfo) => tf.util.sizeFromShape(t.shape.slice(0, -2)) === 1;
  if (
    (!attrs.transposeA && !attrs.transposeB) ||
    !single(a) ||
    !single(b) ||
    a.dtype !== 'float32' ||
    b.dtype !== 'float32'
  ) {
    return kernel(args);
  }
  const transposed: tf.TensorInfo[] = [];
  const swapLastTwo = (t: tf.TensorInfo): tf.TensorInfo => {
    const rank = t.shape.length;
    const perm = [...Array(rank - 2).keys(), rank - 1, rank - 2];
    const result = tf
      .getKernel('Transpose', 'wasm')
      .kernelFunc({ inputs: { x: t }, backend, attrs: { perm } }) as tf.TensorInfo;
    transposed.push(result);
    return result;
  };
  try {
    return kernel({
      inputs: {
        a: attrs.transposeA ? swapLastTwo(a) : a,
        b: attrs.transposeB ? swapLastTwo(b) : b,
      },
      backend,
      attrs: { ...attrs, transposeA: false, transposeB: false },
    });
  } finally {
    for (const t of transposed) backend.disposeData(t.dataId);
  }
}

const kernelFunc = batchMatMul as unknown as tf.KernelFunc;

/** Routes transposed matrix products to XNNPACK; safe to call more than once. */
export function registerFastWasmMatMul(): void {
  const current = tf.getKernelsForBackend('wasm').find((k) => k.kernelName === 'BatchMatMul');
  if (!current || current.kernelFunc === kernelFunc) return;
  original = current;
  // The original's setup (binding its C++ function) must still run when the backend starts.
  replaceKernel('BatchMatMul', 'wasm', kernelFunc, current.setupFunc);
}
