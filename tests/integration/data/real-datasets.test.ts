import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/main/data/load-dataset';
import { allRows } from '../../../src/main/engine/training/batches';
import { describeBuiltInDatasets } from '../../../src/main/data/load-dataset';
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

  it('name their source and licence for the data panel', () => {
    for (const entry of describeBuiltInDatasets()) {
      expect(entry.source, entry.name).toMatch(/\S/);
      expect(entry.licence, entry.name).toMatch(/\S/);
    }
    const co2 = describeBuiltInDatasets().find((d) => d.name === 'co2')!;
    expect(co2.licence).toContain('CC BY 4.0');
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
