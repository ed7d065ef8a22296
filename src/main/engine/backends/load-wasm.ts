import { existsSync } from 'node:fs';
import path from 'node:path';
import type * as WasmBackendModule from '@tensorflow/tfjs-backend-wasm';
import { tf } from '../tf';
import { nodeRequire } from './node-require';
import { registerFastWasmAvgPoolGrad } from './wasm-avg-pool-grad';
import { registerFastWasmBiasKernels } from './wasm-bias-kernels';
import { registerFastWasmConv2DBackpropInput } from './wasm-conv-backprop-input';
import { registerMissingWasmGradients } from './wasm-gradients';
import { registerSharingWasmIdentity } from './wasm-identity';
import { registerFastWasmReluGrad } from './wasm-relu-grad';
import { registerFastWasmMatMul } from './wasm-matmul';

const PACKAGE = '@tensorflow/tfjs-backend-wasm';

export type LoadResult = { readonly ok: true } | { readonly ok: false; readonly reason: string };

let loaded: Promise<LoadResult> | undefined;

/**
 * Makes the WebAssembly backend ready to be selected: loads the package, points it at its
 * .wasm binaries (in Node it cannot find them on its own once main is bundled), adds the
 * gradient kernels it lacks or gets wrong and speeds up its transposed matrix products. Single-threaded: TF.js does not support wasm threads in Node.
 */
export function loadWasmBackend(): Promise<LoadResult> {
  loaded ??= load();
  return loaded;
}

/**
 * Loads the WebAssembly backend (see loadWasmBackend) and makes it TF.js' active backend.
 * Resolves with why not when it cannot run.
 */
export async function startWasmBackend(): Promise<LoadResult> {
  const load = await loadWasmBackend();
  if (!load.ok) return load;
  // Emscripten's start-up adds process handlers that re-throw every uncaught error and
  // unhandled rejection, printing a 20 kB line of minified code with each; its own dispose
  // removes them again. Remove them at once: Node's default handling is better.
  const events = ['uncaughtException', 'unhandledRejection'] as const;
  const before = new Set(events.flatMap((event) => process.listeners(event as 'exit')));
  const started = await tf.setBackend('wasm');
  for (const event of events) {
    for (const listener of process.listeners(event as 'exit')) {
      if (!before.has(listener)) process.removeListener(event as 'exit', listener);
    }
  }
  return started
    ? { ok: true }
    : { ok: false, reason: 'Its WebAssembly module failed to start (the log above says why).' };
}

async function load(): Promise<LoadResult> {
  if (typeof (globalThis as { WebAssembly?: unknown }).WebAssembly !== 'object') {
    return { ok: false, reason: 'This JavaScript runtime has no WebAssembly support.' };
  }
  let wasm: typeof WasmBackendModule;
  let folder: string;
  try {
    wasm = nodeRequire(PACKAGE) as typeof WasmBackendModule;
    folder = path.dirname(nodeRequire.resolve(`${PACKAGE}/dist/tfjs-backend-wasm-simd.wasm`));
  } catch (error) {
    return {
      ok: false,
      reason: `The ${PACKAGE} package could not be loaded (${firstLine(error)}); reinstall Neurite.`,
    };
  }
  const simd = (await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) as boolean;
  const binary = path.join(folder, simd ? 'tfjs-backend-wasm-simd.wasm' : 'tfjs-backend-wasm.wasm');
  if (!existsSync(binary)) {
    return { ok: false, reason: `Its WebAssembly file ${binary} is missing; reinstall Neurite.` };
  }
  wasm.setWasmPaths(`${folder}${path.sep}`);
  registerMissingWasmGradients();
  registerFastWasmMatMul();
  registerFastWasmConv2DBackpropInput();
  registerFastWasmAvgPoolGrad();
  registerFastWasmBiasKernels();
  registerSharingWasmIdentity();
  registerFastWasmReluGrad();
  return { ok: true };
}

function firstLine(error: unknown): string {
  return String((error as Error)?.message ?? error).split('\n')[0]!;
}
