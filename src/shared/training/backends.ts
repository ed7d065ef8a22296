import { z } from 'zod';

/** TF.js backends, best first. */
export const BACKENDS = ['tensorflow-gpu', 'webgpu', 'tensorflow', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKENDS)[number];

export const BACKEND_TITLES: Readonly<Record<BackendName, string>> = {
  'tensorflow-gpu': 'GPU (TensorFlow with CUDA)',
  webgpu: 'GPU (WebGPU)',
  tensorflow: 'CPU (TensorFlow native)',
  wasm: 'CPU (WebAssembly, SIMD)',
  cpu: 'CPU (plain JavaScript)',
};

export const backendChoiceSchema = z.enum(['auto', ...BACKENDS]).default('auto');
export type BackendChoice = z.output<typeof backendChoiceSchema>;

/** The GPU adapter WebGPU found, as the adapter describes itself (GPUAdapterInfo). */
export const webGpuAdapterSchema = z.strictObject({
  /** For example "nvidia", "intel", "amd", "apple", "mesa". */
  vendor: z.string(),
  /** For example "ampere", "gen-12lp", "rdna-2", "software". */
  architecture: z.string(),
  device: z.string(),
  /** The driver's own name for the adapter, often with the driver's version. */
  description: z.string(),
  /** A software renderer (lavapipe, llvmpipe, SwiftShader, WARP): the GPU's work on the CPU. */
  software: z.boolean(),
});
export type WebGpuAdapter = z.output<typeof webGpuAdapterSchema>;

export const backendReportSchema = z.strictObject({
  /** The backend that runs. */
  active: z.enum(BACKENDS),
  /** Every backend tried, in order, with why it was not used (absent for the active one). */
  tried: z.array(
    z.strictObject({
      backend: z.enum(BACKENDS),
      available: z.boolean(),
      reason: z.string().optional(),
      /** webgpu only: the adapter it found, whether or not it was used. */
      adapter: webGpuAdapterSchema.optional(),
    }),
  ),
});
export type BackendReport = z.output<typeof backendReportSchema>;

/** How an adapter is named to a user: its description, else its vendor and device. */
export function adapterName(adapter: WebGpuAdapter): string {
  return (
    adapter.description.trim() ||
    [adapter.vendor, adapter.device].filter((part) => part.length > 0).join(' ') ||
    'an unnamed adapter'
  );
}

/** The adapter WebGPU found in a report, if it was tried and found one. */
export function webGpuAdapterOf(report: BackendReport): WebGpuAdapter | undefined {
  return report.tried.find((t) => t.backend === 'webgpu')?.adapter;
}

/** The active backend's title, naming the GPU adapter when WebGPU runs. */
export function activeBackendTitle(report: BackendReport): string {
  const adapter = webGpuAdapterOf(report);
  return report.active === 'webgpu' && adapter
    ? `GPU (WebGPU: ${adapterName(adapter)})`
    : BACKEND_TITLES[report.active];
}
