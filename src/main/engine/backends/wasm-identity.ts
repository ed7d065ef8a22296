import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { tf } from '../tf';
import { replaceKernel } from './replace-kernel';

/**
 * TF.js keeps every tensor a gradient will need by cloning it, and a clone is the Identity
 * kernel. On the wasm backend Identity copies the values into a new buffer: 25 copies per step
 * of a small CNN, megabytes of them. TF.js tensors never change once made (a variable's assign
 * takes a new buffer), so the clone can share the buffer, as the cpu backend's Identity does
 * and as wasm's own Reshape does; code that writes a buffer in place (fused-optimizers.ts)
 * checks first that no other tensor shares it.
 */

interface IdentityArgs {
  inputs: { x: tf.TensorInfo };
  backend: BackendWasm;
}

let original: tf.KernelConfig | undefined;

function identity(args: IdentityArgs): tf.TensorInfo {
  const { x } = args.inputs;
  // Strings live outside the heap; TF.js' own kernel handles them.
  if (x.dtype === 'string') {
    return (original!.kernelFunc as unknown as (args: IdentityArgs) => tf.TensorInfo)(args);
  }
  args.backend.incRef(x.dataId);
  return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
}

const kernelFunc = identity as unknown as tf.KernelFunc;

/** Makes wasm's Identity share its input's buffer; safe to call more than once. */
export function registerSharingWasmIdentity(): void {
  const current = tf.getKernelsForBackend('wasm').find((k) => k.kernelName === 'Identity');
  if (!current || current.kernelFunc === kernelFunc) return;
  original = current;
  replaceKernel('Identity', 'wasm', kernelFunc, current.setupFunc);
}
