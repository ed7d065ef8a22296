import type { LoadedDataset } from '../types';
import { CEREALS_CSV } from './cereals-table';

/** The cereals' rows: name, calories and sugars, read from the table that comes with Neurite. */
export function cerealRows(): { name: string; calories: number; sugars: number }[] {
  return CEREALS_CSV.trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      // Three fields; only the name may hold a comma, and then it is in quotes.
      const match = /^(?:"([^"]*)"|([^,]*)),(\d+),(\d+)$/.exec(line);
      if (!match) throw new Error(`The cereals table has a line Neurite cannot read: ${line}`);
      return {
        name: match[1] ?? match[2]!,
        calories: Number(match[3]),
        sugars: Number(match[4]),
      };
    });
}

/**
 * The course's first model: the linear unit calories = w · sugars + b on the 80 Cereals data.
 * Both numbers stay as measured (grams and calories, no scaling), so the weight and the bias a
 * student reads after training are the course's w ≈ 2.5 calories per gram and b ≈ 90 calories.
 */
export function cereals(): LoadedDataset {
  const rows = cerealRows();
  const count = rows.length;
  return {
    info: {
      title: 'Cereals: sugars → calories',
      task: 'regression',
      featureShape: [1],
      featureType: 'float32',
      featureNames: ['sugars (g per serving)'],
      targetSize: 1,
      targetNames: ['calories per serving'],
      count,
      notes: [
        `${count} breakfast cereals of the 80 Cereals data (Quaker Oatmeal is left out: its sugars are missing). Sugars in grams and calories per serving, both as printed on the box, not scaled: a straight line through them has a slope of about 2.5 calories per gram and crosses x = 0 at about 90 calories.`,
      ],
    },
    examples: {
      count,
      x: Float32Array.from(rows, (row) => row.sugars),
      y: Float32Array.from(rows, (row) => row.calories),
    },
  };
}
