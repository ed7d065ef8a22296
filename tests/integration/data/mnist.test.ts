import { describe, expect, it } from 'vitest';
import { datasetSpecSchema } from '../../../src/shared/data/dataset-spec';
import { loadDataset } from '../../../src/main/data/load-dataset';
import { grayLevels, MNIST_DIGIT_COUNTS } from '../../../src/main/data/builtin/mnist';

/** MNIST from the `mnist` package: the first 10,000 images of MNIST's training set. */

const load = (limit?: number) =>
  loadDataset(
    datasetSpecSchema.parse({ source: 'builtin', name: 'mnist', ...(limit ? { limit } : {}) }),
  );

describe('MNIST', () => {
  it('10,000 digits of 28 × 28 × 1 in 0…1, with the real per-digit counts', async () => {
    const data = await load();
    expect(data.info.featureShape).toEqual([28, 28, 1]);
    expect(data.info.classNames).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(data.info.count).toBe(10_000);
    expect(data.examples.x.length).toBe(10_000 * 784);
    let min = Infinity;
    let max = -Infinity;
    for (const value of data.examples.x) {
      if (value < min) min = value;
      if (value > max) max = value;
    }
    expect([min, max]).toEqual([0, 1]);
    const counts = new Array<number>(10).fill(0);
    for (const label of data.examples.y) counts[label]! += 1;
    // How many of each digit the first 10,000 MNIST training images hold.
    expect(counts).toEqual([...MNIST_DIGIT_COUNTS]);
  });

  it('holds the real images: the first 5 is MNIST training image no. 1, pixel for pixel', async () => {
    const data = await load();
    const firstFive = data.examples.y.indexOf(5);
    const image = data.examples.x.subarray(firstFive * 784, (firstFive + 1) * 784);
    // Row 5, columns 12–23 of the famous first training image (a 5), in gray levels.
    const row = Array.from(image.subarray(5 * 28 + 12, 5 * 28 + 24), (v) => Math.round(v * 255));
    expect(row).toEqual([3, 18, 18, 18, 126, 136, 175, 26, 166, 255, 247, 127]);
    // Its first 5 rows are blank, as in the original.
    expect(image.subarray(0, 5 * 28).every((v) => v === 0)).toBe(true);
  });

  it('holds the real images: the first 0 is MNIST training image no. 2', async () => {
    const data = await load();
    const firstZero = data.examples.y.indexOf(0);
    const image = data.examples.x.subarray(firstZero * 784, (firstZero + 1) * 784);
    const row = Array.from(image.subarray(4 * 28 + 15, 4 * 28 + 20), (v) => Math.round(v * 255));
    expect(row).toEqual([51, 159, 253, 159, 50]);
  });

  it('restores exact gray levels (the package rounds them to 3 decimals)', async () => {
    const data = await load(100);
    for (const value of data.examples.x)
      expect(Math.abs(value * 255 - Math.round(value * 255))).toBeLessThan(1e-4);
  });

  it('limit keeps the first N, and every digit keeps its share', async () => {
    const data = await load(100);
    expect(data.info.count).toBe(100);
    expect(data.examples.x.length).toBe(100 * 784);
    const counts = new Array<number>(10).fill(0);
    for (const label of data.examples.y) counts[label]! += 1;
    for (const [digit, count] of counts.entries()) {
      expect(Math.abs(count - MNIST_DIGIT_COUNTS[digit]! / 100)).toBeLessThanOrEqual(1);
    }
    const all = await load();
    expect(Array.from(all.examples.y.subarray(0, 100))).toEqual(Array.from(data.examples.y));
    expect(Array.from(all.examples.x.subarray(0, 784 * 100))).toEqual(Array.from(data.examples.x));
  });

  it('reads the package format without JSON.parse, and falls back to it for anything else', () => {
    expect(Array.from(grayLevels('{ "data": [0,0.2,1,0.624] }'))).toEqual([0, 51, 255, 159]);
    expect(Array.from(grayLevels('{"data":[0, 1e0, 0.5]}'))).toEqual([0, 255, 128]);
  });
});
