import type { LoadedDataset } from '../types';
import { meanAndSpread, readVegaDataset } from './vega-datasets';

interface CarRow {
  readonly Name: string;
  readonly Miles_per_Gallon: number | null;
  readonly Horsepower: number | null;
}

/**
 * A real regression data set: the horsepower of 392 cars of the 1970s and early 1980s, and
 * how many miles each goes on a gallon (StatLib's auto-mpg, via vega-datasets). The course's
 * linear unit ŷ = w·x + b fits it with a straight line; the curve in it is a reason for a
 * hidden layer. Cars without both numbers are left out. Horsepower is standardized with the
 * training rows' mean and spread (learnt after the split, so nothing leaks from validation);
 * miles per gallon stay as they are, so errors read in miles per gallon.
 */
export async function cars(): Promise<LoadedDataset> {
  const rows = (JSON.parse(await readVegaDataset('cars.json', 'cars')) as CarRow[]).filter(
    (car) => typeof car.Horsepower === 'number' && typeof car.Miles_per_Gallon === 'number',
  );
  const count = rows.length;
  const horsepower = Float32Array.from(rows, (car) => car.Horsepower!);
  const x = Float32Array.from(horsepower);
  const y = Float32Array.from(rows, (car) => car.Miles_per_Gallon!);
  const info = {
    title: 'Cars: horsepower → miles per gallon',
    task: 'regression' as const,
    featureShape: [1],
    featureType: 'float32' as const,
    featureNames: ['horsepower (standardized)'],
    targetSize: 1,
    targetNames: ['miles per gallon'],
    count,
    notes: [
      `${count} cars from 1970 to 1982 (StatLib's auto-mpg data; 6 cars without a horsepower figure are left out): from a car's horsepower, predict how many miles it goes on a US gallon.`,
    ],
  };
  return {
    info,
    examples: { count, x, y },
    fitOnTrainingRows(trainRows) {
      const { mean, spread } = meanAndSpread(Array.from(trainRows, (row) => horsepower[row]!));
      for (let i = 0; i < count; i += 1) x[i] = (horsepower[i]! - mean) / spread;
      info.notes.push(
        `Horsepower is standardized with the training cars' mean ${mean.toFixed(1)} and spread ${spread.toFixed(1)}: x = (horsepower − ${mean.toFixed(1)}) / ${spread.toFixed(1)}. Miles per gallon are as measured.`,
      );
    },
  };
}
