import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrate, userVersion } from './migrate';
import type { Migration } from './schema-migrations';
import { MIGRATIONS } from './schema-migrations';
import { setAsideDamagedDatabase } from './set-aside';
import { StoreError, toStoreError } from './store-error';

export const DATABASE_FILE = 'neurite.db';

export interface Recovery {
  readonly message: string;
  readonly backupPath: string;
}

export interface OpenedDatabase {
  readonly db: Database.Database;
  readonly file: string;
  /** Set when the old file was damaged, set aside and replaced by a fresh database. */
  readonly recovered: Recovery | undefined;
}

export interface OpenDatabaseOptions {
  readonly now: () => Date;
  /** The schema steps; tests pass their own to check what a failing step leaves behind. */
  readonly migrations?: readonly Migration[];
}

/** The file could be read but is not a healthy SQLite database. */
class DamagedDatabase extends Error {}

/**
 * Opens `<dataDir>/neurite.db`, creating the folder and the file when needed, and brings its
 * schema up to date. A damaged file is set aside and replaced; a file from a newer Neurite is
 * refused and left untouched; a folder that cannot be written is a StoreError 'storage'.
 */
export function openDatabase(dataDir: string, options: OpenDatabaseOptions): OpenedDatabase {
  const steps = options.migrations ?? MIGRATIONS;
  const file = path.join(dataDir, DATABASE_FILE);
  try {
    mkdirSync(dataDir, { recursive: true });
    try {
      return { db: connect(file, steps), file, recovered: undefined };
    } catch (error) {
      if (!(error instanceof DamagedDatabase)) throw error;
      const backupPath = setAsideDamagedDatabase(file, options.now());
      const db = connect(file, steps);
      const message =
        `Neurite's project database was damaged and could not be read, so Neurite set it aside ` +
        `and started a new, empty one. Your old projects are in ${backupPath}; keep that file ` +
        `if you want someone to try to recover them. Trained models in the runs folder were ` +
        `left where they are.`;
      return { db, file, recovered: { message, backupPath } };
    }
  } catch (error) {
    throw toStoreError(error, dataDir);
  }
}

/**
 * synchronous=NORMAL: in WAL mode a commit survives any crash of Neurite or of the trainer and
 * the file is never left damaged; only a power cut can lose the last few commits (the
 * database then opens at an earlier, consistent state). FULL would fsync on every commit,
 * measured about 10 times slower per commit, and the store commits once per training epoch,
 * which on small networks is hundreds of times a second on the main process.
 */
const PRAGMAS = ['foreign_keys = ON', 'synchronous = NORMAL'] as const;

function connect(file: string, steps: readonly Migration[]): Database.Database {
  const known = steps.at(-1)?.version ?? 0;
  if (existsSync(file)) inspect(file, known);
  const db = new Database(file);
  try {
    db.pragma('busy_timeout = 5000');
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode !== 'wal') {
      throw new StoreError(
        'storage',
        `Neurite could not switch its project database in ${path.dirname(file)} to write-ahead logging (it stayed in "${String(mode)}" mode). Check that the folder is writable and on a local drive.`,
      );
    }
    for (const pragma of PRAGMAS) db.pragma(pragma);
    migrate(db, steps);
    // Fails now, rather than at the first save, when the folder or the file is read-only.
    db.exec('BEGIN IMMEDIATE; ROLLBACK');
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Looks at an existing file through a read-only connection, which never writes to it, its
 * -wal or its header: a file that is refused or set aside stays exactly as it was.
 */
function inspect(file: string, known: number): void {
  const absent = (['-wal', '-shm'] as const).filter((suffix) => !existsSync(file + suffix));
  const db = new Database(file, { readonly: true, fileMustExist: true });
  let refused = false;
  try {
    db.pragma('busy_timeout = 5000');
    const version = guardDamage(() => userVersion(db));
    if (version > known) {
      refused = true;
      throw new StoreError(
        'unsupported',
        `The project database in ${path.dirname(file)} was written by a newer version of Neurite (database version ${version}; this Neurite knows up to ${known}). Update Neurite to open it; the file was not changed.`,
      );
    }
    guardDamage(() => {
      const check = db.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new DamagedDatabase(String(check));
    });
  } finally {
    db.close();
    // Reading a WAL database creates an empty -wal and an -shm index; a refused folder is
    // left as it was found.
    if (refused) removeEmptyCompanions(file, absent);
  }
}

function removeEmptyCompanions(file: string, created: readonly string[]): void {
  for (const suffix of created) {
    const companion = file + suffix;
    if (suffix === '-wal' && existsSync(companion) && statSync(companion).size > 0) continue;
    rmSync(companion, { force: true });
  }
}

function guardDamage<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'string' && /^SQLITE_(?:CORRUPT|NOTADB)/.test(code)) {
      throw new DamagedDatabase(String(code), { cause: error });
    }
    throw error;
  }
}
