import { tf } from '../tf';

/** The cpu backend keeps this flag to print its banner on the first tensor it stores. */
interface CpuBackend extends tf.KernelBackend {
  firstUse?: boolean;
}

/**
 * The cpu backend, initialised, with its "install tfjs-node to speed things up dramatically"
 * banner switched off: the backend report already says why a faster backend is not used, in
 * words a student can act on. The banner is printed on the first tensor the backend stores,
 * so this must run before any.
 */
export function quietCpuBackend(): tf.KernelBackend {
  const cpu = tf.engine().findBackend('cpu') as CpuBackend | null;
  if (!cpu) throw new Error('The TensorFlow.js cpu backend is not registered.');
  cpu.firstUse = false;
  return cpu;
}
