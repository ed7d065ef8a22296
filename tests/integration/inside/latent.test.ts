import { afterAll, describe, expect, it } from 'vitest';
import { openInsideModel } from '../../../src/main/engine/inside/inside-model';
import { latentSpace } from '../../../src/main/engine/inside/latent';
import { predictValues } from '../../../src/main/engine/inside/predict';
import { loadRunData, partOf } from '../../../src/main/engine/inside/run-data';
import { nodeValue } from '../../../src/main/engine/inside/run-graph';
import { gatherFeatures } from '../../../src/main/engine/training/batches';
import { datasetSpecSchema } from '../../../src/shared/data/dataset-spec';
import { chain } from '../../fixtures/build-graph';
import { tempFolder } from '../data/temp-folder';

/** Latent space: where a layer puts each example, and an autoencoder's most unusual ones. */

const temp = tempFolder('latent');
afterAll(() => temp.remove());

const autoencoder = chain(
  { form: 'vector', shape: [4] },
  [
    ['Dense', { units: 2, activation: 'linear' }],
    ['Dense', { units: 4, activation: 'linear' }],
  ],
  { task: 'reconstruction', loss: 'meanSquaredError' },
);

describe('the latent space', () => {
  it('of a 2-unit bottleneck is exactly the layer’s values, coloured by class, with the worst rebuilt examples first', async () => {
    const model = openInsideModel(autoencoder, undefined, 2);
    try {
      const data = await loadRunData(model, { source: 'builtin', name: 'iris' });
      const latent = latentSpace(model, data, { part: 'all', limit: 150 });
      // The narrowest layer is the bottleneck.
      expect(latent).toMatchObject({ nodeId: 'l1', method: 'values' });
      expect(latent.points).toHaveLength(150);
      const { source, rows } = partOf(data, 'all');
      for (const i of [0, 77, 149]) {
        const example = gatherFeatures(source, [rows[i]!]);
        const code = nodeValue(model, example, 'l1').values;
        expect(latent.points[i]!.x).toBeCloseTo(code[0]!, 6);
        expect(latent.points[i]!.y).toBeCloseTo(code[1]!, 6);
        expect(latent.points[i]!.label).toBe(data.dataset.examples.y[rows[i]!]);
      }
      // Outliers: the largest reconstruction errors, largest first, each as predicted.
      const outliers = latent.outliers!;
      expect(outliers).toHaveLength(12);
      const errors = outliers.map((o) => o.error);
      expect(errors).toEqual([...errors].sort((a, b) => b - a));
      const worst = gatherFeatures(source, [rows[outliers[0]!.index]!]);
      const rebuilt = predictValues(model, worst, 1)[0]!;
      const mse = rebuilt.reduce((sum, v, k) => sum + (v - worst[k]!) ** 2, 0) / 4;
      expect(outliers[0]!.error).toBeCloseTo(mse, 5);
      // Each comes with the example and its reconstruction, to be shown side by side.
      expect(outliers[0]!.values).toEqual(Array.from(worst));
      outliers[0]!.rebuilt!.forEach((v, k) => expect(v).toBeCloseTo(rebuilt[k]!, 5));
    } finally {
      model.dispose();
    }
  });

  it('of a wider layer is its first two principal components, with the variance each holds', async () => {
    // Points on the line t·(1, 2, 0) plus a little noise across it: one direction holds
    // nearly all the variance, and the first component is that line.
    const lines = ['a,b,c,label'];
    for (let i = 0; i < 50; i += 1) {
      const t = i / 10 - 2.5;
      const wobble = (i % 2 === 0 ? 1 : -1) * 0.05;
      lines.push(`${t + 2 * wobble},${2 * t - wobble},${wobble},0`);
    }
    const path = temp.write('line.csv', `${lines.join('\n')}\n`);
    const identity = chain(
      { form: 'vector', shape: [3] },
      [['Activation', { activation: 'linear' }]],
      { task: 'reconstruction', loss: 'meanSquaredError' },
    );
    const model = openInsideModel(identity);
    try {
      const data = await loadRunData(
        model,
        datasetSpecSchema.parse({
          source: 'csv',
          path,
          target: 'label',
          task: 'regression',
          scaling: 'none',
        }),
      );
      const latent = latentSpace(model, data, { nodeId: 'l1', part: 'all', limit: 100 });
      expect(latent.method).toBe('pca');
      expect(latent.explained![0]).toBeGreaterThan(0.99);
      expect(latent.explained![0] + latent.explained![1]).toBeLessThanOrEqual(1 + 1e-6);
      // Along the first component each point sits at ±(t − mean t)·√5; t runs from −2.5 to
      // 2.4, so its mean is −0.05.
      const sign = Math.sign(latent.points[49]!.x);
      latent.points.forEach((point, i) =>
        expect(point.x * sign).toBeCloseTo((i / 10 - 2.5 + 0.05) * Math.sqrt(5), 3),
      );
      // An identity rebuilds everything: no example is unusual.
      expect(Math.max(...latent.outliers!.map((o) => o.error))).toBeLessThan(1e-10);
    } finally {
      model.dispose();
    }
  });
});
