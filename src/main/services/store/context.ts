import type Database from 'better-sqlite3';

/** What every part of the store works with: one connection, the data folder and the clock. */
export interface StoreContext {
  readonly db: Database.Database;
  readonly dataDir: string;
  /** The current time as an ISO string. */
  now(): string;
  /** A prepared statement, prepared once per connection. */
  sql(text: string): Database.Statement;
  /** The same, returning each row's first column alone (statements are cached per mode). */
  column(text: string): Database.Statement;
  /** Runs `work` in one write transaction (BEGIN IMMEDIATE): all of it is kept, or none. */
  write<T>(work: () => T): T;
  /** Runs `work` in one read transaction, so everything it reads is from the same moment. */
  read<T>(work: () => T): T;
}

export function createContext(
  db: Database.Database,
  dataDir: string,
  clock: () => Date,
): StoreContext {
  const rows = new Map<string, Database.Statement>();
  const columns = new Map<string, Database.Statement>();
  const cached = (cache: Map<string, Database.Statement>, text: string, pluck: boolean) => {
    let statement = cache.get(text);
    if (statement === undefined) {
      statement = pluck ? db.prepare(text).pluck() : db.prepare(text);
      cache.set(text, statement);
    }
    return statement;
  };
  return {
    db,
    dataDir,
    now: () => clock().toISOString(),
    sql: (text) => cached(rows, text, false),
    column: (text) => cached(columns, text, true),
    write: (work) => db.transaction(work).immediate(),
    read: (work) => db.transaction(work).deferred(),
  };
}
