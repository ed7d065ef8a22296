import { describe, expect, it } from 'vitest';
import {
  adapterFacts,
  explainNoWebGpuAdapter,
  softwareAdapterSkipped,
} from '../../../src/main/engine/backends/explain-webgpu';
import type { BackendReport, WebGpuAdapter } from '../../../src/shared/training/backends';
import { activeBackendTitle, adapterName } from '../../../src/shared/training/backends';

/** What Dawn reports for adapters, as seen on real machines (lavapipe here; others by hand). */
const lavapipeInfo = {
  vendor: 'mesa',
  architecture: 'software',
  device: 'llvmpipe-llvm-15-0-6-256-bits-',
  description: 'llvmpipe: Mesa 25.0.7-2~bpo12+1 (LLVM 15.0.6) 0.0.1',
};
const intelInfo = {
  vendor: 'intel',
  architecture: 'gen-12lp',
  device: '',
  description: 'Intel(R) Iris(R) Xe Graphics',
};

describe('a WebGPU adapter, as the report describes it', () => {
  it('is a software renderer when Dawn calls it a fallback adapter, wherever it says so', () => {
    expect(adapterFacts({ info: { ...lavapipeInfo, isFallbackAdapter: true } }).software).toBe(
      true,
    );
    expect(adapterFacts({ info: intelInfo, isFallbackAdapter: true }).software).toBe(true);
  });

  it('is a software renderer when its name is one, even if Dawn does not say so', () => {
    expect(adapterFacts({ info: lavapipeInfo }).software).toBe(true);
    const swiftshader = { ...intelInfo, vendor: 'google', description: 'SwiftShader Device' };
    expect(adapterFacts({ info: swiftshader }).software).toBe(true);
  });

  it('is hardware otherwise, named by the driver’s description', () => {
    const facts = adapterFacts({ info: { ...intelInfo, isFallbackAdapter: false } });
    expect(facts).toEqual({ ...intelInfo, software: false });
    expect(adapterName(facts)).toBe('Intel(R) Iris(R) Xe Graphics');
    expect(adapterName({ ...facts, description: '', device: 'Iris Xe' })).toBe('intel Iris Xe');
  });

  it('names the active WebGPU backend by its adapter, and the others by their titles', () => {
    const adapter: WebGpuAdapter = { ...intelInfo, software: false };
    const onGpu: BackendReport = {
      active: 'webgpu',
      tried: [
        { backend: 'tensorflow-gpu', available: false, reason: 'No NVIDIA GPU.' },
        { backend: 'webgpu', available: true, adapter },
      ],
    };
    expect(activeBackendTitle(onGpu)).toBe('GPU (WebGPU: Intel(R) Iris(R) Xe Graphics)');
    const onWasm: BackendReport = {
      active: 'wasm',
      tried: [
        { backend: 'webgpu', available: false, reason: 'Software.', adapter },
        { backend: 'wasm', available: true },
      ],
    };
    expect(activeBackendTitle(onWasm)).toBe('CPU (WebAssembly, SIMD)');
  });
});

describe('why WebGPU does not run', () => {
  it('names the software renderer and says what to do, with the graphics API of the platform', () => {
    const lavapipe = { ...lavapipeInfo, software: true };
    expect(softwareAdapterSkipped(lavapipe, 'linux')).toBe(
      "The only WebGPU adapter is a software renderer (llvmpipe: Mesa 25.0.7-2~bpo12+1 (LLVM 15.0.6) 0.0.1): it does the GPU's work on the processor, slower than WebAssembly. To train on a GPU, install the GPU's Vulkan driver; to use the software renderer anyway, choose GPU (WebGPU) as the backend.",
    );
    const warp = { ...lavapipe, description: 'Microsoft Basic Render Driver' };
    expect(softwareAdapterSkipped(warp, 'win32')).toContain("install the GPU's Direct3D 12 driver");
  });

  it('says which driver is missing when there is no adapter at all', () => {
    expect(explainNoWebGpuAdapter('linux')).toMatch(
      /^WebGPU found no GPU it can use: it needs a Vulkan driver for the GPU \(.*mesa-vulkan-drivers.*\), and the Vulkan loader \(libvulkan1\)\.$/,
    );
    expect(explainNoWebGpuAdapter('win32')).toContain('Direct3D 12');
    expect(explainNoWebGpuAdapter('darwin')).toContain('Metal');
    expect(explainNoWebGpuAdapter('freebsd')).toBe(
      'WebGPU runs on Linux, Windows and macOS, not on freebsd.',
    );
  });
});
