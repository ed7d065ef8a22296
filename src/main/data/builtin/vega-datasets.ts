import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { datasetError } from '../errors';

/**
 * A file of the `vega-datasets` package (BSD-3-Clause; each data set keeps its own source and
 * licence, named where it is described), installed with Neurite so it works offline.
 */
export async function readVegaDataset(file: string, title: string): Promise<string> {
  try {
    // The package exports only its script (build/index.js); its data files sit beside build/.
    const script = createRequire(import.meta.url).resolve('vega-datasets');
    return await readFile(join(dirname(script), '..', 'data', file), 'utf8');
  } catch (error) {
    throw datasetError(
      'unreadable-file',
      `The ${title} data that come with Neurite could not be read (${(error as Error).message}). Reinstall Neurite, or run npm install in its folder.`,
    );
  }
}

/** Mean and standard deviation of the given values (the spread 1 when they are all equal). */
export function meanAndSpread(values: ArrayLike<number>): { mean: number; spread: number } {
  let sum = 0;
  for (let i = 0; i < values.length; i += 1) sum += values[i]!;
  const mean = sum / Math.max(1, values.length);
  let squares = 0;
  for (let i = 0; i < values.length; i += 1) squares += (values[i]! - mean) ** 2;
  const spread = Math.sqrt(squares / Math.max(1, values.length));
  return { mean, spread: spread > 0 ? spread : 1 };
}
