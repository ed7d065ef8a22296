import { existsSync } from 'node:fs';
import path from 'node:path';

export interface TrainerEntry {
  readonly entry: string;
  readonly execArgv: readonly string[];
}

/**
 * The built trainer.js, if there is one. Every main-side bundle sits in out/main, but code
 * shared by several entries lands in out/main/chunks, so look beside and one folder up.
 */
export function builtTrainerEntry(): string | undefined {
  return [path.join(__dirname, 'trainer.js'), path.join(__dirname, '..', 'trainer.js')].find(
    (file) => existsSync(file),
  );
}

/**
 * Where the trainer process starts from: the built trainer.js, or, run from source (tests,
 * `tsx`), the TypeScript entry loaded through tsx.
 */
export function defaultTrainerEntry(): TrainerEntry {
  const built = builtTrainerEntry();
  if (built) return { entry: built, execArgv: [] };
  return {
    entry: path.resolve(__dirname, '../engine/trainer-process.ts'),
    execArgv: ['--import', 'tsx'],
  };
}
