/**
 * Why TF.js' WebGPU backend cannot (or should not) run, in sentences a student or teacher can
 * act on. Pure functions, so every wording is tested without a GPU.
 */
import type { WebGpuAdapter } from '../../../shared/training/backends';
import { adapterName } from '../../../shared/training/backends';

/** The graphics API Dawn (the `webgpu` package) drives on each platform. */
function graphicsApi(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'Metal';
  if (platform === 'win32') return 'Direct3D 12';
  return 'Vulkan';
}

/** No adapter at all: no GPU driver for the graphics API WebGPU runs on. */
export function explainNoWebGpuAdapter(platform: NodeJS.Platform, detail?: string): string {
  const found = detail ? ` (${detail})` : '';
  if (platform === 'linux') {
    return `WebGPU found no GPU it can use${found}: it needs a Vulkan driver for the GPU (on Debian or Ubuntu the mesa-vulkan-drivers package for Intel and AMD GPUs, or the NVIDIA driver), and the Vulkan loader (libvulkan1).`;
  }
  if (platform === 'win32') {
    return `WebGPU found no GPU it can use${found}: it needs a GPU with a Direct3D 12 driver; update the graphics driver from the GPU maker's website.`;
  }
  if (platform === 'darwin') {
    return `WebGPU found no GPU it can use${found}: it needs Metal, which Macs have with a current macOS: update macOS.`;
  }
  return `WebGPU runs on Linux, Windows and macOS, not on ${platform}${found}.`;
}

/** Why automatic selection passes over a software adapter (the GPU's work done on the CPU). */
export function softwareAdapterSkipped(
  adapter: WebGpuAdapter,
  platform: NodeJS.Platform = process.platform,
): string {
  return `The only WebGPU adapter is a software renderer (${adapterName(adapter)}): it does the GPU's work on the processor, slower than WebAssembly. To train on a GPU, install the GPU's ${graphicsApi(platform)} driver; to use the software renderer anyway, choose GPU (WebGPU) as the backend.`;
}

/** What Dawn says of an adapter (GPUAdapterInfo), as far as Neurite reads it. */
export interface GpuAdapterInfo {
  readonly vendor: string;
  readonly architecture: string;
  readonly device: string;
  readonly description: string;
  /** Newer Dawn reports it here; the specification first had it on the adapter. */
  readonly isFallbackAdapter?: boolean;
}

/** Software renderers that may not call themselves a fallback adapter. */
const SOFTWARE_RENDERER = /llvmpipe|lavapipe|softpipe|swiftshader|microsoft basic render/i;

/** The adapter's facts for the backend report, and whether it is a software renderer. */
export function adapterFacts(adapter: {
  readonly info: GpuAdapterInfo;
  readonly isFallbackAdapter?: boolean | undefined;
}): WebGpuAdapter {
  const { vendor, architecture, device, description } = adapter.info;
  const fallback = adapter.info.isFallbackAdapter ?? adapter.isFallbackAdapter ?? false;
  return {
    vendor,
    architecture,
    device,
    description,
    software: fallback || SOFTWARE_RENDERER.test(`${device} ${description}`),
  };
}
