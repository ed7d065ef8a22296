import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  BackendUnavailableError,
  selectBackend,
  useSynchronousBackend,
  WEBGPU_READS_ASYNCHRONOUSLY,
} from '../../../src/main/engine/backends/select-backend';
import { tf } from '../../../src/main/engine/tf';
import { activeBackendTitle, backendReportSchema } from '../../../src/shared/training/backends';

/**
 * Backend selection on this machine: no NVIDIA GPU, and neither tfjs-node nor tfjs-node-gpu
 * installed (they download TensorFlow at install time, which the build machines cannot do).
 */

function installed(pkg: string): boolean {
  try {
    createRequire(import.meta.url).resolve(pkg);
    return true;
  } catch {
    return false;
  }
}
const nativeInstalled =
  installed('@tensorflow/tfjs-node') || installed('@tensorflow/tfjs-node-gpu');

afterEach(() => {
  vi.restoreAllMocks();
});

describe('selectBackend', () => {
  it('runs on the plain JavaScript backend when asked, without the "install tfjs-node" banner', async () => {
    const warn = vi.spyOn(console, 'warn');
    const report = await selectBackend('cpu');
    expect(report).toEqual({ active: 'cpu', tried: [{ backend: 'cpu', available: true }] });
    expect(tf.getBackend()).toBe('cpu');
    // The banner comes with the first tensor the cpu backend stores.
    expect(tf.tensor([1, 2, 3]).square().dataSync()).toEqual(new Float32Array([1, 4, 9]));
    expect(warn.mock.calls.flat().join(' ')).not.toMatch(/tfjs-node/);
  });

  it('runs on WebAssembly when asked, with its gradient kernels registered', async () => {
    const report = await selectBackend('wasm');
    expect(report).toEqual({ active: 'wasm', tried: [{ backend: 'wasm', available: true }] });
    expect(tf.getBackend()).toBe('wasm');
    const kernels = tf.getKernelsForBackend('wasm').map((k) => k.kernelName);
    expect(kernels).toEqual(expect.arrayContaining(['Conv2DBackpropFilter', 'UnsortedSegmentSum']));
    const x = tf.ones([1, 5, 5, 1]);
    const grad = tf.grad((f: tf.Tensor) =>
      tf.sum(tf.conv2d(x as tf.Tensor4D, f as tf.Tensor4D, 1, 'valid')),
    );
    expect(Array.from(grad(tf.ones([3, 3, 1, 1])).dataSync())).toEqual(Array(9).fill(9));
  });

  it.skipIf(nativeInstalled)(
    'on automatic, says why the GPU and native TensorFlow cannot run and picks wasm',
    async () => {
      const report = await selectBackend('auto');
      expect(backendReportSchema.parse(report)).toEqual(report);
      expect(report.active).toBe('wasm');
      expect(report.tried.map((t) => [t.backend, t.available])).toEqual([
        ['tensorflow-gpu', false],
        ['webgpu', false],
        ['tensorflow', false],
        ['wasm', true],
      ]);
      const [gpu, webgpu, native, wasm] = report.tried;
      // Here there is no NVIDIA GPU; on a machine with one, the package is what is missing.
      expect(gpu!.reason).toMatch(/NVIDIA GPU|@tensorflow\/tfjs-node-gpu/);
      expect(gpu!.reason).toMatch(/CUDA 11\.2/);
      // The build machines' only WebGPU adapter is lavapipe, which automatic passes over.
      expect(webgpu!.adapter?.software).toBe(true);
      expect(webgpu!.reason).toMatch(
        /^The only WebGPU adapter is a software renderer \(llvmpipe.*\): it does the GPU's work on the processor, slower than WebAssembly\./,
      );
      expect(native!.reason).toBe(
        'The @tensorflow/tfjs-node package is not installed (run npm install @tensorflow/tfjs-node in the Neurite folder).',
      );
      expect(wasm!.reason).toBeUndefined();
      expect(tf.getBackend()).toBe('wasm');
      // The adapter was asked for in a child process: Dawn's library is not loaded here,
      // where it would hold memory for nothing and write its warnings to standard error.
      expect(readFileSync('/proc/self/maps', 'utf8')).not.toMatch(/dawn\.node/);
    },
  );

  it('runs on WebGPU when asked, even on a software adapter, and names the adapter', async () => {
    const report = await selectBackend('webgpu');
    expect(backendReportSchema.parse(report)).toEqual(report);
    expect(report.active).toBe('webgpu');
    expect(tf.getBackend()).toBe('webgpu');
    const adapter = report.tried[0]!.adapter!;
    expect(adapter).toMatchObject({ vendor: 'mesa', software: true });
    expect(adapter.description).toMatch(/^llvmpipe/);
    expect(activeBackendTitle(report)).toBe(`GPU (WebGPU: ${adapter.description})`);
    // Numbers come back from the GPU as they are read in training: asynchronously.
    const product = tf.matMul(tf.ones([40, 30]), tf.ones([30, 20]));
    expect(Array.from(await product.data()).every((v) => v === 30)).toBe(true);
  });

  it.skipIf(nativeInstalled)(
    'for looking inside a model, passes over WebGPU, which cannot read results synchronously',
    async () => {
      const report = await selectBackend('auto', { synchronousReads: true });
      expect(report.active).toBe('wasm');
      expect(report.tried.find((t) => t.backend === 'webgpu')).toEqual({
        backend: 'webgpu',
        available: false,
        reason: WEBGPU_READS_ASYNCHRONOUSLY,
      });
    },
  );

  it('puts the synchronous backend back for looking inside after a report started WebGPU', async () => {
    // A serving process answers both: the backend report of a user who chose WebGPU, then
    // looking inside a model, which must not run on WebGPU.
    await selectBackend('webgpu');
    expect(tf.getBackend()).toBe('webgpu');
    const report = await useSynchronousBackend();
    expect(report.active).not.toBe('webgpu');
    expect(tf.getBackend()).toBe(report.active);
    expect(tf.tensor([1, 2, 3]).square().dataSync()).toEqual(new Float32Array([1, 4, 9]));
  });

  it.skipIf(nativeInstalled)(
    'fails with the reason when native TensorFlow is forced, instead of falling back',
    async () => {
      await selectBackend('cpu');
      const error = await selectBackend('tensorflow').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BackendUnavailableError);
      const unavailable = error as BackendUnavailableError;
      expect(unavailable.backend).toBe('tensorflow');
      expect(unavailable.message).toBe(
        'CPU (TensorFlow native) was chosen to train with, but it cannot run on this computer. The @tensorflow/tfjs-node package is not installed (run npm install @tensorflow/tfjs-node in the Neurite folder). Choose "Automatic" to use the best backend that works.',
      );
      expect(unavailable.tried).toEqual([
        { backend: 'tensorflow', available: false, reason: unavailable.reason },
      ]);
      // Nothing else was started in its place.
      expect(tf.getBackend()).toBe('cpu');
    },
  );

  it.skipIf(nativeInstalled)('fails with the reason when the GPU is forced', async () => {
    const error = await selectBackend('tensorflow-gpu').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackendUnavailableError);
    expect((error as Error).message).toMatch(
      /^GPU \(TensorFlow with CUDA\) was chosen to train with, but it cannot run on this computer\. .*CUDA 11\.2/,
    );
  });
});
