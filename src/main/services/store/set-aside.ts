import { existsSync, renameSync } from 'node:fs';

/**
 * SQLite keeps a WAL database in up to three files; they belong together. The -wal goes first:
 * a stale -wal left beside a fresh database would be replayed into it.
 */
const COMPANIONS = ['-wal', '-shm', ''] as const;

/**
 * Renames a damaged database (and its -wal and -shm files) to
 * `<file>.corrupt-<timestamp>`, so that a fresh one can take its place and nothing is lost.
 * Returns the new path of the main file.
 */
export function setAsideDamagedDatabase(file: string, at: Date): string {
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  let backup = `${file}.corrupt-${stamp}`;
  for (let n = 2; COMPANIONS.some((suffix) => existsSync(backup + suffix)); n += 1) {
    backup = `${file}.corrupt-${stamp}-${n}`;
  }
  for (const suffix of COMPANIONS) {
    if (existsSync(file + suffix)) renameSync(file + suffix, backup + suffix);
  }
  return backup;
}
