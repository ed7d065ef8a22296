import { describe, expect, it } from 'vitest';
import type { GpuFacts } from '../../../src/main/engine/backends/explain-load-error';
import {
  explainNativeLoadError,
  gpuNotUsed,
  gpuRuledOut,
  otherTfjsCopy,
} from '../../../src/main/engine/backends/explain-load-error';
import { probeGpu } from '../../../src/main/engine/backends/probe-gpu';

/**
 * What a user reads when a native backend cannot run. The errors are the ones Node and the
 * dynamic loader really throw for each situation (package missing, its download skipped,
 * CUDA missing, old Linux, another Node.js version, Windows DLLs).
 */

function moduleNotFound(name: string): Error {
  return Object.assign(new Error(`Cannot find module '${name}'\nRequire stack:\n- /app/x.js`), {
    code: 'MODULE_NOT_FOUND',
  });
}

const GPU = '@tensorflow/tfjs-node-gpu';
const CPU = '@tensorflow/tfjs-node';

describe('explainNativeLoadError', () => {
  const cases: [
    string,
    '@tensorflow/tfjs-node' | '@tensorflow/tfjs-node-gpu',
    unknown,
    NodeJS.Platform,
    string,
  ][] = [
    [
      'the GPU package is not installed',
      GPU,
      moduleNotFound(GPU),
      'linux',
      'The @tensorflow/tfjs-node-gpu package is not installed (run npm install @tensorflow/tfjs-node-gpu in the Neurite folder; it also needs CUDA 11.2, cuDNN 8.1 and an NVIDIA driver 450 or newer).',
    ],
    [
      'the CPU package is not installed',
      CPU,
      moduleNotFound(CPU),
      'linux',
      'The @tensorflow/tfjs-node package is not installed (run npm install @tensorflow/tfjs-node in the Neurite folder).',
    ],
    [
      'its install step could not download TensorFlow',
      CPU,
      moduleNotFound('/app/node_modules/@tensorflow/tfjs-node/lib/napi-v8/tfjs_binding.node'),
      'linux',
      'The @tensorflow/tfjs-node package is installed without its native part (tfjs_binding.node): its install step downloads TensorFlow and probably had no internet access. Run npm rebuild @tensorflow/tfjs-node while online.',
    ],
    [
      'one of its own dependencies is missing',
      CPU,
      moduleNotFound('@mapbox/node-pre-gyp'),
      'linux',
      "The @tensorflow/tfjs-node package is incomplete (Cannot find module '@mapbox/node-pre-gyp'); reinstall it with npm install @tensorflow/tfjs-node.",
    ],
    [
      'CUDA is missing',
      GPU,
      new Error('libcudart.so.11.0: cannot open shared object file: No such file or directory'),
      'linux',
      "libcudart.so.11.0 was not found: tfjs-node-gpu needs CUDA 11.2, cuDNN 8.1 and an NVIDIA driver 450 or newer; install them and put their lib folders (for example /usr/local/cuda-11.2/lib64) on LD_LIBRARY_PATH or in ldconfig's list.",
    ],
    [
      'cuDNN is missing',
      GPU,
      new Error('libcudnn.so.8: cannot open shared object file: No such file or directory'),
      'linux',
      "libcudnn.so.8 was not found: tfjs-node-gpu needs CUDA 11.2, cuDNN 8.1 and an NVIDIA driver 450 or newer; install them and put their lib folders (for example /usr/local/cuda-11.2/lib64) on LD_LIBRARY_PATH or in ldconfig's list.",
    ],
    [
      'the TensorFlow library itself is missing',
      CPU,
      new Error('libtensorflow.so.2: cannot open shared object file: No such file or directory'),
      'linux',
      'The TensorFlow library of @tensorflow/tfjs-node (libtensorflow.so.2) is missing: its install step downloads it and probably had no internet access. Run npm rebuild @tensorflow/tfjs-node while online.',
    ],
    [
      'Linux is too old',
      CPU,
      new Error(
        "/lib/x86_64-linux-gnu/libm.so.6: version `GLIBC_2.29' not found (required by /app/node_modules/@tensorflow/tfjs-node/deps/lib/libtensorflow.so.2)",
      ),
      'linux',
      "The prebuilt TensorFlow library of @tensorflow/tfjs-node needs a newer Linux (GLIBC_2.29 is missing); use a newer distribution, or Neurite's built-in backends.",
    ],
    [
      'it was built for another Node.js',
      CPU,
      new Error(
        "The module '/app/tfjs_binding.node' was compiled against a different Node.js version using NODE_MODULE_VERSION 108. This version of Node.js requires NODE_MODULE_VERSION 115.",
      ),
      'linux',
      '@tensorflow/tfjs-node was built for a different version of Node.js or Electron than the one running Neurite; run npm rebuild @tensorflow/tfjs-node.',
    ],
    [
      'a DLL is missing on Windows (GPU)',
      GPU,
      new Error('The specified module could not be found.\r\n\\\\?\\C:\\app\\tfjs_binding.node'),
      'win32',
      'Windows could not load @tensorflow/tfjs-node-gpu: a DLL it needs is missing. It needs CUDA 11.2, cuDNN 8.1 and an NVIDIA driver 450 or newer, with their bin folders on PATH, and the Microsoft Visual C++ Redistributable.',
    ],
    [
      'a DLL is missing on Windows (CPU)',
      CPU,
      new Error('The specified module could not be found.\r\n\\\\?\\C:\\app\\tfjs_binding.node'),
      'win32',
      'Windows could not load @tensorflow/tfjs-node: a DLL it needs is missing. Install the Microsoft Visual C++ Redistributable (x64).',
    ],
    [
      'it was installed for another processor',
      CPU,
      new Error('/app/tfjs_binding.node: invalid ELF header'),
      'linux',
      '@tensorflow/tfjs-node was installed for a different processor type than this one; reinstall it on this computer (npm install @tensorflow/tfjs-node).',
    ],
    [
      'anything else',
      CPU,
      new Error('Could not initialize TensorFlow backend.\n    at Object.<anonymous>'),
      'linux',
      '@tensorflow/tfjs-node could not be loaded: Could not initialize TensorFlow backend.',
    ],
  ];
  it.each(cases)('when %s', (_, pkg, error, platform, expected) => {
    expect(explainNativeLoadError(pkg, error, platform)).toBe(expected);
  });

  it('names the other TensorFlow.js copy a package brought along', () => {
    expect(otherTfjsCopy(CPU, '4.22.0')).toBe(
      '@tensorflow/tfjs-node is installed with its own copy of TensorFlow.js, so Neurite cannot use it; install the version made for TensorFlow.js 4.22.0 (npm install @tensorflow/tfjs-node@4.22.0).',
    );
  });
});

