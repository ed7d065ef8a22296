import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { selectBackend } from '../../../src/main/engine/backends/select-backend';
import { tf } from '../../../src/main/engine/tf';
import type { StepResult } from './train-step';
import {
  COVERAGE_GRAPHS,
  loadTemplate,
  seededRandom,
  TEMPLATE_FILES,
  trainStep,
} from './train-step';
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

function worstDifference(wasm: StepResult, gpu: StepResult): { worst: number; allowed: number } {
  let scale = 0;
  for (const g of wasm.gradients) for (const v of g.values) scale = Math.max(scale, Math.abs(v));
  let worst = 0;
  wasm.gradients.forEach((g, i) => {
    const other = gpu.gradients[i]!;
    expect(other.name).toBe(g.name);
    expect(other.shape).toEqual(g.shape);
    for (let k = 0; k < g.values.length; k++) {
      worst = Math.max(worst, Math.abs(g.values[k]! - other.values[k]!));
    }
  });
  return { worst, allowed: 1e-4 * Math.max(scale, 1e-3) };
}

beforeAll(async () => {
  // Registers Neurite's wasm kernels, as a training run does, then WebGPU's.
  await selectBackend('wasm');
  await startForcedWebGpu();
});

afterEach(() => {
  vi.restoreAllMocks();
});

const networks: [string, () => ReturnType<typeof loadTemplate>][] = [
  ...TEMPLATE_FILES.map((file): [string, () => ReturnType<typeof loadTemplate>] => [
    file,
    () => loadTemplate(file),
  ]),
  ...Object.entries(COVERAGE_GRAPHS),
];

describe.each(networks)('%s', (_, load) => {
  it('trains one step on WebGPU with the loss and gradients WebAssembly computes', async () => {
    const document = load();
    // TF.js warns that orthogonal initialisation of recurrent kernels is slow; it is not news.
    const warn = console.warn.bind(console);
    vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
      if (!String(args[0]).startsWith('Orthogonal initializer')) warn(...args);
    });

    await tf.setBackend('wasm');
    vi.spyOn(Math, 'random').mockImplementation(seededRandom(5));
    const wasm = await trainStep(document, { batch: BATCH });

    await tf.setBackend('webgpu');
    vi.spyOn(Math, 'random').mockImplementation(seededRandom(5));
    const gpu = await trainStep(document, { batch: BATCH, weights: wasm.weights, applyAdam: true });

    expect(Number.isFinite(gpu.loss)).toBe(true);
    expect(gpu.loss).toBeCloseTo(wasm.loss, 4);
    const { worst, allowed } = worstDifference(wasm, gpu);
    expect(worst).toBeLessThanOrEqual(allowed);

    const updated = gpu.updated!;
    expect(updated.every((w) => w.values.every(Number.isFinite))).toBe(true);
    const moved = updated.some((w, i) => w.values.some((v, k) => v !== gpu.weights[i]!.values[k]));
    expect(moved).toBe(true);
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
