import path from 'node:path';
import type { tf } from '../tf';
import { saveModel, writeAtomically } from './save-model';

/** Writes model.json + weights.bin (TF.js layers format) and metrics.json; returns the folder. */
export async function saveOutputs(
  outDir: string,
  model: tf.LayersModel,
  metrics: unknown,
): Promise<string> {
  const folder = path.resolve(outDir);
  await saveModel(model, folder);
  await writeAtomically(path.join(folder, 'metrics.json'), `${JSON.stringify(metrics, null, 2)}\n`);
  return folder;
}
