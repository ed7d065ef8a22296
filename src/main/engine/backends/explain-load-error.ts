/**
 * Why a native TensorFlow backend cannot run, in sentences a student or teacher can act on.
 * Pure functions of the error and of what was found on the machine, so every wording is
 * tested without the packages or a GPU.
 */

export type NativePackage = '@tensorflow/tfjs-node' | '@tensorflow/tfjs-node-gpu';

export const GPU_PACKAGE: NativePackage = '@tensorflow/tfjs-node-gpu';
export const CPU_PACKAGE: NativePackage = '@tensorflow/tfjs-node';

/** What tfjs-node-gpu 4.22 (TensorFlow 2.9) needs, from its README. */
export const CUDA_REQUIREMENTS = 'CUDA 11.2, cuDNN 8.1 and an NVIDIA driver 450 or newer';

/**
 * The CUDA libraries TensorFlow 2.9 opens at start-up, in the order it opens them. It runs
 * on the CPU without a word (only a log line) when one is missing.
 */
export const CUDA_LIBRARIES: Readonly<Record<'linux' | 'win32', readonly string[]>> = {
  linux: [
    'libcuda.so.1',
    'libcudart.so.11.0',
    'libcublas.so.11',
    'libcublasLt.so.11',
    'libcufft.so.10',
    'libcurand.so.10',
    'libcusolver.so.11',
    'libcusparse.so.11',
    'libcudnn.so.8',
  ],
  win32: [
    'nvcuda.dll',
    'cudart64_110.dll',
    'cublas64_11.dll',
    'cublasLt64_11.dll',
    'cufft64_10.dll',
    'curand64_10.dll',
    'cusolver64_11.dll',
    'cusparse64_11.dll',
    'cudnn64_8.dll',
  ],
};

/** What the machine offers a GPU backend; each question is answered by probe-gpu.ts. */
export interface GpuFacts {
  readonly platform: NodeJS.Platform;
  /** An NVIDIA display device on the PCI bus (Linux), or undefined when it cannot be told. */
  readonly nvidiaDevice: boolean | undefined;
  /** The NVIDIA kernel driver is loaded (Linux), or undefined when it cannot be told. */
  readonly nvidiaDriver: boolean | undefined;
  /** The first CUDA library of CUDA_LIBRARIES that is not found, if any. */
  readonly missingLibrary: string | undefined;
}

/**
 * Why the GPU cannot be used even before trying to load tfjs-node-gpu, or undefined when it
 * is worth trying. Loading it on a machine without a GPU would start TensorFlow on the CPU
 * and take the place of tfjs-node, so it is skipped when the answer is already known.
 */
export function gpuRuledOut(facts: GpuFacts): string | undefined {
  if (facts.platform === 'darwin') {
    return 'macOS has no CUDA, and TensorFlow uses a GPU only through CUDA (on Linux or Windows with an NVIDIA GPU).';
  }
  if (facts.platform !== 'linux' && facts.platform !== 'win32') {
    return `TensorFlow's GPU support runs only on Linux and Windows, not on ${facts.platform}.`;
  }
  if (facts.nvidiaDevice === false && facts.nvidiaDriver !== true) {
    return `No NVIDIA GPU was found on this computer; TensorFlow's GPU support needs one, with ${CUDA_REQUIREMENTS}.`;
  }
  if (facts.nvidiaDriver === false) {
    return 'An NVIDIA GPU is present but its driver is not loaded: install the NVIDIA driver (450 or newer) and restart the computer.';
  }
  return undefined;
}

/** Why tfjs-node-gpu loaded but TensorFlow found no GPU to run on. */
export function gpuNotUsed(facts: GpuFacts): string {
  if (facts.missingLibrary) return missingCudaLibrary(facts.missingLibrary, facts.platform);
  return 'TensorFlow started but found no usable GPU: the NVIDIA driver may be older than 450, or the GPU too old for CUDA 11.2 (it needs compute capability 3.5 or higher).';
}

