import { tf } from '../tf';
import type { NativePackage } from './explain-load-error';
import { explainNativeLoadError, NO_AVX, otherTfjsCopy } from './explain-load-error';
import { nodeRequire } from './node-require';
import { hasAvx } from './probe-gpu';

export type NativeLoad =
  | { readonly ok: true; readonly usingGpu: boolean }
  | { readonly ok: false; readonly reason: string };

/** The native backend of tfjs-node(-gpu), once registered on Neurite's TensorFlow.js. */
interface NodeBackend extends tf.KernelBackend {
  /** Set by tfjs-node from the devices TensorFlow found at start-up. */
  readonly isUsingGpuDevice?: boolean;
}

const attempts = new Map<NativePackage, NativeLoad>();

/**
 * Loads tfjs-node or tfjs-node-gpu, which registers (and selects) TF.js' 'tensorflow'
 * backend. Both are optional dependencies that download TensorFlow when installed, so either
 * may be missing or broken; what went wrong is turned into a sentence. A process can hold
 * only one of them, so each is tried at most once and the outcome remembered.
 */
export function loadNativePackage(pkg: NativePackage): NativeLoad {
  let attempt = attempts.get(pkg);
  if (!attempt) {
    attempt = load(pkg);
    attempts.set(pkg, attempt);
  }
  return attempt;
}

function load(pkg: NativePackage): NativeLoad {
  if (hasAvx() === false) return { ok: false, reason: NO_AVX };
  try {
    nodeRequire(pkg);
  } catch (error) {
    return { ok: false, reason: explainNativeLoadError(pkg, error) };
  }
  if (!tf.findBackendFactory('tensorflow')) {
    return { ok: false, reason: otherTfjsCopy(pkg, tf.version.tfjs) };
  }
  const backend = tf.findBackend('tensorflow') as NodeBackend | null;
  return { ok: true, usingGpu: backend?.isUsingGpuDevice === true };
}

/** Which native package, if any, has registered the 'tensorflow' backend in this process. */
export function loadedNativePackage(): NativePackage | undefined {
  for (const [pkg, attempt] of attempts) if (attempt.ok) return pkg;
  return undefined;
}
