import { tf } from '../tf';
import { loadWasmBackend, startWasmBackend } from './load-wasm';

/**
 * Where the trainer looks inside its network between epochs (saliency maps, the decision
 * boundary). Those computations read their numbers back synchronously (dataSync), which the
 * WebGPU backend cannot do in Node.js; while training runs on WebGPU they run on WebAssembly
 * (or plain JavaScript where WebAssembly cannot start), on a copy of the weights. Any other
 * backend reads synchronously and is used as it is.
 */
export async function lookBackendFor(training: string): Promise<string> {
  if (training !== 'webgpu') return training;
  return (await loadWasmBackend()).ok ? 'wasm' : 'cpu';
}

/**
 * Runs `work` with `backend` active, then makes the backend that was active before active
 * again. The tensors `work` creates live on `backend`.
 */
export async function onBackend<T>(backend: string, work: () => T): Promise<T> {
  const before = tf.getBackend();
  if (before === backend) return work();
  await activate(backend);
  try {
    return work();
  } finally {
    await activate(before);
  }
}

async function activate(backend: string): Promise<void> {
  // The wasm backend's first start needs Neurite's care (see load-wasm.ts).
  const started = backend === 'wasm' ? (await startWasmBackend()).ok : await tf.setBackend(backend);
  if (!started) throw new Error(`The ${backend} backend could not be started.`);
}