describe('GPU checks before and after loading tfjs-node-gpu', () => {
  const linux: GpuFacts = {
    platform: 'linux',
    nvidiaDevice: true,
    nvidiaDriver: true,
    missingLibrary: undefined,
  };

  it('rules out macOS, other systems, no NVIDIA GPU and an unloaded driver', () => {
    expect(gpuRuledOut({ ...linux, platform: 'darwin' })).toMatch(/^macOS has no CUDA/);
    expect(gpuRuledOut({ ...linux, platform: 'freebsd' })).toMatch(/only on Linux and Windows/);
    expect(gpuRuledOut({ ...linux, nvidiaDevice: false, nvidiaDriver: false })).toBe(
      "No NVIDIA GPU was found on this computer; TensorFlow's GPU support needs one, with CUDA 11.2, cuDNN 8.1 and an NVIDIA driver 450 or newer.",
    );
    expect(gpuRuledOut({ ...linux, nvidiaDriver: false })).toBe(
      'An NVIDIA GPU is present but its driver is not loaded: install the NVIDIA driver (450 or newer) and restart the computer.',
    );
  });

  it('tries the GPU when a driver is loaded, or when the machine cannot tell (Windows)', () => {
    expect(gpuRuledOut(linux)).toBeUndefined();
    // Containers often hide the PCI bus but show the driver.
    expect(gpuRuledOut({ ...linux, nvidiaDevice: false })).toBeUndefined();
    expect(
      gpuRuledOut({
        ...linux,
        platform: 'win32',
        nvidiaDevice: undefined,
        nvidiaDriver: undefined,
      }),
    ).toBeUndefined();
  });

  it('says which CUDA library is missing when TensorFlow fell back to the CPU', () => {
    expect(gpuNotUsed({ ...linux, missingLibrary: 'libcublas.so.11' })).toMatch(
      /^libcublas\.so\.11 was not found: tfjs-node-gpu needs CUDA 11\.2, cuDNN 8\.1/,
    );
    expect(gpuNotUsed({ ...linux, platform: 'win32', missingLibrary: 'cudnn64_8.dll' })).toMatch(
      /^cudnn64_8\.dll was not found: .*put CUDA's and cuDNN's bin folders on PATH\.$/,
    );
    expect(gpuNotUsed({ ...linux, missingLibrary: 'libcuda.so.1' })).toBe(
      "libcuda.so.1 (the NVIDIA driver's CUDA library) was not found: install the NVIDIA driver, 450 or newer.",
    );
    expect(gpuNotUsed(linux)).toMatch(/^TensorFlow started but found no usable GPU/);
  });

  it('probes this machine without loading anything', () => {
    const facts = probeGpu();
    expect(facts.platform).toBe(process.platform);
    if (process.platform === 'linux') {
      expect(typeof facts.nvidiaDriver).toBe('boolean');
      // No CUDA on the build machines: the driver's own library is the first one missing.
      if (!facts.nvidiaDriver) expect(facts.missingLibrary).toBe('libcuda.so.1');
    }
  });
});
