import type Database from 'better-sqlite3';
import type { Migration } from './schema-migrations';

export function userVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/**
 * Applies every step after the database's user_version, in one transaction: a failure (or a
 * crash) leaves the database exactly at its old version. Foreign keys are off meanwhile, as
 * SQLite's table-rebuild recipe needs, and checked before the commit.
 */
export function migrate(db: Database.Database, steps: readonly Migration[]): void {
  const from = userVersion(db);
  const pending = steps.filter((step) => step.version > from);
  const last = pending.at(-1);
  if (last === undefined) return;
  db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      for (const step of pending) db.exec(step.sql);
      const broken = db.pragma('foreign_key_check') as unknown[];
      if (broken.length > 0) {
        throw new Error(
          `Schema step ${last.version} left ${broken.length} rows whose references point nowhere.`,
        );
      }
      db.pragma(`user_version = ${last.version}`);
    }).immediate();
  } finally {
    db.pragma('foreign_keys = ON');
  }
}
