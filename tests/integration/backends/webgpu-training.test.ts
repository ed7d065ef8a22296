import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatasetSpecInput } from '../../../src/shared/data/dataset-spec';
import type { TrainingConfigInput } from '../../../src/shared/training/config';
import { finished, template, trainInProcess } from '../../fixtures/training';
import { startForcedWebGpu } from './webgpu-adapter';

/**
 * A few steps of real training (the trainer's own loop: batches, Adam, metrics, validation,
 * the final evaluation) on WebGPU, forced onto the software adapter lavapipe, give the same
 * losses as on WebAssembly from the same seed: an MLP, a CNN, an LSTM and a ResNet block.
 *
 * Tolerance: 1e-4 relative. Both backends compute in float32 (unit roundoff 6e-8) but add up
 * in different orders (WebGPU's shaders tile their sums; XNNPACK vectorises them), so each
 * sum of n terms may differ by about n·6e-8, and each step carries such differences on. A wrong kernel (a wrong index, a missed example of a batch) moves a loss
 * by far more: percent, not hundredths of a percent.
 */

const TOLERANCE = 1e-4;

beforeAll(async () => {
  await startForcedWebGpu();
});

/** The ResNet template's two residual blocks, on MNIST-sized images (28 × 28 × 1). */
function resnetOnMnist(): Record<string, unknown> {
  const doc = template('resnet-basic-block') as { nodes: { kind: string; params: object }[] };
  for (const node of doc.nodes) {
    if (node.kind === 'Input') node.params = { ...node.params, shape: [28, 28, 1] };
  }
  return doc;
}

const networks: [string, () => Record<string, unknown>, DatasetSpecInput][] = [
  ['an MLP (XOR)', () => template('xor-mlp'), { source: 'builtin', name: 'xor' }],
  [
    'a CNN (the small MNIST CNN)',
    () => template('mnist-small-cnn'),
    { source: 'builtin', name: 'mnist', limit: 48 },
  ],
  [
    'an LSTM (sine forecasting)',
    () => template('lstm-sequence'),
    { source: 'builtin', name: 'sine', samples: 40 },
  ],
  ['a ResNet block', resnetOnMnist, { source: 'builtin', name: 'mnist', limit: 24 }],
];

const config: TrainingConfigInput = {
  epochs: 1,
  batchSize: 8,
  seed: 3,
  validation: { kind: 'split', fraction: 0.25 },
  // Plain gradient descent, not Adam: Adam divides each gradient by its own size, so a weight
  // whose true gradient is zero (a convolution's bias before batch norm) would be moved a full
  // step by float noise, in a direction that differs between any two backends.
  optimizer: { type: 'sgd', learningRate: 0.05 },
};

function expectClose(actual: number, expected: number, what: string): void {
  expect(Number.isFinite(actual), what).toBe(true);
  expect(Math.abs(actual - expected), what).toBeLessThanOrEqual(
    TOLERANCE * Math.max(1, Math.abs(expected)),
  );
}

describe.each(networks)('%s', (_, graph, data) => {
  it('trains on WebGPU with the losses it has on WebAssembly', async () => {
    // TF.js warns that orthogonal initialisation of recurrent kernels is slow; it is not news.
    const warn = console.warn.bind(console);
    const quiet = vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
      if (!String(args[0]).startsWith('Orthogonal initializer')) warn(...args);
    });
    try {
      const wasmRun = await trainInProcess(graph(), data, config, { backend: 'wasm' });
      const gpuRun = await trainInProcess(graph(), data, config, { backend: 'webgpu' });
      const started = gpuRun.events.find((e) => e.type === 'started');
      expect(started?.type === 'started' && started.backend.active).toBe('webgpu');
      const [wasm, gpu] = [finished(wasmRun), finished(gpuRun)];

      expect(gpu.epochsRun).toBe(wasm.epochsRun);
      gpuRun.epochs.forEach((epoch, i) => {
        const expected = wasmRun.epochs[i]!;
        expectClose(epoch.loss, expected.loss, `epoch ${i + 1} loss`);
        expectClose(
          epoch.validation!.loss,
          expected.validation!.loss,
          `epoch ${i + 1} validation loss`,
        );
      });
      expectClose(gpu.train.loss, wasm.train.loss, 'final training loss');
    } finally {
      quiet.mockRestore();
    }
  });
});
