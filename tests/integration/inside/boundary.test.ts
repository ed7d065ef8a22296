import { describe, expect, it } from 'vitest';
import { decisionBoundary } from '../../../src/main/engine/inside/boundary';
import { openInsideModel } from '../../../src/main/engine/inside/inside-model';
import { predictValues } from '../../../src/main/engine/inside/predict';
import { loadRunData } from '../../../src/main/engine/inside/run-data';
import { nodeValue } from '../../../src/main/engine/inside/run-graph';
import { chain } from '../../fixtures/build-graph';

/** The decision boundary: the network's answer over the plane, point by point. */

const plane = chain(
  { form: 'vector', shape: [2] },
  [
    ['Dense', { units: 4, activation: 'tanh' }],
    ['Dense', { units: 1, activation: 'sigmoid' }],
  ],
  { task: 'classification', loss: 'binaryCrossentropy' },
);

describe('the decision boundary', () => {
  it('is the network’s output at every grid point over the data, with the points and the first layer’s units', async () => {
    const model = openInsideModel(plane, undefined, 3);
    try {
      const data = await loadRunData(model, { source: 'builtin', name: 'circle' });
      const boundary = decisionBoundary(model, data, 20);
      expect(boundary.size).toBe(20);
      expect(boundary.values).toHaveLength(400);
      expect(boundary.shows).toBe('second-class-probability');
      // The grid spans every data point.
      for (const point of boundary.points) {
        expect(point.x).toBeGreaterThan(boundary.x[0]);
        expect(point.x).toBeLessThan(boundary.x[1]);
        expect(point.y).toBeGreaterThan(boundary.y[0]);
        expect(point.y).toBeLessThan(boundary.y[1]);
      }
      expect(boundary.points).toHaveLength(data.dataset.examples.count);
      expect(new Set(boundary.points.map((p) => p.label))).toEqual(new Set([0, 1]));
      // Row 7, column 12 of the grid is the point (x₁₂, y₇): the same answer as predicting it.
      const at = (range: readonly [number, number], i: number) =>
        range[0] + ((range[1] - range[0]) * i) / 19;
      const point = Float32Array.of(at(boundary.x, 12), at(boundary.y, 7));
      expect(boundary.values[7 * 20 + 12]).toBeCloseTo(predictValues(model, point, 1)[0]![0]!, 6);
      // Each unit of the first layer over the same grid.
      expect(boundary.units?.layer).toBe('l1');
      expect(boundary.units?.values).toHaveLength(4);
      const hidden = nodeValue(model, point, 'l1').values;
      boundary.units!.values.forEach((unit, k) =>
        expect(unit[7 * 20 + 12]).toBeCloseTo(hidden[k]!, 6),
      );
    } finally {
      model.dispose();
    }
  });

  it('says it needs two input features', async () => {
    const model = openInsideModel(
      chain({ form: 'vector', shape: [4] }, [['Dense', { units: 3, activation: 'softmax' }]], {
        task: 'classification',
        loss: 'categoricalCrossentropy',
      }),
    );
    try {
      const data = await loadRunData(model, { source: 'builtin', name: 'iris' });
      expect(() => decisionBoundary(model, data, 10)).toThrow(
        'The decision boundary is drawn over a plane, for data with two input features; Input "x" reads 4 values.',
      );
    } finally {
      model.dispose();
    }
  });
});
