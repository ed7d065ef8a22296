import { describe, expect, it } from 'vitest';
import { BUILT_IN_DATASETS } from '../../../src/shared/data/dataset-spec';
import type { DatasetSpecInput } from '../../../src/shared/data/dataset-spec';
import { datasetInfoSchema } from '../../../src/shared/data/dataset-info';
import type { DatasetInfo } from '../../../src/shared/data/dataset-info';
import { datasetSpecSchema } from '../../../src/shared/data/dataset-spec';
import { describeBuiltInDatasets, loadDataset } from '../../../src/main/data/load-dataset';
import type { LoadedDataset } from '../../../src/main/data/types';
import { createRandom } from '../../../src/main/data/seeded-random';
import { planTargets } from '../../../src/main/data/target-plan';

/** The built-in data sets: shapes, counts, balance and reproducibility. */

type BuiltIn = Extract<DatasetSpecInput, { source: 'builtin' }>;

function load(name: BuiltIn['name'], options: Omit<BuiltIn, 'source' | 'name'> = {}) {
  return loadDataset(datasetSpecSchema.parse({ source: 'builtin', name, ...options }));
}

function classCounts(data: LoadedDataset): number[] {
  const counts = new Array<number>(data.info.classNames?.length ?? 0).fill(0);
  for (const label of data.examples.y) counts[label] = (counts[label] ?? 0) + 1;
  return counts;
}

/** Every array has the length the info promises, and nothing is NaN. */
function expectConsistent(data: LoadedDataset): void {
  expect(() => datasetInfoSchema.parse(data.info)).not.toThrow();
  const size = data.info.featureShape.reduce((a, b) => a * b, 1);
  expect(data.examples.count).toBe(data.info.count);
  expect(data.examples.x.length).toBe(data.info.count * size);
  const targets = data.info.task === 'classification' ? 1 : data.info.targetSize;
  expect(data.examples.y.length).toBe(data.info.count * targets);
  expect(data.examples.x.every(Number.isFinite)).toBe(true);
  expect(data.examples.y.every(Number.isFinite)).toBe(true);
  if (data.info.task === 'classification') {
    const classes = data.info.classNames?.length ?? 0;
    expect(data.examples.y.every((label) => label >= 0 && label < classes)).toBe(true);
    expect(data.examples.y).toBeInstanceOf(Int32Array);
  }
}

describe('seeded random', () => {
  it('repeats for a seed and differs between seeds', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const c = createRandom(43);
    const first = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(first);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(first);
    expect(first.every((value) => value >= 0 && value < 1)).toBe(true);
  });

  it('draws normal numbers with the asked mean and spread', () => {
    const random = createRandom(7);
    const values = Array.from({ length: 20_000 }, () => random.gaussian(3, 2));
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const spread = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
    expect(mean).toBeCloseTo(3, 1);
    expect(spread).toBeCloseTo(2, 1);
  });

  it('shuffles typed arrays in place, reproducibly, keeping every element', () => {
    const order = Int32Array.from({ length: 100 }, (_, i) => i);
    const shuffled = createRandom(1).shuffleInPlace(order.slice());
    expect(shuffled).not.toEqual(order);
    expect(Array.from(shuffled).sort((a, b) => a - b)).toEqual(Array.from(order));
    expect(createRandom(1).shuffleInPlace(order.slice())).toEqual(shuffled);
  });
});

describe('logic gates', () => {
  it.each([
    ['and', [0, 0, 0, 1]],
    ['or', [0, 1, 1, 1]],
    ['xor', [0, 1, 1, 0]],
  ] as const)('%s: the 4 rows of its truth table', async (name, outputs) => {
    const data = await load(name);
    expectConsistent(data);
    expect(data.info.featureShape).toEqual([2]);
    expect(data.info.classNames).toEqual(['0', '1']);
    expect(Array.from(data.examples.x)).toEqual([0, 0, 0, 1, 1, 0, 1, 1]);
    expect(Array.from(data.examples.y)).toEqual(outputs);
  });
});

