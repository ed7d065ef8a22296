import Papa from 'papaparse';
import type { LoadedDataset } from '../types';
import { meanAndSpread, readVegaDataset } from './vega-datasets';

export const CO2_DEFAULTS = { steps: 12 } as const;

/**
 * A real time series: the monthly CO₂ concentration at Mauna Loa, Hawaii, from 1958 to 2020
 * (the Scripps CO₂ Program, CC BY 4.0, via vega-datasets). Each example is `steps`
 * consecutive months, shape (steps, 1); the target is the next month. Values are standardized
 * with the training windows' mean and spread (learnt after the split); the notes give both, so
 * a prediction reads back in parts per million, and the error of the naive forecast "next
 * month equals this month" that a network should beat.
 */
export async function co2(options: { steps?: number } = {}): Promise<LoadedDataset> {
  const steps = options.steps ?? CO2_DEFAULTS.steps;
  const parsed = Papa.parse<{ Date: string; CO2: number }>(
    await readVegaDataset('co2-concentration.csv', 'CO₂'),
    { header: true, dynamicTyping: true, skipEmptyLines: true },
  );
  const series = Float64Array.from(
    parsed.data.filter((row) => typeof row.CO2 === 'number'),
    (row) => row.CO2,
  );
  const count = Math.max(0, series.length - steps);
  const x = new Float32Array(count * steps);
  const y = new Float32Array(count);
  const scale = (mean: number, spread: number) => {
    for (let i = 0; i < count; i += 1) {
      for (let t = 0; t < steps; t += 1) x[i * steps + t] = (series[i + t]! - mean) / spread;
      y[i] = (series[i + steps]! - mean) / spread;
    }
  };
  scale(0, 1);
  const info = {
    title: 'CO₂ at Mauna Loa, monthly',
    task: 'regression' as const,
    featureShape: [steps, 1],
    featureType: 'float32' as const,
    targetSize: 1,
    targetNames: ['next month'],
    count,
    notes: [
      `${series.length} monthly CO₂ readings at Mauna Loa, 1958 to 2020 (parts per million): windows of ${steps} months; predict the next month.`,
    ],
  };
  return {
    info,
    examples: { count, x, y },
    fitOnTrainingRows(trainRows) {
      const seen = new Float64Array(trainRows.length * steps);
      trainRows.forEach((row, i) => seen.set(series.subarray(row, row + steps), i * steps));
      const { mean, spread } = meanAndSpread(seen);
      scale(mean, spread);
      let naive = 0;
      for (const row of trainRows) naive += (y[row]! - x[row * steps + steps - 1]!) ** 2;
      info.notes.push(
        `Values are standardized with the training windows' mean ${mean.toFixed(1)} ppm and spread ${spread.toFixed(1)} ppm: x = (ppm − ${mean.toFixed(1)}) / ${spread.toFixed(1)}.`,
        `Baseline: guessing that next month equals this month gives a mean squared error of ${(naive / Math.max(1, trainRows.length)).toFixed(4)} on the training windows (standardized units); a network that has learnt the trend and the seasons does better.`,
      );
    },
  };
}
