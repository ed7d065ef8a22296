import { describe, expect, it } from 'vitest';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { startWasmBackend } from '../../../src/main/engine/backends/load-wasm';
import { oneChannelFilterSimdAvailable } from '../../../src/main/engine/backends/wasm-conv-filter-simd';
import { maxPoolGradSimdAvailable } from '../../../src/main/engine/backends/wasm-max-pool-simd';
import { simdUpdatesAvailable } from '../../../src/main/engine/backends/wasm-simd-loops';
import { tf } from '../../../src/main/engine/tf';

/**
 * The SIMD modules written out byte by byte (wasm-module-bytes.ts) fall back to JavaScript
 * loops, silently, where they cannot start. The kernel tests give the same numbers either
 * way, so this checks that on Node.js, which has WebAssembly SIMD, every module starts on the
 * backend's memory: otherwise training would quietly lose its speed.
 */
describe('the SIMD modules on the wasm backend', () => {
  it('all start on the backend’s memory', async () => {
    const started = await startWasmBackend();
    expect(started.ok).toBe(true);
    const backend = tf.backend() as BackendWasm;
    expect({
      optimizerUpdates: simdUpdatesAvailable(backend),
      maxPoolGradient: maxPoolGradSimdAvailable(backend),
      oneChannelFilterGradient: oneChannelFilterSimdAvailable(backend),
    }).toEqual({ optimizerUpdates: true, maxPoolGradient: true, oneChannelFilterGradient: true });
  });
});
