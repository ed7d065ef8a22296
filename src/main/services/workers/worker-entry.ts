import { existsSync } from 'node:fs';
import path from 'node:path';

export interface WorkerEntry {
  readonly entry: string;
  readonly execArgv: readonly string[];
}

/**
 * The built trainer.js (the entry of every trainer-family process), if there is one. Every
 * main-side bundle sits in out/main, but code shared by several entries lands in
 * out/main/chunks, so look beside and one folder up.
 */
export function builtWorkerEntry(): string | undefined {
  return [path.join(__dirname, 'trainer.js'), path.join(__dirname, '..', 'trainer.js')].find(
    (file) => existsSync(file),
  );
}

/**
 * Where a trainer-family process starts from: the built trainer.js, or, run from source
 * (tests, `tsx`), the TypeScript entry loaded through tsx.
 */
export function defaultWorkerEntry(): WorkerEntry {
  const built = builtWorkerEntry();
  if (built) return { entry: built, execArgv: [] };
  return {
    entry: path.resolve(__dirname, '../../engine/trainer-process.ts'),
    execArgv: ['--import', 'tsx'],
  };
}
