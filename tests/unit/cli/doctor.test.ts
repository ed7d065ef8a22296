import { describe, expect, it } from 'vitest';
import type { SystemFacts } from '../../../src/main/cli/commands/doctor';
import { formatDoctor } from '../../../src/main/cli/commands/doctor';
import type { BackendReport } from '../../../src/shared/training/backends';
import { backendReportSchema, BACKENDS } from '../../../src/shared/training/backends';
import { runNeurite } from '../../fixtures/cli';

const system: SystemFacts = {
  node: '20.20.2',
  platform: 'linux',
  arch: 'x64',
  osRelease: 'Linux 6.1.0',
  cpuModel: 'Intel(R) Xeon(R) Processor',
  cpuCount: 2,
  totalMemoryBytes: 24 * 1024 ** 3,
  freeMemoryBytes: 20 * 1024 ** 3,
  tfjsVersion: '4.22.0',
};

const report: BackendReport = {
  active: 'wasm',
  tried: [
    {
      backend: 'tensorflow-gpu',
      available: false,
      reason:
        "No NVIDIA GPU was found on this computer; TensorFlow's GPU support needs one, with CUDA 11.2, cuDNN 8.1 and an NVIDIA driver 450 or newer.",
    },
    {
      backend: 'webgpu',
      available: false,
      reason:
        "The only WebGPU adapter is a software renderer (llvmpipe: Mesa 25.0.7-2~bpo12+1 (LLVM 15.0.6) 0.0.1): it does the GPU's work on the processor, slower than WebAssembly. To train on a GPU, install the GPU's Vulkan driver; to use the software renderer anyway, choose GPU (WebGPU) as the backend.",
      adapter: {
        vendor: 'mesa',
        architecture: 'software',
        device: 'llvmpipe-llvm-15-0-6-256-bits-',
        description: 'llvmpipe: Mesa 25.0.7-2~bpo12+1 (LLVM 15.0.6) 0.0.1',
        software: true,
      },
    },
    {
      backend: 'tensorflow',
      available: false,
      reason:
        'The @tensorflow/tfjs-node package is not installed (run npm install @tensorflow/tfjs-node in the Neurite folder).',
    },
    { backend: 'wasm', available: true },
  ],
};

describe('neurite doctor', () => {
  it('says which backend runs, why each faster one does not, and describes the computer', () => {
    expect(formatDoctor(report, { simd: true, threads: 1 }, system)).toBe(
      [
        'Training runs on: CPU (WebAssembly, SIMD)',
        '',
        '  ✗ GPU (TensorFlow with CUDA)',
        "      No NVIDIA GPU was found on this computer; TensorFlow's GPU support needs one, with",
        '      CUDA 11.2, cuDNN 8.1 and an NVIDIA driver 450 or newer.',
        '  ✗ GPU (WebGPU)',
        '      Adapter: llvmpipe: Mesa 25.0.7-2~bpo12+1 (LLVM 15.0.6) 0.0.1 (vendor mesa,',
        '      architecture software, device llvmpipe-llvm-15-0-6-256-bits-).',
        '      The only WebGPU adapter is a software renderer (llvmpipe: Mesa 25.0.7-2~bpo12+1',
        "      (LLVM 15.0.6) 0.0.1): it does the GPU's work on the processor, slower than",
        "      WebAssembly. To train on a GPU, install the GPU's Vulkan driver; to use the",
        '      software renderer anyway, choose GPU (WebGPU) as the backend.',
        '  ✗ CPU (TensorFlow native)',
        '      The @tensorflow/tfjs-node package is not installed (run npm install',
        '      @tensorflow/tfjs-node in the Neurite folder).',
        '  ✓ CPU (WebAssembly, SIMD)',
        '      In use (SIMD on, 1 thread).',
        '  · CPU (plain JavaScript)',
        '      Not needed: a faster backend runs.',
        '',
        'This computer',
        '  Node.js        20.20.2',
        '  Platform       linux x64 (Linux 6.1.0)',
        '  CPU            2 cores, Intel(R) Xeon(R) Processor',
        '  Memory         24.0 GB, 20.0 GB free',
        '  TensorFlow.js  4.22.0',
        '',
      ].join('\n'),
    );
  });

  it('runs here, naming the active backend and every faster one', async () => {
    const run = await runNeurite('doctor');
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^Training runs on: /);
    expect(run.stdout).toContain('  ✓ ');
    expect(run.stdout).toMatch(/Node\.js +\d+\.\d+\.\d+/);
    expect(run.stdout).toMatch(/Memory +[\d.]+ GB, [\d.]+ GB free/);
  });

  it('prints the same as JSON with --json', async () => {
    const run = await runNeurite('doctor', '--json');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    const { title: _title, simd: _simd, threads: _threads, ...backend } = json.backend;
    const parsed = backendReportSchema.parse({
      active: backend.active,
      tried: backend.tried.map(({ title: _t, ...t }: { title: string }) => t),
    });
    // Best first, up to the one that runs, which is the last tried.
    expect(parsed.tried.map((t) => t.backend)).toEqual(
      BACKENDS.slice(0, BACKENDS.indexOf(parsed.active) + 1),
    );
    expect(parsed.tried.at(-1)).toEqual({ backend: parsed.active, available: true });
    for (const t of parsed.tried.slice(0, -1)) expect(t.reason).toMatch(/\.\)?$/);
    expect(json.system).toMatchObject({
      node: process.versions.node,
      platform: process.platform,
      cpuCount: expect.any(Number),
      totalMemoryBytes: expect.any(Number),
    });
  });

  it('shows its usage for --help and rejects unknown options', async () => {
    expect((await runNeurite('doctor', '--help')).stdout).toContain('Usage: neurite doctor');
    const wrong = await runNeurite('doctor', '--bogus');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('Usage: neurite doctor');
  });
});
