import type { WebGpuAdapter } from '../../../shared/training/backends';
import { adapterName } from '../../../shared/training/backends';
import { tf } from '../tf';
import { nodeRequire } from './node-require';
import { registerWebGpuAddN } from './webgpu-addn';
import type { GpuAdapterInfo } from './explain-webgpu';
import { adapterFacts, explainNoWebGpuAdapter, softwareAdapterSkipped } from './explain-webgpu';
import { DAWN_PACKAGE, dawnNotLoaded, probeWebGpuAdapter } from './probe-webgpu';

const BACKEND_PACKAGE = '@tensorflow/tfjs-backend-webgpu';

/** The parts of the WebGPU API (as Dawn's `webgpu` package gives it) this file uses. */
interface GpuAdapter {
  readonly info: GpuAdapterInfo;
  readonly isFallbackAdapter?: boolean;
  readonly features: ReadonlySet<string>;
  readonly limits: Record<string, number>;
  requestDevice(descriptor?: object): Promise<unknown>;
}
interface Gpu {
  requestAdapter(options?: {
    powerPreference?: 'high-performance' | 'low-power';
  }): Promise<GpuAdapter | null>;
}
interface DawnModule {
  create(flags: string[]): Gpu;
  readonly globals: Record<string, unknown>;
}
interface WebGpuBackendModule {
  readonly WebGPUBackend: new (device: unknown, adapterInfo: GpuAdapterInfo) => tf.KernelBackend;
}

export type WebGpuStart =
  | { readonly ok: true; readonly adapter: WebGpuAdapter }
  | { readonly ok: false; readonly reason: string; readonly adapter?: WebGpuAdapter };

/** Found once per process: Dawn's adapter, or why there is none. */
type AdapterSearch =
  | { readonly ok: true; readonly adapter: GpuAdapter; readonly facts: WebGpuAdapter }
  | { readonly ok: false; readonly reason: string };

let search: Promise<AdapterSearch> | undefined;
let registered: Promise<WebGpuStart> | undefined;

/**
 * Makes TF.js' WebGPU backend active, on the GPU adapter Dawn (the `webgpu` package: Vulkan,
 * Metal or Direct3D 12) offers for high performance. A software adapter (lavapipe, llvmpipe,
 * SwiftShader, WARP) runs the GPU's work on the processor, slower than WebAssembly: it is used
 * only when `allowSoftware` (the user chose WebGPU explicitly, as the tests do). Resolves with
 * why not, and the adapter's facts when one was found.
 */
export async function startWebGpuBackend(options: {
  readonly allowSoftware: boolean;
}): Promise<WebGpuStart> {
  if (!options.allowSoftware && search === undefined) {
    // Asked in a child process first: Dawn is loaded here only for an adapter it will use.
    const probed = await probeWebGpuAdapter();
    if (!probed.ok) return probed;
    if (probed.facts.software) {
      return { ok: false, reason: softwareAdapterSkipped(probed.facts), adapter: probed.facts };
    }
  }
  const found = await findAdapter();
  if (!found.ok) return found;
  if (found.facts.software && !options.allowSoftware) {
    return { ok: false, reason: softwareAdapterSkipped(found.facts), adapter: found.facts };
  }
  registered ??= register(found.adapter, found.facts);
  const backend = await registered;
  if (!backend.ok) return backend;
  return (await tf.setBackend('webgpu'))
    ? backend
    : {
        ok: false,
        reason: 'TensorFlow.js could not start its WebGPU backend (the log above says why).',
        adapter: found.facts,
      };
}

function findAdapter(): Promise<AdapterSearch> {
  search ??= requestAdapter();
  return search;
}

async function requestAdapter(): Promise<AdapterSearch> {
  let dawn: DawnModule;
  try {
    // A specifier in a variable: the bundler leaves this ES module to Node at run time, and
    // TypeScript does not pull the package's WebGPU typings into every file of the project.
    const specifier = DAWN_PACKAGE;
    dawn = (await import(/* @vite-ignore */ specifier)) as DawnModule;
  } catch (error) {
    return { ok: false, reason: dawnNotLoaded(firstLine(error)) };
  }
  // TF.js' WebGPU backend uses the WebGPU constants (GPUBufferUsage, GPUMapMode, …) as
  // globals and checks navigator.gpu, as in a browser.
  for (const [name, value] of Object.entries(dawn.globals)) {
    if (!(name in globalThis)) Object.defineProperty(globalThis, name, { value, writable: true });
  }
  let gpu: Gpu;
  try {
    gpu = dawn.create([]);
  } catch (error) {
    return { ok: false, reason: explainNoWebGpuAdapter(process.platform, firstLine(error)) };
  }
  const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  if (!adapter) return { ok: false, reason: explainNoWebGpuAdapter(process.platform) };
  exposeNavigatorGpu(gpu);
  return { ok: true, adapter, facts: adapterFacts(adapter) };
}

function exposeNavigatorGpu(gpu: Gpu): void {
  const global = globalThis as { navigator?: object };
  // Node 21 and later (and Electron) have a navigator; Node 20 has none.
  if (global.navigator === undefined) {
    Object.defineProperty(globalThis, 'navigator', {
      value: {},
      writable: true,
      configurable: true,
    });
  }
  Object.defineProperty(global.navigator, 'gpu', { value: gpu, configurable: true });
}

/** Registers TF.js' WebGPU backend on the adapter found, with the limits TF.js asks for. */
async function register(adapter: GpuAdapter, facts: WebGpuAdapter): Promise<WebGpuStart> {
  let module: WebGpuBackendModule;
  try {
    module = nodeRequire(BACKEND_PACKAGE) as WebGpuBackendModule;
  } catch (error) {
    return {
      ok: false,
      reason: `The ${BACKEND_PACKAGE} package could not be loaded (${firstLine(error)}); reinstall Neurite.`,
      adapter: facts,
    };
  }
  if (tf.getKernelsForBackend('webgpu').length === 0) {
    return {
      ok: false,
      reason: `${BACKEND_PACKAGE} is installed with its own copy of TensorFlow.js, so Neurite cannot use it; install the version made for TensorFlow.js ${tf.version.tfjs}.`,
      adapter: facts,
    };
  }
  let device: unknown;
  try {
    device = await adapter.requestDevice(deviceDescriptor(adapter));
  } catch (error) {
    return {
      ok: false,
      reason: `The GPU adapter ${adapterName(facts)} refused to start a WebGPU device (${firstLine(error)}).`,
      adapter: facts,
    };
  }
  registerWebGpuAddN();
  if (tf.findBackendFactory('webgpu') === null) {
    // Priority 0: TF.js never picks it on its own; selectBackend chooses.
    tf.registerBackend('webgpu', () => new module.WebGPUBackend(device, adapter.info), 0);
  }
  return { ok: true, adapter: facts };
}

/** As TF.js' own WebGPU start-up asks: the adapter's full limits, and timestamps if offered. */
function deviceDescriptor(adapter: GpuAdapter): object {
  const limits = [
    'maxComputeWorkgroupStorageSize',
    'maxComputeWorkgroupsPerDimension',
    'maxStorageBufferBindingSize',
    'maxBufferSize',
    'maxComputeWorkgroupSizeX',
    'maxComputeInvocationsPerWorkgroup',
  ];
  return {
    requiredFeatures: adapter.features.has('timestamp-query') ? ['timestamp-query'] : [],
    requiredLimits: Object.fromEntries(limits.map((name) => [name, adapter.limits[name]])),
  };
}

function firstLine(error: unknown): string {
  return String((error as Error)?.message ?? error).split('\n')[0]!;
}