function missingCudaLibrary(library: string, platform: NodeJS.Platform): string {
  if (library === 'libcuda.so.1' || library === 'nvcuda.dll') {
    return `${library} (the NVIDIA driver's CUDA library) was not found: install the NVIDIA driver, 450 or newer.`;
  }
  const where =
    platform === 'win32'
      ? "put CUDA's and cuDNN's bin folders on PATH"
      : "put their lib folders (for example /usr/local/cuda-11.2/lib64) on LD_LIBRARY_PATH or in ldconfig's list";
  return `${library} was not found: tfjs-node-gpu needs ${CUDA_REQUIREMENTS}; install them and ${where}.`;
}

/** The first line of an error's message, for the cases no rule below recognises. */
function firstLine(error: unknown): string {
  const message =
    error instanceof Error ? error.message : typeof error === 'string' ? error : String(error);
  return message.split('\n')[0]!.trim();
}

/** Turns what `require(pkg)` threw into a sentence that says what to do. */
export function explainNativeLoadError(
  pkg: NativePackage,
  error: unknown,
  platform: NodeJS.Platform = process.platform,
): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const gpu = pkg === GPU_PACKAGE;

  if (code === 'MODULE_NOT_FOUND' || /Cannot find module/.test(message)) {
    const missing = /Cannot find module '([^']+)'/.exec(message)?.[1];
    if (missing === pkg) {
      return `The ${pkg} package is not installed (run npm install ${pkg} in the Neurite folder${gpu ? `; it also needs ${CUDA_REQUIREMENTS}` : ''}).`;
    }
    if (missing && /tfjs_binding\.node$/.test(missing)) {
      return `The ${pkg} package is installed without its native part (tfjs_binding.node): its install step downloads TensorFlow and probably had no internet access. Run npm rebuild ${pkg} while online.`;
    }
    return `The ${pkg} package is incomplete (${firstLine(error)}); reinstall it with npm install ${pkg}.`;
  }

  const sharedObject = /([\w.+-]+\.so(?:\.[\w.]+)?): cannot open shared object file/.exec(
    message,
  )?.[1];
  if (sharedObject) {
    if (
      /^lib(cuda|cudart|cublas|cufft|curand|cusolver|cusparse|cudnn|nvinfer)/.test(sharedObject)
    ) {
      return missingCudaLibrary(sharedObject, platform);
    }
    if (sharedObject.startsWith('libtensorflow')) {
      return `The TensorFlow library of ${pkg} (${sharedObject}) is missing: its install step downloads it and probably had no internet access. Run npm rebuild ${pkg} while online.`;
    }
    return `The system library ${sharedObject} that ${pkg} needs is missing; install it with your Linux package manager.`;
  }

  const glibc = /(GLIBC(?:XX)?_[\d.]+)' not found/.exec(message)?.[1];
  if (glibc) {
    return `The prebuilt TensorFlow library of ${pkg} needs a newer Linux (${glibc} is missing); use a newer distribution, or Neurite's built-in backends.`;
  }

  if (/NODE_MODULE_VERSION/.test(message)) {
    return `${pkg} was built for a different version of Node.js or Electron than the one running Neurite; run npm rebuild ${pkg}.`;
  }

  if (platform === 'win32' && /specified (module|procedure) could not be found/i.test(message)) {
    return gpu
      ? `Windows could not load ${pkg}: a DLL it needs is missing. It needs ${CUDA_REQUIREMENTS}, with their bin folders on PATH, and the Microsoft Visual C++ Redistributable.`
      : `Windows could not load ${pkg}: a DLL it needs is missing. Install the Microsoft Visual C++ Redistributable (x64).`;
  }

  if (
    /wrong ELF class|invalid ELF header|incompatible architecture|not a valid Win32/i.test(message)
  ) {
    return `${pkg} was installed for a different processor type than this one; reinstall it on this computer (npm install ${pkg}).`;
  }

  return `${pkg} could not be loaded: ${firstLine(error)}`;
}

/** The prebuilt TensorFlow library uses AVX; without it, loading kills the process. */
export const NO_AVX =
  'This processor lacks the AVX instructions that the prebuilt TensorFlow library uses (loading it would crash Neurite).';

/** The package loaded, but on another copy of TensorFlow.js than Neurite's. */
export function otherTfjsCopy(pkg: NativePackage, version: string): string {
  return `${pkg} is installed with its own copy of TensorFlow.js, so Neurite cannot use it; install the version made for TensorFlow.js ${version} (npm install ${pkg}@${version}).`;
}
