import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { insideWeights } from '../../../src/main/engine/inside/inside-calls';
import type { ModelRef, WeightTensor } from '../../../src/shared/inside/inside-schemas';
import { trainingConfigSchema } from '../../../src/shared/training/config';
import { finished, trainInProcess } from '../../fixtures/training';
import { tempFolder } from '../data/temp-folder';

/** A run's weights before and after training, and the first convolution's filters. */

const temp = tempFolder('weights');
afterAll(() => temp.remove());

function template(id: string): unknown {
  return JSON.parse(readFileSync(path.join('resources', 'templates', `${id}.json`), 'utf8'));
}

async function trainedXor(learningRate: number, name: string): Promise<ModelRef> {
  const graph = template('xor-mlp');
  const data = { source: 'builtin', name: 'xor' } as const;
  const config = trainingConfigSchema.parse({
    epochs: 20,
    batchSize: 4,
    seed: 7,
    validation: { kind: 'none' },
    optimizer: { type: 'sgd', learningRate },
  });
  const outDir = temp.path(name);
  finished(await trainInProcess(graph, data, config, { outDir, backend: 'cpu' }));
  return { key: name, graph, weightsDir: outDir, training: { data, config } };
}

const total = (counts: readonly number[]) => counts.reduce((a, b) => a + b, 0);

describe('the weights of a run', () => {
  it('before training are the weights the run started from, made again from its seed', async () => {
    // A step too small to move any weight: what training ends with is what it began with.
    const weights = await insideWeights({ model: await trainedXor(1e-12, 'still') });
    const tensors = weights.layers.flatMap((l) => l.tensors);
    expect(weights.layers.map((l) => l.nodeId)).toEqual(['hidden', 'prediction']);
    expect(tensors.map((t) => `${t.name} ${t.shape.join('×')}`)).toEqual([
      'kernel 2×4',
      'bias 4',
      'kernel 4×1',
      'bias 1',
    ]);
    for (const tensor of tensors) {
      expect(tensor.before).toBeDefined();
      expect(tensor.before!.counts).toEqual(tensor.after.counts);
      expect(tensor.before!.mean).toBeCloseTo(tensor.after.mean, 9);
      expect(total(tensor.after.counts)).toBe(tensor.shape.reduce((a, b) => a * b, 1));
      expect(tensor.edges).toHaveLength(31);
    }
  }, 60_000);

  it('after real training have moved, on bins shared with the start so the two compare', async () => {
    const weights = await insideWeights({ model: await trainedXor(0.5, 'moved') });
    const kernel = weights.layers[0]!.tensors.find((t) => t.name === 'kernel') as WeightTensor;
    expect(kernel.after.counts).not.toEqual(kernel.before!.counts);
    expect(Math.abs(kernel.after.mean - kernel.before!.mean)).toBeGreaterThan(1e-3);
    // The bins span both: every weight, before and after, falls in one of them.
    expect(total(kernel.before!.counts)).toBe(8);
    expect(total(kernel.after.counts)).toBe(8);
  }, 60_000);

  it('of LeNet-5 include the first convolution’s six 5 × 5 filters, value for value', async () => {
    const weights = await insideWeights({
      model: { key: 'lenet', graph: template('lenet-5'), weightsDir: null, training: null },
    });
    expect(weights.kernels).toMatchObject({ shape: [5, 5, 1, 6] });
    const first = weights.layers[0]!;
    expect(first.nodeId).toBe(weights.kernels!.nodeId);
    const kernel = first.tensors.find((t) => t.name === 'kernel')!;
    const values = weights.kernels!.values;
    expect(values).toHaveLength(150);
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(kernel.after.mean).toBeCloseTo(mean, 6);
    expect(kernel.edges[0]).toBeCloseTo(Math.min(...values), 6);
    expect(kernel.edges.at(-1)).toBeCloseTo(Math.max(...values), 6);
    // An untrained network has no "before".
    expect(kernel.before).toBeUndefined();
  }, 60_000);
});
