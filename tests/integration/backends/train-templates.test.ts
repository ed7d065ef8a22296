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

/** Gradients agree within 1e-4 of the largest gradient value of the network. */
function worstDifference(cpu: StepResult, wasm: StepResult): { worst: number; allowed: number } {
  let scale = 0;
  for (const g of cpu.gradients) for (const v of g.values) scale = Math.max(scale, Math.abs(v));
  let worst = 0;
  cpu.gradients.forEach((g, i) => {
    const other = wasm.gradients[i]!;
    expect(other.name).toBe(g.name);
    expect(other.shape).toEqual(g.shape);
    for (let k = 0; k < g.values.length; k++) {
      worst = Math.max(worst, Math.abs(g.values[k]! - other.values[k]!));
    }
  });
  return { worst, allowed: 1e-4 * Math.max(scale, 1e-3) };
}

beforeAll(async () => {
  // Registers Neurite's wasm kernels and cpu fixes, as a training run does.
  await selectBackend('cpu');
  await selectBackend('wasm');
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
  it('trains one step on wasm with the gradients the cpu backend computes', async () => {
    const document = load();
    // TF.js warns that orthogonal initialisation of recurrent kernels is slow; it is not news.
    const warn = console.warn.bind(console);
    vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
      if (!String(args[0]).startsWith('Orthogonal initializer')) warn(...args);
    });

    await tf.setBackend('cpu');
    vi.spyOn(Math, 'random').mockImplementation(seededRandom(5));
    const cpu = await trainStep(document, { batch: BATCH });

    await tf.setBackend('wasm');
    vi.spyOn(Math, 'random').mockImplementation(seededRandom(5));
    const wasm = await trainStep(document, { batch: BATCH, weights: cpu.weights, applyAdam: true });

    expect(Number.isFinite(wasm.loss)).toBe(true);
    expect(wasm.loss).toBeCloseTo(cpu.loss, 4);
    const { worst, allowed } = worstDifference(cpu, wasm);
    expect(worst).toBeLessThanOrEqual(allowed);

    // Adam moved the weights, and none became NaN or infinite.
    const updated = wasm.updated!;
    expect(updated.every((w) => w.values.every(Number.isFinite))).toBe(true);
    const moved = updated.some((w, i) => w.values.some((v, k) => v !== wasm.weights[i]!.values[k]));
    expect(moved).toBe(true);
  });
});
