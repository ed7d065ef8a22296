import type {
  BackendChoice,
  BackendName,
  BackendReport,
  WebGpuAdapter,
} from '../../../shared/training/backends';
import { BACKEND_TITLES, BACKENDS } from '../../../shared/training/backends';
import { tf } from '../tf';
import { registerCpuGradientFixes } from './cpu-gradient-fixes';
import { CPU_PACKAGE, GPU_PACKAGE, gpuNotUsed, gpuRuledOut } from './explain-load-error';
import { loadedNativePackage, loadNativePackage } from './load-native';
import { startWasmBackend } from './load-wasm';
import { startWebGpuBackend } from './load-webgpu';
import { probeGpu } from './probe-gpu';
import { quietCpuBackend } from './quiet-cpu';

type Attempt = BackendReport['tried'][number];

/** A backend the user chose explicitly cannot run here. The message is for the user. */
export class BackendUnavailableError extends Error {
  constructor(
    readonly backend: BackendName,
    readonly reason: string,
    readonly tried: readonly Attempt[],
  ) {
    super(
      `${BACKEND_TITLES[backend]} was chosen to train with, but it cannot run on this computer. ${reason} Choose "Automatic" to use the best backend that works.`,
    );
    this.name = 'BackendUnavailableError';
  }
}

export interface SelectOptions {
  /**
   * The caller reads its results back synchronously (dataSync): looking inside a saved model,
   * exporting it, checking an imported one. WebGPU cannot in Node.js, so "auto" passes over it.
   */
  readonly synchronousReads?: boolean;
}

/** Why "auto" passes over WebGPU for a caller that reads synchronously. */
export const WEBGPU_READS_ASYNCHRONOUSLY =
  'Looking inside a saved model, exporting it and checking an imported one read every result back at once, which WebGPU cannot do in Node.js; they run on the best other backend (training uses WebGPU).';

/**
 * Makes a TensorFlow.js backend active for this process and reports which one, and why each
 * better one was not used. "auto" tries them best first: tfjs-node-gpu (CUDA), WebGPU on a
 * hardware GPU adapter, tfjs-node (native CPU), WebAssembly, plain JavaScript (which always
 * works). A backend the user chose explicitly is the only one tried: if it cannot run, this
 * throws BackendUnavailableError rather than quietly training on something else. Chosen
 * explicitly, WebGPU also runs on a software adapter (lavapipe), which "auto" passes over.
 */
export async function selectBackend(
  choice: BackendChoice = 'auto',
  options: SelectOptions = {},
): Promise<BackendReport> {
  // Whatever runs, the cpu backend must not print its "install tfjs-node" banner (the report
  // says why tfjs-node is not used) and must compute correct gradients if it is used.
  registerCpuGradientFixes();
  quietCpuBackend();

  const candidates: readonly BackendName[] = choice === 'auto' ? BACKENDS : [choice];
  const tried: Attempt[] = [];
  for (const backend of candidates) {
    if (backend === 'webgpu' && choice === 'auto' && options.synchronousReads) {
      tried.push({ backend, available: false, reason: WEBGPU_READS_ASYNCHRONOUSLY });
      continue;
    }
    const { reason, adapter } = await start(backend, choice === backend);
    const facts = adapter ? { adapter } : {};
    if (reason === undefined) {
      tried.push({ backend, available: true, ...facts });
      await tf.ready();
      return { active: backend, tried };
    }
    tried.push({ backend, available: false, reason, ...facts });
  }
  const last = tried[tried.length - 1]!;
  throw new BackendUnavailableError(last.backend, last.reason!, tried);
}

let synchronousChoice: Promise<BackendReport> | undefined;

/**
 * For a serving process's calls that read results synchronously (looking inside, export,
 * import checks): the best backend but WebGPU, chosen once per process, and made active again
 * on every call, since a backend report asked of the same process may have started another.
 */
export async function useSynchronousBackend(): Promise<BackendReport> {
  synchronousChoice ??= selectBackend('auto', { synchronousReads: true });
  const report = await synchronousChoice;
  if (tf.getBackend() !== report.active) await tf.setBackend(report.active);
  return report;
}

/**
 * Starts one backend: no reason when it is now active, else why it cannot run; for WebGPU
 * also the adapter it found. `chosen`: the user asked for this backend by name.
 */
async function start(
  backend: BackendName,
  chosen: boolean,
): Promise<{ reason?: string | undefined; adapter?: WebGpuAdapter | undefined }> {
  switch (backend) {
    case 'tensorflow-gpu':
      return { reason: await startGpu() };
    case 'webgpu': {
      const started = await startWebGpuBackend({ allowSoftware: chosen });
      return started.ok
        ? { adapter: started.adapter }
        : { reason: started.reason, adapter: started.adapter };
    }
    case 'tensorflow':
      return { reason: await startNativeCpu() };
    case 'wasm': {
      const started = await startWasmBackend();
      return { reason: started.ok ? undefined : started.reason };
    }
    case 'cpu':
      return { reason: await activate('cpu') };
  }
}

function startGpu(): Promise<string | undefined> | string {
  if (loadedNativePackage() === CPU_PACKAGE) {
    return "This process has already loaded TensorFlow's CPU library (tfjs-node), and one process can hold only one; restart Neurite to use the GPU.";
  }
  const facts = probeGpu();
  const ruledOut = gpuRuledOut(facts);
  if (ruledOut) return ruledOut;
  const load = loadNativePackage(GPU_PACKAGE);
  if (!load.ok) return load.reason;
  // TensorFlow without a usable GPU still starts, on the CPU; the 'tensorflow' backend it
  // registered then serves as the native CPU backend below.
  if (!load.usingGpu) return gpuNotUsed(facts);
  return activate('tensorflow');
}

function startNativeCpu(): Promise<string | undefined> | string {
  // tfjs-node-gpu, once loaded, is also TensorFlow's native CPU backend: a process cannot
  // load both packages, and it runs on the CPU where there is no GPU.
  if (loadedNativePackage() === undefined) {
    const load = loadNativePackage(CPU_PACKAGE);
    if (!load.ok) return load.reason;
  }
  return activate('tensorflow');
}

async function activate(name: 'tensorflow' | 'cpu'): Promise<string | undefined> {
  return (await tf.setBackend(name))
    ? undefined
    : 'TensorFlow.js could not start it (the log above says why).';
}