describe('toy 2-D sets', () => {
  const names = ['circle', 'xor-quadrants', 'gaussians', 'spiral', 'moons'] as const;

  it.each(names)('%s: 200 balanced points of 2 features by default', async (name) => {
    const data = await load(name);
    expectConsistent(data);
    expect(data.info.featureShape).toEqual([2]);
    expect(data.info.featureNames).toEqual(['x1', 'x2']);
    expect(data.info.count).toBe(200);
    expect(classCounts(data)).toEqual([100, 100]);
  });

  it.each(names)('%s: the same seed gives the same points, another seed others', async (name) => {
    const a = await load(name, { seed: 5, samples: 50, noise: 0.2 });
    const b = await load(name, { seed: 5, samples: 50, noise: 0.2 });
    const c = await load(name, { seed: 6, samples: 50, noise: 0.2 });
    expect(a.examples.x).toEqual(b.examples.x);
    expect(a.examples.y).toEqual(b.examples.y);
    expect(c.examples.x).not.toEqual(a.examples.x);
    expect(a.info.count).toBe(50);
  });

  it.each(names)(
    '%s: learnable at the default noise (a 5-nearest-neighbour vote is right)',
    async (name) => {
      const data = await load(name, { samples: 400 });
      expect(nearestNeighbourAccuracy(data, 5)).toBeGreaterThan(0.9);
    },
  );

  it('more noise scatters the points further', async () => {
    const spread = async (noise: number) => {
      const data = await load('circle', { noise, samples: 400 });
      return Math.max(...Array.from(data.examples.x, Math.abs));
    };
    expect(await spread(1)).toBeGreaterThan((await spread(0)) + 1);
  });

  it('circle: class 1 is inside, class 0 outside when there is no noise', async () => {
    const data = await load('circle', { noise: 0 });
    for (let i = 0; i < data.info.count; i += 1) {
      const radius = Math.hypot(data.examples.x[2 * i] ?? 0, data.examples.x[2 * i + 1] ?? 0);
      if (data.examples.y[i] === 1) expect(radius).toBeLessThanOrEqual(0.5);
      else expect(radius).toBeGreaterThanOrEqual(0.7 - 1e-6);
    }
  });

  it('xor-quadrants: class 1 where the signs agree when there is no noise', async () => {
    const data = await load('xor-quadrants', { noise: 0 });
    for (let i = 0; i < data.info.count; i += 1) {
      const product = (data.examples.x[2 * i] ?? 0) * (data.examples.x[2 * i + 1] ?? 0);
      expect(product > 0 ? 1 : 0).toBe(data.examples.y[i]);
    }
  });
});

/** Leave-one-out k-NN accuracy: how separable the classes are. */
function nearestNeighbourAccuracy(data: LoadedDataset, k: number): number {
  const { x, y, count } = data.examples;
  let right = 0;
  for (let i = 0; i < count; i += 1) {
    const distances: [number, number][] = [];
    for (let j = 0; j < count; j += 1) {
      if (j === i) continue;
      distances.push([(x[2 * i]! - x[2 * j]!) ** 2 + (x[2 * i + 1]! - x[2 * j + 1]!) ** 2, y[j]!]);
    }
    distances.sort((a, b) => a[0] - b[0]);
    const votes = distances.slice(0, k).reduce((sum, [, label]) => sum + label, 0);
    if ((votes > k / 2 ? 1 : 0) === y[i]) right += 1;
  }
  return right / count;
}

describe('iris', () => {
  it('150 flowers, 4 named measurements, 3 species of 50', async () => {
    const data = await load('iris');
    expectConsistent(data);
    expect(data.info.featureShape).toEqual([4]);
    expect(data.info.featureNames).toHaveLength(4);
    expect(data.info.classNames).toEqual(['setosa', 'versicolor', 'virginica']);
    expect(classCounts(data)).toEqual([50, 50, 50]);
    // The first row of Fisher's table.
    expect(Array.from(data.examples.x.subarray(0, 4))).toEqual(
      [5.1, 3.5, 1.4, 0.2].map(Math.fround),
    );
    expect(data.examples.y[0]).toBe(0);
  });
});

describe('sine forecast', () => {
  it('windows of (steps, 1) with the next value as target', async () => {
    const data = await load('sine');
    expectConsistent(data);
    expect(data.info.task).toBe('regression');
    expect(data.info.featureShape).toEqual([20, 1]);
    expect(data.info.targetSize).toBe(1);
    expect(data.info.count).toBe(1000);
    const short = await load('sine', { steps: 5, samples: 30 });
    expect(short.info.featureShape).toEqual([5, 1]);
    expect(short.examples.x.length).toBe(150);
  });

  it('without noise, the target continues the same sine wave', async () => {
    const data = await load('sine', { noise: 0, steps: 10, samples: 50 });
    for (let i = 0; i < 50; i += 1) {
      const series = [
        ...Array.from(data.examples.x.subarray(i * 10, i * 10 + 10)),
        data.examples.y[i]!,
      ];
      // A sine wave obeys s[t+1] = 2·cos(ω)·s[t] − s[t−1]; find 2·cos(ω) from the window.
      let numerator = 0;
      let denominator = 0;
      for (let t = 1; t < 9; t += 1) {
        numerator += series[t]! * (series[t + 1]! + series[t - 1]!);
        denominator += series[t]! ** 2;
      }
      const twoCos = numerator / denominator;
      expect(series[10]!).toBeCloseTo(twoCos * series[9]! - series[8]!, 3);
    }
  });

  it('reports the "repeat the last value" baseline, which is far from perfect', async () => {
    const data = await load('sine');
    const { x, y } = data.examples;
    let error = 0;
    for (let i = 0; i < 1000; i += 1) error += (y[i]! - x[i * 20 + 19]!) ** 2;
    const baseline = error / 1000;
    expect(data.info.notes.join(' ')).toContain(`mean squared error of ${baseline.toFixed(4)}`);
    expect(baseline).toBeGreaterThan(0.05);
  });

  it('is reproducible for a seed', async () => {
    const a = await load('sine', { seed: 3 });
    const b = await load('sine', { seed: 3 });
    expect(a.examples.x).toEqual(b.examples.x);
    expect(a.examples.y).toEqual(b.examples.y);
  });
});

