import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/main/data/load-dataset';
import { allRows } from '../../../src/main/engine/training/batches';
import { describeBuiltInDatasets } from '../../../src/main/data/load-dataset';
import { buildPreview } from '../../../src/main/services/datasets/preview';
import { finished, template, trainInProcess } from '../../fixtures/training';

/** The real data sets that come with Neurite (vega-datasets), as a student would check them. */
describe('real built-in data sets', () => {
  it('cars: 392 cars, horsepower standardized on the training rows, miles per gallon as measured', async () => {
    const cars = await loadDataset({ source: 'builtin', name: 'cars' });
    expect(cars.info).toMatchObject({ task: 'regression', featureShape: [1], count: 392 });
    // The first car of the table: the 1970 Chevrolet Chevelle Malibu, 130 hp, 18 mpg.
    expect(cars.examples.x[0]).toBe(130);
    expect(cars.examples.y[0]).toBe(18);
    cars.fitOnTrainingRows!(allRows(392));
    const x = Array.from(cars.examples.x);
    const mean = x.reduce((a, b) => a + b, 0) / x.length;
    const spread = Math.sqrt(x.reduce((a, b) => a + (b - mean) ** 2, 0) / x.length);
    expect(mean).toBeCloseTo(0, 4);
    expect(spread).toBeCloseTo(1, 4);
    expect(cars.examples.y[0]).toBe(18);
    expect(cars.info.notes.join(' ')).toMatch(/mean 104\.5 and spread 38\.4/);
  });

  it('cereals: the 80 Cereals rows with a sugars figure, sugars and calories as printed', async () => {
    const cereals = await loadDataset({ source: 'builtin', name: 'cereals' });
    expect(cereals.info).toMatchObject({ task: 'regression', featureShape: [1], count: 76 });
    // 100% Bran first (6 g, 70 calories), Wheaties Honey Gold last (8 g, 110 calories).
    expect([cereals.examples.x[0], cereals.examples.y[0]]).toEqual([6, 70]);
    expect([cereals.examples.x[75], cereals.examples.y[75]]).toEqual([8, 110]);
    // The least-squares line is the course's: w ≈ 2.5 calories per gram, b ≈ 90 calories.
    const x = Array.from(cereals.examples.x);
    const y = Array.from(cereals.examples.y);
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    const [mx, my] = [mean(x), mean(y)];
    const w =
      x.reduce((sum, xi, i) => sum + (xi - mx) * (y[i]! - my), 0) /
      x.reduce((sum, xi) => sum + (xi - mx) ** 2, 0);
    expect(w).toBeCloseTo(2.536, 3);
    expect(my - w * mx).toBeCloseTo(89.16, 2);
    expect('fitOnTrainingRows' in cereals).toBe(false);
  });

  it('gd-steps: the slides’ three points in their order, unscaled', async () => {
    const points = await loadDataset({ source: 'builtin', name: 'gd-steps' });
    expect(points.info).toMatchObject({ task: 'regression', featureShape: [1], count: 3 });
    expect(Array.from(points.examples.x)).toEqual([2, 1, 3]);
    expect(Array.from(points.examples.y)).toEqual([4, 2, 6]);
  });

  it('penguins: 333 penguins, three measurements standardized on the training rows, female or male', async () => {
    const penguins = await loadDataset({ source: 'builtin', name: 'penguins' });
    expect(penguins.info).toMatchObject({
      task: 'classification',
      featureShape: [3],
      classNames: ['female', 'male'],
      featureNames: ['bill length (mm)', 'bill depth (mm)', 'body mass (g)'],
      count: 333,
    });
    // The first penguin of the table: an Adélie male on Torgersen, 39.1 mm, 18.7 mm, 3,750 g.
    expect(Array.from(penguins.examples.x.subarray(0, 3))).toEqual([
      expect.closeTo(39.1, 4),
      expect.closeTo(18.7, 4),
      3750,
    ]);
    expect(penguins.examples.y[0]).toBe(1);
    const males = Array.from(penguins.examples.y).filter((sex) => sex === 1).length;
    expect(males).toBe(168);
    penguins.fitOnTrainingRows!(allRows(333));
    const mass = Array.from({ length: 333 }, (_, i) => penguins.examples.x[i * 3 + 2]!);
    expect(mass.reduce((a, b) => a + b, 0) / 333).toBeCloseTo(0, 4);
    expect(penguins.info.notes.join(' ')).toMatch(/body mass \(g\) mean 4207\.1/);
  });

  it('co2: a year of months before each next month, from 315.70 ppm in March 1958', async () => {
    const co2 = await loadDataset({ source: 'builtin', name: 'co2' });
    expect(co2.info).toMatchObject({ task: 'regression', featureShape: [12, 1], count: 729 });
    // Before fitting, in parts per million: the first window starts with the first reading,
    // and its target, the 13th reading, is the last month of the second window.
    expect(co2.examples.x[0]).toBeCloseTo(315.7, 4);
    expect(co2.examples.y[0]).toBeCloseTo(co2.examples.x[1 * 12 + 11]!, 4);
    const withSteps = await loadDataset({ source: 'builtin', name: 'co2', steps: 24 });
    expect(withSteps.info.featureShape).toEqual([24, 1]);
    expect(withSteps.info.count).toBe(741 - 24);
    co2.fitOnTrainingRows!(allRows(729));
    expect(Math.abs(co2.examples.x[0]!)).toBeLessThan(2);
    expect(co2.info.notes.join(' ')).toMatch(
      /Baseline: guessing that next month equals this month/,
    );
  });

  it('reviews: 3,000 hand-labelled sentences as 40 word ids, the vocabulary learnt from the training rows', async () => {
    const spec = { source: 'builtin', name: 'reviews' } as const;
    const reviews = await loadDataset(spec);
    expect(reviews.info).toMatchObject({
      task: 'classification',
      featureShape: [40],
      featureType: 'int32',
      classNames: ['negative', 'positive'],
      count: 3000,
      vocabularySize: 2000,
    });
    const labels = Array.from(reviews.examples.y);
    expect(labels.filter((label) => label === 1)).toHaveLength(1500);
    // Sites in turn: Amazon's, IMDb's and Yelp's first sentences, as the UCI files have them.
    expect(reviews.texts!.slice(0, 3)).toEqual([
      'So there is no way for me to plug it in here in the US unless I go by a converter.',
      'A very, very, very slow-moving, aimless movie about a distressed, drifting young man.',
      'Wow... Loved this place.',
    ]);
    expect(labels.slice(0, 3)).toEqual([0, 0, 1]);
    const words = reviews.info.frequentWords!;
    expect(words).toHaveLength(100);
    expect(words[0]).toBe('the');
    // "Wow... Loved this place." is padded at the start: 36 zeros, then its four words' ids.
    const third = Array.from(reviews.examples.x.subarray(2 * 40, 3 * 40));
    expect(third.slice(0, 36).every((id) => id === 0)).toBe(true);
    expect(third[38]).toBe(2 + words.indexOf('this'));

    // Fitted on the first 30 sentences only, a word none of them has becomes 1 (unknown).
    reviews.fitOnTrainingRows!(allRows(30));
    const refitted = reviews.info.frequentWords!;
    expect(refitted[0]).toBe('the');
    const unseen = reviews.texts!.findIndex((text, i) => i >= 30 && /\bdelicious\b/i.test(text));
    expect(unseen).toBeGreaterThan(30);
    expect(refitted).not.toContain('delicious');
    const ids = Array.from(reviews.examples.x.subarray(unseen * 40, (unseen + 1) * 40));
    expect(ids).toContain(1);

    const preview = await buildPreview(spec, await loadDataset(spec));
    expect(preview).toMatchObject({ kind: 'table', columns: ['#', 'text', 'word ids', 'class'] });
    if (preview.kind !== 'table') throw new Error('a table');
    // Classes in turn, each row with its text, its ids without padding and its label.
    expect(preview.rows[0]).toEqual([
      1,
      reviews.texts![0],
      expect.stringMatching(/^\d+( \d+)+$/),
      'negative',
    ]);
    expect(preview.rows[1]![3]).toBe('positive');
  });

  it('name their source and licence for the data panel', () => {
    for (const entry of describeBuiltInDatasets()) {
      expect(entry.source, entry.name).toMatch(/\S/);
      expect(entry.licence, entry.name).toMatch(/\S/);
    }
    const co2 = describeBuiltInDatasets().find((d) => d.name === 'co2')!;
    expect(co2.licence).toContain('CC BY 4.0');
    const reviews = describeBuiltInDatasets().find((d) => d.name === 'reviews')!;
    expect(reviews.source).toContain('Kotzias');
    expect(reviews.licence).toContain('CC BY 4.0');
    const penguins = describeBuiltInDatasets().find((d) => d.name === 'penguins')!;
    expect(penguins.licence).toContain('CC0');
    const cereals = describeBuiltInDatasets().find((d) => d.name === 'cereals')!;
    expect(cereals.source).toContain('1993 ASA Statistical Graphics exposition');
    expect(cereals.licence).toBe('Public data.');
  });

  it('co2: a recurrent network learns to forecast it better than it started', async () => {
    const run = await trainInProcess(
      template('simple-rnn-sequence'),
      { source: 'builtin', name: 'co2', steps: 20 },
      { epochs: 5, batchSize: 32, optimizer: { type: 'adam', learningRate: 0.01 } },
    );
    const epochs = finished(run) && run.epochs;
    expect(epochs.at(-1)!.validation!.loss).toBeLessThan(epochs[0]!.validation!.loss);
  });
});
