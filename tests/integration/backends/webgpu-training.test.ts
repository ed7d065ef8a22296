import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { DatasetSpecInput } from '../../../src/shared/data/dataset-spec';
import type { TrainingConfigInput } from '../../../src/shared/training/config';
import { finished, template, trainInProcess } from '../../fixtures/training';
import { startForcedWebGpu } from './webgpu-adapter';

/**
 * A few steps of real training (the trainer's own loop: batches, the optimizer, metrics,
 * validation, the look inside after the epoch, the final evaluation) on WebGPU, forced onto
 * the software adapter lavapipe, give the same losses as on WebAssembly from the same seed:
 * an MLP, a CNN, an LSTM and a ResNet block.
 *
 * Tolerance: 1e-4 relative. Both backends compute in float32 (unit roundoff 6e-8) but add up
 * in different orders (WebGPU's shaders tile their sums; XNNPACK vectorises them), so each
 * sum of n terms may differ by about n·6e-8, and each step carries such differences on. A
 * wrong kernel (a wrong index, a missed example of a batch) moves a loss by far more: percent,
 * not hundredths of a percent. Measured on lavapipe against the cpu backend: 1e-7.
 */

const TOLERANCE = 1e-4;
const MAP_CORRELATION = 0.99;

/** Pearson's correlation of two maps (1 when one is the other; 1 for two equal constants). */
function correlation(a: readonly number[], b: readonly number[]): number {
  expect(a).toHaveLength(b.length);
  const mean = (v: readonly number[]) => v.reduce((sum, x) => sum + x, 0) / v.length;
  const [ma, mb] = [mean(a), mean(b)];
  let [ab, aa, bb] = [0, 0, 0];
  a.forEach((x, i) => {
    ab += (x - ma) * (b[i]! - mb);
    aa += (x - ma) ** 2;
    bb += (b[i]! - mb) ** 2;
  });
  if (aa === 0 && bb === 0) return 1;
  return ab / Math.sqrt(aa * bb);
}

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
  // Clipping by the gradients' norm, which on WebGPU scales them without reading the norm.
  clipping: { type: 'norm', maxNorm: 1 },
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

      // The look inside after the epoch (saliency maps of watched examples; XOR's decision
      // boundary), computed from WebGPU's trained weights, shows what WebAssembly's run shows:
      // the same answers and boundary (to the look's four significant digits) and the same
      // saliency maps. A map may differ at a few pixels, where a ReLU or a max-pooling window
      // sits on its kink and a difference of 1e-7 picks the other side, so maps are compared
      // by their correlation.
      const look = (run: typeof gpuRun) => {
        const event = run.events.find((e) => e.type === 'inside');
        return event?.type === 'inside' ? event : undefined;
      };
      const [wasmLook, gpuLook] = [look(wasmRun), look(gpuRun)];
      expect(wasmLook).toBeDefined();
      expect(gpuLook).toBeDefined();
      const answers = (event: NonNullable<typeof wasmLook>) => [
        ...(event.saliency?.examples.flatMap((example) => example.output) ?? []),
        ...(event.boundary?.values ?? []),
      ];
      const [expectedAnswers, actualAnswers] = [answers(wasmLook!), answers(gpuLook!)];
      expect(actualAnswers).toHaveLength(expectedAnswers.length);
      actualAnswers.forEach((value, i) =>
        expect(Math.abs(value - expectedAnswers[i]!)).toBeLessThanOrEqual(
          1e-3 * Math.max(1, Math.abs(expectedAnswers[i]!)),
        ),
      );
      const maps = (event: NonNullable<typeof wasmLook>) =>
        event.saliency?.examples.map((example) => example.map) ?? [];
      const [expectedMaps, actualMaps] = [maps(wasmLook!), maps(gpuLook!)];
      expect(actualMaps).toHaveLength(expectedMaps.length);
      actualMaps.forEach((map, i) =>
        expect(correlation(map, expectedMaps[i]!)).toBeGreaterThanOrEqual(MAP_CORRELATION),
      );
    } finally {
      quiet.mockRestore();
    }
  });
});
