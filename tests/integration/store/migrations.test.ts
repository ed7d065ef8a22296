import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/main/services/store/database';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../src/main/services/store/schema-migrations';
import { projectSchema, runSchema } from '../../../src/shared/api/records';
import { parseGraphDocument } from '../../../src/shared/graph/parse';
import {
  inspectDatabase,
  removeTempFolders,
  storeFixture,
  tempFolder,
  testStore,
  tickingClock,
} from '../../fixtures/store/store-helpers';

/**
 * The schema's numbered steps: an empty file and every shipped version (a frozen SQL fixture
 * per version in tests/fixtures/store/) upgrade to the current schema with their rows intact,
 * and a failing step leaves the database exactly as it was.
 */

afterAll(removeTempFolders);

const FIXTURE = /^schema-v(\d+)\.sql$/;
const fixtures = readdirSync(path.dirname(storeFixture('x')))
  .map((name) => FIXTURE.exec(name))
  .filter((match) => match !== null)
  .map((match) => ({ version: Number(match[1]), file: storeFixture(match[0]) }))
  .sort((a, b) => a.version - b.version);

/** A data folder whose neurite.db is built from SQL text. */
function dataDirFrom(sql: string): string {
  const dataDir = path.join(tempFolder(), 'data');
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(path.join(dataDir, 'neurite.db'));
  db.exec(sql);
  db.close();
  return dataDir;
}

/** The schema as SQLite records it, comments and spacing aside. */
function schemaOf(dataDir: string): string[] {
  return inspectDatabase(dataDir, (db) =>
    (
      db.prepare('SELECT type, name, sql FROM sqlite_schema ORDER BY name').all() as {
        type: string;
        name: string;
        sql: string | null;
      }[]
    ).map(
      (row) =>
        `${row.type} ${row.name}: ${(row.sql ?? '')
          .replace(/--[^\n]*/g, '')
          .replace(/\s+/g, ' ')
          .trim()}`,
    ),
  );
}

describe('schema steps', () => {
  it('are numbered 1, 2, 3, … and each shipped version has a fixture', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(fixtures.map((f) => f.version)).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it('take an empty file (version 0) to the current schema', () => {
    const dataDir = path.join(tempFolder(), 'data');
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(path.join(dataDir, 'neurite.db'), '');
    const store = testStore(dataDir);
    expect(store.listProjects({ trashed: false })).toEqual([]);
    store.close();
    expect(inspectDatabase(dataDir, (db) => db.pragma('user_version', { simple: true }))).toBe(
      SCHEMA_VERSION,
    );
  });

  it('build exactly the schema of the newest fixture', () => {
    const fresh = path.join(tempFolder(), 'data');
    testStore(fresh).close();
    const newest = fixtures.at(-1)!;
    expect(schemaOf(fresh)).toEqual(schemaOf(dataDirFrom(readFileSync(newest.file, 'utf8'))));
  });
});

describe.each(fixtures)('a database at schema version $version', ({ version, file }) => {
  it('upgrades to the current version and keeps every row readable', () => {
    const dataDir = dataDirFrom(readFileSync(file, 'utf8'));
    expect(inspectDatabase(dataDir, (db) => db.pragma('user_version', { simple: true }))).toBe(
      version,
    );
    const store = testStore(dataDir);
    const [summary] = store.listProjects({ trashed: false });
    expect(summary?.name).toBe('Fixture project');
    expect(store.listProjects({ trashed: true }).map((p) => p.name)).toEqual(['Trashed project']);
    const project = store.getProject(summary!.id);
    expect(projectSchema.parse(project)).toEqual(project);
    expect(project).toMatchObject({ revisionCount: 2, runCount: 2, settings: { epochs: 2 } });
    expect(parseGraphDocument(project.graph).ok).toBe(true);
    const runs = store.listRuns(project.id).map((r) => store.getRun(r.id));
    for (const run of runs) expect(runSchema.parse(run)).toEqual(run);
    expect(runs.map((r) => r.status).sort()).toEqual(['failed', 'finished']);
    expect(runs.find((r) => r.status === 'finished')!.epochs).toHaveLength(2);
    store.close();
    inspectDatabase(dataDir, (db) => {
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.pragma('foreign_key_check')).toEqual([]);
    });
  });
});

describe('a failing step', () => {
  const broken = {
    version: SCHEMA_VERSION + 1,
    description: 'a step that fails half-way',
    sql: 'CREATE TABLE half_done (x); INSERT INTO no_such_table VALUES (1);',
  };

  it('leaves a database at its old version, without any part of the step', () => {
    const newest = fixtures.at(-1)!;
    const dataDir = dataDirFrom(readFileSync(newest.file, 'utf8'));
    const before = schemaOf(dataDir);
    expect(() =>
      openDatabase(dataDir, { now: tickingClock(), migrations: [...MIGRATIONS, broken] }),
    ).toThrow(/no_such_table/);
    expect(schemaOf(dataDir)).toEqual(before);
    expect(inspectDatabase(dataDir, (db) => db.pragma('user_version', { simple: true }))).toBe(
      newest.version,
    );
  });

  it('rolls back every step of the same upgrade, not only the failing one', () => {
    const dataDir = path.join(tempFolder(), 'data');
    expect(() =>
      openDatabase(dataDir, { now: tickingClock(), migrations: [...MIGRATIONS, broken] }),
    ).toThrow();
    expect(existsSync(path.join(dataDir, 'neurite.db'))).toBe(true);
    expect(schemaOf(dataDir)).toEqual([]);
    expect(inspectDatabase(dataDir, (db) => db.pragma('user_version', { simple: true }))).toBe(0);
  });
});
