import { describe, expect, it } from 'vitest';
import { kFolds, splitRows } from '../../../src/main/engine/training/splits';
import { createRandom } from '../../../src/main/data/seeded-random';
import { trainingConfigSchema } from '../../../src/shared/training/config';

const ascending = (rows: Int32Array) => rows.every((row, i) => i === 0 || rows[i - 1]! < row);

describe('splitting the examples', () => {
  it('keeps every example in the file’s order when nothing is held out', () => {
    const config = trainingConfigSchema.parse({ validation: { kind: 'none' } });
    const split = splitRows(7, config, createRandom(3));
    expect(Array.from(split.train)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(split.validation).toBeUndefined();
  });

  it('holds out random rows, but keeps the file’s order within each part', () => {
    const config = trainingConfigSchema.parse({
      validation: { kind: 'split', fraction: 0.2 },
      test: { kind: 'split', fraction: 0.3 },
    });
    const split = splitRows(20, config, createRandom(11));
    expect([split.train.length, split.validation!.length, split.test!.length]).toEqual([10, 4, 6]);
    for (const part of [split.train, split.validation!, split.test!])
      expect(ascending(part)).toBe(true);
    const all = [...split.train, ...split.validation!, ...split.test!].sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 20 }, (_, i) => i));
    // Held out at random: not simply the last rows of the file.
    expect(Array.from(split.test!)).not.toEqual([14, 15, 16, 17, 18, 19]);
    // The same seed, the same split.
    expect(splitRows(20, config, createRandom(11))).toEqual(split);
  });

  it('draws k folds at random, each validating on different rows, each in file order', () => {
    const rows = Int32Array.from({ length: 12 }, (_, i) => i);
    const folds = kFolds(rows, 3, createRandom(5));
    expect(folds).toHaveLength(3);
    const validated = folds.flatMap((f) => Array.from(f.validation)).sort((a, b) => a - b);
    expect(validated).toEqual(Array.from(rows));
    for (const fold of folds) {
      expect(ascending(fold.train) && ascending(fold.validation)).toBe(true);
      expect(fold.train.length + fold.validation.length).toBe(12);
    }
    // Not the contiguous blocks of the file (data sets sorted by class would break them).
    expect(Array.from(folds[0]!.validation)).not.toEqual([0, 1, 2, 3]);
  });
});

describe('stratified splits', () => {
  // 20 examples of class 0, then 10 of class 1, then 5 of class 2: sorted by class, as Iris is.
  const labels = Int32Array.from([...Array(20).fill(0), ...Array(10).fill(1), ...Array(5).fill(2)]);
  const counts = (rows: Int32Array) =>
    [0, 1, 2].map((c) => rows.filter((r) => labels[r] === c).length);

  it('hold out the same share of every class, each part in file order', () => {
    const config = trainingConfigSchema.parse({
      validation: { kind: 'split', fraction: 0.2 },
      test: { kind: 'split', fraction: 0.4 },
      stratify: true,
    });
    const split = splitRows(35, config, createRandom(2), labels);
    expect(counts(split.test!)).toEqual([8, 4, 2]);
    expect(counts(split.validation!)).toEqual([4, 2, 1]);
    expect(counts(split.train)).toEqual([8, 4, 2]);
    for (const part of [split.train, split.validation!, split.test!])
      expect(ascending(part)).toBe(true);
  });

  it('deal every class out over the k folds', () => {
    const rows = Int32Array.from({ length: 35 }, (_, i) => i);
    const folds = kFolds(rows, 5, createRandom(9), labels);
    for (const fold of folds) {
      expect(counts(fold.validation)).toEqual([4, 2, 1]);
      expect(fold.train.length + fold.validation.length).toBe(35);
      expect(ascending(fold.validation) && ascending(fold.train)).toBe(true);
    }
    // Without stratifying, some fold misses the smallest class's share.
    const plain = kFolds(rows, 5, createRandom(9));
    expect(plain.some((fold) => counts(fold.validation).join() !== '4,2,1')).toBe(true);
  });
});
