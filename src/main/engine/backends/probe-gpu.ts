import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { GpuFacts } from './explain-load-error';
import { CUDA_LIBRARIES } from './explain-load-error';

/**
 * Looks at the machine for what a GPU backend needs, without loading TensorFlow: an NVIDIA
 * device and driver (Linux: /sys and /proc) and the CUDA libraries on the loader's path.
 * Questions it cannot answer on a platform are left undefined.
 */
export function probeGpu(platform: NodeJS.Platform = process.platform): GpuFacts {
  return {
    platform,
    nvidiaDevice: platform === 'linux' ? hasNvidiaPciDevice() : undefined,
    nvidiaDriver:
      platform === 'linux'
        ? existsSync('/proc/driver/nvidia/version') || existsSync('/dev/nvidiactl')
        : undefined,
    missingLibrary:
      platform === 'linux' || platform === 'win32' ? missingCuda(platform) : undefined,
  };
}

const NVIDIA_VENDOR = '0x10de';
/** PCI class 0x03…: display controllers (VGA, 3D). */
const DISPLAY_CLASS = /^0x03/;

function hasNvidiaPciDevice(): boolean | undefined {
  const root = '/sys/bus/pci/devices';
  try {
    return readdirSync(root).some((device) => {
      const read = (file: string) => readFileSync(path.join(root, device, file), 'utf8').trim();
      try {
        return read('vendor') === NVIDIA_VENDOR && DISPLAY_CLASS.test(read('class'));
      } catch {
        return false;
      }
    });
  } catch {
    return undefined;
  }
}

function missingCuda(platform: 'linux' | 'win32'): string | undefined {
  const folders = libraryFolders(platform);
  const cached = platform === 'linux' ? ldconfigLibraries() : new Set<string>();
  return CUDA_LIBRARIES[platform].find(
    (name) => !cached.has(name) && !folders.some((folder) => existsSync(path.join(folder, name))),
  );
}

function libraryFolders(platform: 'linux' | 'win32'): string[] {
  const fromEnv = (name: string) =>
    (process.env[name] ?? '').split(path.delimiter).filter((p) => p.length > 0);
  if (platform === 'win32') {
    const cuda = process.env['CUDA_PATH'];
    return [...fromEnv('PATH'), ...(cuda ? [path.join(cuda, 'bin')] : []), 'C:\\Windows\\System32'];
  }
  return [
    ...fromEnv('LD_LIBRARY_PATH'),
    '/usr/local/cuda/lib64',
    '/usr/local/cuda-11.2/lib64',
    '/usr/lib/x86_64-linux-gnu',
    '/usr/lib/aarch64-linux-gnu',
    '/usr/lib64',
    '/usr/lib',
    '/lib/x86_64-linux-gnu',
  ];
}

/** Library names in the dynamic loader's cache (`ldconfig -p`), or none if it cannot run. */
function ldconfigLibraries(): Set<string> {
  for (const ldconfig of ['/sbin/ldconfig', '/usr/sbin/ldconfig', 'ldconfig']) {
    try {
      const listing = execFileSync(ldconfig, ['-p'], {
        encoding: 'utf8',
        timeout: 3000,
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      return new Set(
        listing
          .split('\n')
          .map((line) => /^\s*(\S+)\s+\(/.exec(line)?.[1])
          .filter((name): name is string => name !== undefined),
      );
    } catch {
      // Try the next location.
    }
  }
  return new Set();
}

/**
 * False when an x86-64 Linux processor lacks AVX (the prebuilt TensorFlow library would kill
 * the process with an illegal instruction); true or undefined otherwise.
 */
export function hasAvx(
  platform: NodeJS.Platform = process.platform,
  arch: string = process.arch,
): boolean | undefined {
  if (platform !== 'linux' || arch !== 'x64') return undefined;
  try {
    return /^flags\s*:.*\bavx\b/m.test(readFileSync('/proc/cpuinfo', 'utf8'));
  } catch {
    return undefined;
  }
}
