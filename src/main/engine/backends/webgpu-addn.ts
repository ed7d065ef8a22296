import { tf } from '../tf';
import { replaceKernel } from './replace-kernel';

/** The parts of TF.js' WebGPU backend this kernel uses. */
interface WebGpuBackend {
  readonly device: { readonly limits: { readonly maxStorageBuffersPerShaderStage: number } };
  disposeData(dataId: tf.DataId): boolean;
}

/**
 * TF.js' WebGPU AddN (4.22) binds every input to one shader, and a shader may bind only
 * maxStorageBuffersPerShaderStage buffers (8 unless the device asks for more), the output
 * included. With more inputs Dawn refuses the shader and the sum comes back wrong, without an
 * error: the gradient of a tensor used by many layers, the sum of many layers' penalties, the
 * norm of all of a network's gradients. This AddN adds its inputs in groups that fit.
 */
export function registerWebGpuAddN(): void {
  const original = tf.getKernelsForBackend('webgpu').find((k) => k.kernelName === 'AddN');
  if (!original || original.kernelFunc === addNInGroups) return;
  originalAddN = original.kernelFunc;
  replaceKernel('AddN', 'webgpu', addNInGroups);
}

let originalAddN: tf.KernelFunc | undefined;

function addNInGroups(args: Parameters<tf.KernelFunc>[0]): tf.TensorInfo | tf.TensorInfo[] {
  const inputs = args.inputs as unknown as tf.TensorInfo[];
  const backend = args.backend as unknown as WebGpuBackend;
  const group = Math.max(2, backend.device.limits.maxStorageBuffersPerShaderStage - 1);
  const run = (tensors: tf.TensorInfo[]) =>
    originalAddN!({
      ...args,
      inputs: tensors as unknown as tf.NamedTensorInfoMap,
    }) as tf.TensorInfo;
  if (inputs.length <= group) return run(inputs);
  let sum = run(inputs.slice(0, group));
  for (let start = group; start < inputs.length; start += group - 1) {
    const next = run([sum, ...inputs.slice(start, start + group - 1)]);
    backend.disposeData(sum.dataId);
    sum = next;
  }
  return sum;
}
