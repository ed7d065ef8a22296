import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { selectBackend } from '../../../src/main/engine/backends/select-backend';
import { tf } from '../../../src/main/engine/tf';
import { EVERY_NETWORK, expectSameStep } from './train-step';
import { startForcedWebGpu } from './webgpu-adapter';

/**
 * Every template and the networks that cover the rest of the catalog (together: every layer
 * kind, activation and loss) on WebGPU, forced onto the software adapter lavapipe: the forward
 * pass's loss and the gradient of every weight equal WebAssembly's from the same weights and
 * the same batch, and an Adam step moves the weights without a NaN.
 *
 * Tolerance: gradients within 1e-4 of the network's largest gradient, losses to 4 decimals,
 * as train-templates.test.ts allows between wasm and cpu. Both backends compute in float32
 * and differ only in the order of their sums (measured: about 1e-6 of the largest gradient);
 * a wrong kernel is off by far more.
 */

const BATCH = 2;

beforeAll(async () => {
  // Registers Neurite's wasm kernels, as a training run does, then WebGPU's.
  await selectBackend('wasm');
  await startForcedWebGpu();
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe.each(EVERY_NETWORK)('%s', (_, load) => {
  it('trains one step on WebGPU with the loss and gradients WebAssembly computes', async () => {
    await expectSameStep(load(), 'wasm', 'webgpu', BATCH);
  });
});

describe('AddN on WebGPU', () => {
  it('adds up more tensors than one shader may bind (as the norm of all of a ResNet’s gradients does)', async () => {
    await tf.setBackend('webgpu');
    for (const count of [2, 7, 8, 9, 16, 17, 30]) {
      const terms = Array.from({ length: count }, (_, i) => tf.fill([3, 5], i + 1));
      const sum = tf.addN(terms);
      // 1 + 2 + … + count in every element.
      const expected = (count * (count + 1)) / 2;
      expect(Array.from(await sum.data()), `${count} terms`).toEqual(Array(15).fill(expected));
      tf.dispose([...terms, sum]);
    }
  });
});
