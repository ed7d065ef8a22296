import { existsSync } from 'node:fs';
import path from 'node:path';

export interface TrainerEntry {
  readonly entry: string;
  readonly execArgv: readonly string[];
}

/**
 * Where the trainer process starts from. Built, every main-side bundle (cli.js, index.js,
 * trainer.js) sits in out/main; run from source (tests, `tsx`), the TypeScript entry is
 * loaded through tsx.
 */
export function defaultTrainerEntry(): TrainerEntry {
  const built = path.join(__dirname, 'trainer.js');
  if (existsSync(built)) return { entry: built, execArgv: [] };
  return {
    entry: path.resolve(__dirname, '../engine/trainer-process.ts'),
    execArgv: ['--import', 'tsx'],
  };
}
