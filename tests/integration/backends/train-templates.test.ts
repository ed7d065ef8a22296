import { afterEach, beforeAll, describe, it, vi } from 'vitest';
import { selectBackend } from '../../../src/main/engine/backends/select-backend';
import { EVERY_NETWORK, expectSameStep } from './train-step';

/**
 * Every template a student can open, and a few networks that cover the rest of the catalog,
 * trains on the wasm backend: one step (forward pass, loss, gradients of every weight, Adam
 * update) without an error, with the same gradients as the cpu backend from the same weights
 * and the same batch. Dropout masks and noise come from Math.random, made repeatable here.
 *
 * A batch of 2 keeps the cpu side quick (its convolution gradients are plain JavaScript)
 * while still catching kernels that mishandle the second example of a batch.
 */

const BATCH = 2;

beforeAll(async () => {
  // Registers Neurite's wasm kernels and cpu fixes, as a training run does.
  await selectBackend('cpu');
  await selectBackend('wasm');
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe.each(EVERY_NETWORK)('%s', (_, load) => {
  it('trains one step on wasm with the gradients the cpu backend computes', async () => {
    await expectSameStep(load(), 'cpu', 'wasm', BATCH);
  });
});
