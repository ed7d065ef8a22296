import { tf } from '../tf';

/**
 * Registers a kernel for a backend, replacing the one TF.js has, if any, and returns the one
 * it replaced. Idempotent: calling it again with the same function changes nothing (and so
 * TF.js logs no "already registered" warning).
 */
export function replaceKernel(
  kernelName: string,
  backendName: string,
  kernelFunc: tf.KernelFunc,
  setupFunc?: tf.KernelConfig['setupFunc'],
): tf.KernelConfig | undefined {
  const current = tf.getKernelsForBackend(backendName).find((k) => k.kernelName === kernelName);
  if (current?.kernelFunc === kernelFunc) return undefined;
  if (current) tf.unregisterKernel(kernelName, backendName);
  tf.registerKernel({ kernelName, backendName, kernelFunc, ...(setupFunc ? { setupFunc } : {}) });
  return current;
}
