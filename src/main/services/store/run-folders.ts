import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { StoreError } from './store-error';

/** What a trainer saves into a run's folder (TF.js layers format, and its final numbers). */
export const RUN_FILES = ['model.json', 'weights.bin', 'metrics.json'] as const;
export type RunFileName = (typeof RUN_FILES)[number];
export type RunFiles = Partial<Record<RunFileName, Uint8Array>>;

export function runFolderPath(dataDir: string, runId: string): string {
  return path.join(dataDir, 'runs', runId);
}

export function ensureRunFolder(dataDir: string, runId: string): string {
  const folder = runFolderPath(dataDir, runId);
  mkdirSync(folder, { recursive: true });
  return folder;
}

/** A run has weights when the trainer finished saving its model (model.json is written last). */
export function hasWeights(dataDir: string, runId: string): boolean {
  return existsSync(path.join(runFolderPath(dataDir, runId), 'model.json'));
}

export function readRunFiles(dataDir: string, runId: string): RunFiles {
  const folder = runFolderPath(dataDir, runId);
  const files: RunFiles = {};
  for (const name of RUN_FILES) {
    const file = path.join(folder, name);
    if (existsSync(file)) files[name] = readFileSync(file);
  }
  return files;
}

export function writeRunFiles(dataDir: string, runId: string, files: RunFiles): void {
  const folder = ensureRunFolder(dataDir, runId);
  // model.json last: its presence is what says the weights are complete.
  for (const name of ['metrics.json', 'weights.bin', 'model.json'] as const) {
    const bytes = files[name];
    if (bytes !== undefined) writeFileSync(path.join(folder, name), bytes);
  }
}

/**
 * Removes run folders whose rows are already gone. Every folder is tried; the ones that
 * could not be removed are named in one error, since the user must delete them by hand.
 */
export function removeRunFolders(dataDir: string, runIds: readonly string[]): void {
  const left: string[] = [];
  let cause: unknown;
  for (const runId of runIds) {
    const folder = runFolderPath(dataDir, runId);
    try {
      rmSync(folder, { recursive: true, force: true });
    } catch (error) {
      left.push(folder);
      cause ??= error;
    }
  }
  if (left.length > 0) {
    throw new StoreError(
      'storage',
      `The runs were deleted, but Neurite could not remove their saved models. Delete these folders yourself: ${left.join(', ')}.`,
      { cause },
    );
  }
}
