import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { openDatabase } from '../../../src/main/services/store/database';
import {
  bigNetwork,
  removeTempFolders,
  tempFolder,
  testStore,
  tickingClock,
} from '../../fixtures/store/store-helpers';
import { expectStoreError } from '../../fixtures/store/expect-store-error';

/**
 * Opening the database file: where it lives and how it is set up, a file from a newer Neurite
 * (refused, untouched), and a damaged file (set aside with its -wal and -shm, replaced by a
 * fresh database, and the user told where the old one went).
 */

afterAll(removeTempFolders);

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('opening', () => {
  it('creates <dataDir>/neurite.db, folders included, in WAL mode with foreign keys and synchronous=NORMAL', () => {
    const dataDir = path.join(tempFolder(), 'nested', 'data');
    const { db, file, recovered } = openDatabase(dataDir, { now: tickingClock() });
    expect(file).toBe(path.join(dataDir, 'neurite.db'));
    expect(existsSync(file)).toBe(true);
    expect(recovered).toBeUndefined();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
    db.close();
  });

  it('reports a folder it cannot create as a storage problem', () => {
    const parent = tempFolder();
    writeFileSync(path.join(parent, 'a-file'), 'not a folder');
    expectStoreError(
      () => testStore(path.join(parent, 'a-file', 'data')),
      'storage',
      /cannot write to its data folder \(.*a-file.*\)/,
    );
  });
});

describe('a database from a newer Neurite', () => {
  it('is refused with a message to update, and the file is left untouched', () => {
    const dataDir = path.join(tempFolder(), 'data');
    const store = testStore(dataDir);
    store.createProject({ name: 'Future', graph: bigNetwork(3) });
    store.close();
    const file = path.join(dataDir, 'neurite.db');
    const db = new Database(file);
    db.pragma('user_version = 99');
    db.close();
    const before = {
      hash: sha(file),
      mtime: statSync(file).mtimeMs,
      files: readdirSync(dataDir).sort(),
    };

    expectStoreError(
      () => testStore(dataDir),
      'unsupported',
      /newer version of Neurite.*Update Neurite/,
    );
    expect({
      hash: sha(file),
      mtime: statSync(file).mtimeMs,
      files: readdirSync(dataDir).sort(),
    }).toEqual(before);
  });
});

describe('a damaged database', () => {
  /** A data folder holding a real store with some projects, closed (everything in the main file). */
  function storeWithProjects(): string {
    const dataDir = path.join(tempFolder(), 'data');
    const store = testStore(dataDir);
    for (let i = 0; i < 30; i += 1)
      store.createProject({ name: `P${i}`, graph: bigNetwork(20, i) });
    store.close();
    return dataDir;
  }

  const cases: [string, (file: string) => void][] = [
    [
      'random bytes',
      (file) =>
        writeFileSync(
          file,
          new Uint8Array(64 * 1024).map((_, i) => (i * 2654435761) % 251),
        ),
    ],
    [
      'a truncated file',
      (file) =>
        writeFileSync(file, readFileSync(file).subarray(0, Math.floor(statSync(file).size / 2))),
    ],
    [
      'a file cut inside its header',
      (file) => writeFileSync(file, readFileSync(file).subarray(0, 60)),
    ],
    [
      'damaged pages after a valid header',
      (file) => {
        const bytes = readFileSync(file);
        bytes.fill(0xa5, 4096 * 2, bytes.length - 4096);
        writeFileSync(file, bytes);
      },
    ],
  ];

  it.each(cases)(
    '(%s) is set aside with its -wal and -shm, and a fresh one starts',
    (_, damage) => {
      const dataDir = storeWithProjects();
      const file = path.join(dataDir, 'neurite.db');
      damage(file);
      writeFileSync(`${file}-wal`, 'stale wal');
      writeFileSync(`${file}-shm`, 'stale shm');
      const damaged = sha(file);
      const onRecovered = vi.fn();

      const store = testStore(dataDir, { onRecovered });
      expect(onRecovered).toHaveBeenCalledTimes(1);
      const { message, backupPath } = onRecovered.mock.calls[0]![0] as {
        message: string;
        backupPath: string;
      };
      expect(backupPath).toBe(path.join(dataDir, 'neurite.db.corrupt-2025-03-01T09-00-00-000Z'));
      expect(message).toContain(backupPath);
      expect(message).toMatch(/damaged.*set it aside/);
      expect(sha(backupPath)).toBe(damaged);
      expect(readFileSync(`${backupPath}-wal`, 'utf8')).toBe('stale wal');
      // The -shm is only an index SQLite rebuilds; it moves along but its bytes do not matter.
      expect(existsSync(`${backupPath}-shm`)).toBe(true);

      // The fresh database works, and a normal reopen is not mistaken for damage.
      expect(store.listProjects({ trashed: false })).toEqual([]);
      store.createProject({ name: 'After', graph: bigNetwork(2) });
      store.close();
      const again = testStore(dataDir, { onRecovered });
      expect(again.listProjects({ trashed: false }).map((p) => p.name)).toEqual(['After']);
      expect(onRecovered).toHaveBeenCalledTimes(1);
      again.close();
    },
  );

  it('keeps an earlier backup when it happens twice', () => {
    const dataDir = path.join(tempFolder(), 'data');
    mkdirSync(dataDir, { recursive: true });
    const file = path.join(dataDir, 'neurite.db');
    const backups: string[] = [];
    const clock = () => new Date('2025-03-01T09:00:00.000Z');
    for (const garbage of ['first garbage', 'second garbage']) {
      writeFileSync(file, garbage.repeat(100));
      testStore(dataDir, {
        now: clock,
        onRecovered: (info) => backups.push(info.backupPath),
      }).close();
    }
    expect(new Set(backups).size).toBe(2);
    expect(backups.map((backup) => readFileSync(backup, 'utf8').slice(0, 6))).toEqual([
      'first ',
      'second',
    ]);
  });
});
