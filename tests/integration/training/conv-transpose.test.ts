import { describe, expect, it } from 'vitest';
import type { BackendChoice } from '../../../src/shared/training/backends';
import { chain } from '../../fixtures/build-graph';
import { finished, trainInProcess } from '../../fixtures/training';

/** The convolutional autoencoder's usual decoder: a strided convolution down, a transposed one up. */
const autoencoder = () =>
  chain(
    { form: 'image', shape: [28, 28, 1] },
    [
      ['Conv2D', { filters: 8, kernelSize: 3, strides: 2, padding: 'same', activation: 'relu' }],
      [
        'Conv2DTranspose',
        { filters: 1, kernelSize: 3, strides: 2, padding: 'same', activation: 'sigmoid' },
      ],
    ],
    { task: 'reconstruction', loss: 'meanSquaredError' },
  );

describe('Conv2DTranspose', () => {
  it.each<BackendChoice>(['wasm', 'cpu'])(
    'trains as a decoder on %s: the reconstruction error falls',
    async (backend) => {
      const run = await trainInProcess(
        autoencoder(),
        { source: 'builtin', name: 'mnist', limit: 200 },
        {
          epochs: 4,
          batchSize: 20,
          validation: { kind: 'none' },
          optimizer: { type: 'adam', learningRate: 0.01 },
        },
        { backend },
      );
      finished(run);
      expect(run.epochs.at(-1)!.loss).toBeLessThan(run.epochs[0]!.loss * 0.8);
    },
  );
});
