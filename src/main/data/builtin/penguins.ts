import type { LoadedDataset } from '../types';
import { meanAndSpread, readVegaDataset } from './vega-datasets';

interface PenguinRow {
  readonly 'Beak Length (mm)': number | null;
  readonly 'Beak Depth (mm)': number | null;
  readonly 'Body Mass (g)': number | null;
  readonly Sex: string | null;
}

const MEASUREMENTS = ['Beak Length (mm)', 'Beak Depth (mm)', 'Body Mass (g)'] as const;
const FEATURE_NAMES = ['bill length (mm)', 'bill depth (mm)', 'body mass (g)'];
const SEXES = ['FEMALE', 'MALE'] as const;

/**
 * A real two-class data set with three measurements, the shape of the textbook 3-5-2 network:
 * the Palmer penguins (Gorman, Williams and Fraser, 2014, via vega-datasets), female or male
 * from bill length, bill depth and body mass. The three species differ in size, so one straight
 * line does less well than a hidden layer. Penguins without a sex or a measurement are left
 * out. Each measurement is standardized with the training rows' mean and spread, learnt after
 * the split, so nothing leaks from validation.
 */
export async function penguins(): Promise<LoadedDataset> {
  const all = JSON.parse(await readVegaDataset('penguins.json', 'penguins')) as PenguinRow[];
  const rows = all.filter(
    (penguin) =>
      SEXES.includes(penguin.Sex as (typeof SEXES)[number]) &&
      MEASUREMENTS.every((name) => typeof penguin[name] === 'number'),
  );
  const count = rows.length;
  const width = MEASUREMENTS.length;
  const measured = Float32Array.from(
    rows.flatMap((penguin) => MEASUREMENTS.map((name) => penguin[name] as number)),
  );
  const x = Float32Array.from(measured);
  const y = Int32Array.from(rows, (penguin) => SEXES.indexOf(penguin.Sex as 'FEMALE' | 'MALE'));
  const info = {
    title: 'Penguins: female or male',
    task: 'classification' as const,
    featureShape: [width],
    featureType: 'float32' as const,
    featureNames: FEATURE_NAMES,
    classNames: ['female', 'male'],
    targetSize: 1,
    count,
    notes: [
      `${count} Adélie, Chinstrap and Gentoo penguins measured on islands near Palmer Station, Antarctica, 2007–2009 (${all.length - count} without a recorded sex or measurement are left out): from bill length, bill depth and body mass, tell female from male.`,
    ],
  };
  return {
    info,
    examples: { count, x, y },
    fitOnTrainingRows(trainRows) {
      const scales = MEASUREMENTS.map((_, column) =>
        meanAndSpread(Array.from(trainRows, (row) => measured[row * width + column]!)),
      );
      for (let i = 0; i < count; i += 1) {
        scales.forEach(({ mean, spread }, column) => {
          x[i * width + column] = (measured[i * width + column]! - mean) / spread;
        });
      }
      info.notes.push(
        `Each measurement is standardized with the training penguins' mean and spread: ${scales
          .map(
            ({ mean, spread }, column) =>
              `${FEATURE_NAMES[column]} mean ${mean.toFixed(1)}, spread ${spread.toFixed(1)}`,
          )
          .join('; ')}.`,
      );
    },
  };
}
