import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { StartingWeights } from './starting-weights';

/** The folder of a run that holds the weights it started from, beside its trained model. */
export const STARTING_WEIGHTS_FOLDER = 'starting';

/**
 * Writes a project's starting weights into a run's folder, as a trainer reads them (model.json
 * with the weights manifest, and weights.bin); returns the folder. The run keeps them, so what
 * it started from can be shown beside what it learnt.
 */
export function writeStartingWeights(runFolder: string, weights: StartingWeights): string {
  const folder = path.join(runFolder, STARTING_WEIGHTS_FOLDER);
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, 'weights.bin'), weights.data);
  writeFileSync(
    path.join(folder, 'model.json'),
    JSON.stringify({
      format: 'layers-model',
      source: weights.source,
      weightsManifest: [{ paths: ['weights.bin'], weights: weights.specs }],
    }),
  );
  return folder;
}