describe('parity', () => {
  it('bits of shape (8, 1), labelled by the parity of the ones, balanced', async () => {
    const data = await load('parity');
    expectConsistent(data);
    expect(data.info.featureShape).toEqual([8, 1]);
    expect(classCounts(data)).toEqual([500, 500]);
    for (let i = 0; i < data.info.count; i += 1) {
      const bits = Array.from(data.examples.x.subarray(i * 8, i * 8 + 8));
      expect(bits.every((bit) => bit === 0 || bit === 1)).toBe(true);
      expect(bits.reduce((a, b) => a + b, 0) % 2).toBe(data.examples.y[i]);
    }
  });

  it('varies the bits, not just the label', async () => {
    const data = await load('parity', { steps: 12, samples: 400 });
    const distinct = new Set<string>();
    for (let i = 0; i < 400; i += 1)
      distinct.add(data.examples.x.subarray(i * 12, i * 12 + 12).join(''));
    expect(distinct.size).toBeGreaterThan(350);
    // Each position is a 1 about half of the time.
    for (let t = 0; t < 12; t += 1) {
      let ones = 0;
      for (let i = 0; i < 400; i += 1) ones += data.examples.x[i * 12 + t]!;
      expect(ones / 400).toBeGreaterThan(0.4);
      expect(ones / 400).toBeLessThan(0.6);
    }
  });

  it('is reproducible for a seed', async () => {
    const a = await load('parity', { seed: 9 });
    const b = await load('parity', { seed: 9 });
    expect(a.examples.x).toEqual(b.examples.x);
  });
});

describe('the built-in catalog', () => {
  it('describes every built-in, matching what loading gives', async () => {
    const described = describeBuiltInDatasets();
    expect(described.map((d) => d.name)).toEqual([...BUILT_IN_DATASETS]);
    for (const entry of described) {
      expect(entry.title).not.toBe('');
      expect(entry.description).toMatch(/^[A-Z0-9].*\.$/);
      const data = await load(entry.name);
      expect(data.info.task).toBe(entry.task);
      expect(data.info.featureShape).toEqual(entry.featureShape);
      expect(data.info.count).toBe(entry.count);
      if (entry.classNames) expect(data.info.classNames).toEqual(entry.classNames);
    }
  });
});

describe('reverse: sequence-to-sequence pairs', () => {
  it('gives each sequence of digits with the same digits backwards as its target', async () => {
    const data = await load('reverse');
    expect(data.info).toMatchObject({ targetShape: [10, 1], targetSize: 10, count: 2000 });
    for (const i of [0, 1, 1999]) {
      const x = Array.from(data.examples.x.subarray(i * 10, i * 10 + 10));
      const y = Array.from(data.examples.y.subarray(i * 10, i * 10 + 10));
      expect(y).toEqual([...x].reverse());
      expect(x.every((v) => Number.isInteger(Math.round(v * 9)) && v >= 0 && v <= 1)).toBe(true);
    }
  });

  it('asks for a network that ends with a sequence, and says how to get one', () => {
    const info: DatasetInfo = {
      title: 'Reverse a sequence',
      task: 'regression',
      featureShape: [10, 1],
      featureType: 'float32',
      targetSize: 10,
      targetShape: [10, 1],
      count: 5,
      notes: [],
    };
    const input = { name: 'Input "x"', info: { shape: [10, 1], dtype: 'float32' } } as const;
    const output = (shape: number[]) =>
      ({ name: 'Output "y"', task: 'regression', loss: 'meanSquaredError', shape }) as const;
    expect(planTargets(info, input, output([10, 1]))).toMatchObject({
      ok: true,
      plan: { encoding: { kind: 'values', size: 10, shape: [10, 1] } },
    });
    const refused = planTargets(info, input, output([10]));
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.message).toMatch(/sequence to predict.*10×1.*returns sequences/);
  });
});
