import { rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { EpochRecord } from '../../shared/api/records';
import { epochRecordSchema } from '../../shared/api/records';
import type { TrainerEventOf } from '../../shared/training/events';

/**
 * `history.json` in a saved model folder (what `neurite train --out` writes): the run's numbers
 * per epoch, as the app's database keeps them for its runs, so `neurite export --format
 * figures` can draw the curves. A file of its own, beside training.json: folders saved before
 * it existed still load, and Neurites that do not know it pass it by.
 */
export const HISTORY_FILE = 'history.json';
const HISTORY_FORMAT = 'neurite-history';
const HISTORY_VERSION = 1;

export const savedHistorySchema = z.strictObject({
  format: z.literal(HISTORY_FORMAT),
  version: z.literal(HISTORY_VERSION),
  epochs: z.array(epochRecordSchema),
});

/** One epoch event as the record the app's store and project files keep of it. */
export function epochRecordOf(event: TrainerEventOf<'epoch'>): EpochRecord {
  return {
    epoch: event.epoch,
    fold: event.fold ?? null,
    loss: event.loss,
    metrics: event.metrics,
    validationLoss: event.validation?.loss ?? null,
    validationMetrics: event.validation?.metrics ?? null,
    learningRate: event.learningRate,
    elapsedMs: event.elapsedMs,
  };
}

/** Writes history.json into a saved model folder, whole (through a temporary file). */
export async function writeSavedHistory(
  folder: string,
  epochs: readonly EpochRecord[],
): Promise<void> {
  const file = path.join(folder, HISTORY_FILE);
  const content = { format: HISTORY_FORMAT, version: HISTORY_VERSION, epochs };
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(content, null, 2)}\n`);
  await rename(temporary, file);
}
