import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/main/services/store/database';
import { createStore } from '../../../src/main/services/store/project-store-impl';
import type { ProjectStore } from '../../../src/main/services/store';
import {
  SMALL_CONFIG,
  XOR_DATA,
  bigNetwork,
  network,
  removeTempFolders,
  repoRoot,
  storeFixture,
  tableCounts,
  tempFolder,
  testStore,
  tickingClock,
  trainerEvents,
} from '../../fixtures/store/store-helpers';
import { expectStoreError } from '../../fixtures/store/expect-store-error';

/**
 * Disks that refuse to write: a read-only data folder (real permissions), a data folder that
 * cannot exist, a full disk and a database that turns read-only while open. Each is a
 * StoreError 'storage' with a message that says what to do, and leaves nothing half-written.
 */

afterAll(() => {
  for (const folder of readOnlyFolders) chmodSync(folder, 0o755);
  removeTempFolders();
});

const readOnlyFolders: string[] = [];
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/**
 * Root ignores folder permissions, so as root the check runs in a child process with the
 * uid and gid of `nobody`, where they are enforced. Elsewhere it runs in this process.
 */
const NOBODY = 65534;
const runningAsRoot = process.getuid?.() === 0;
const canDropToNobody =
  runningAsRoot &&
  spawnSync(process.execPath, ['-e', '0'], { uid: NOBODY, gid: NOBODY }).status === 0;
const permissionsEnforced = !runningAsRoot || canDropToNobody;

function openReadOnly(dataDir: string): { ok: boolean; code?: string; message?: string } {
  if (!runningAsRoot) {
    try {
      testStore(dataDir).close();
      return { ok: true };
    } catch (error) {
      const { code, message } = error as { code: string; message: string };
      return { ok: false, code, message };
    }
  }
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', storeFixture('open-store-child.ts'), dataDir],
    {
      cwd: repoRoot,
      uid: NOBODY,
      gid: NOBODY,
      encoding: 'utf8',
      env: { ...process.env, HOME: tempFolder() },
    },
  );
  if (child.status !== 0) throw new Error(`open-store-child failed:\n${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').at(-1)!);
}

/** A folder the test user (or nobody) may read but not write. */
function readOnly(folder: string): string {
  // mkdtemp makes 0700 folders; the child must be able to reach the data folder.
  chmodSync(path.dirname(folder), 0o755);
  chmodSync(folder, 0o555);
  readOnlyFolders.push(folder);
  return folder;
}

describe.skipIf(!permissionsEnforced)('a read-only data folder', () => {
  it('(control: the same check opens a folder it may write to)', () => {
    const dataDir = path.join(tempFolder(), 'data');
    mkdirSync(dataDir);
    chmodSync(path.dirname(dataDir), 0o755);
    chmodSync(dataDir, 0o777);
    expect(openReadOnly(dataDir)).toEqual({ ok: true });
  });

  it('is refused when empty, and no database file appears', () => {
    const dataDir = path.join(tempFolder(), 'data');
    mkdirSync(dataDir);
    readOnly(dataDir);
    const result = openReadOnly(dataDir);
    expect(result).toMatchObject({ ok: false, code: 'storage' });
    expect(result.message).toMatch(/cannot write to its data folder .*allowed to write/);
    expect(readdirSync(dataDir)).toEqual([]);
  });

  it('is refused when it holds a store, which is left as it was', () => {
    const dataDir = path.join(tempFolder(), 'data');
    const store = testStore(dataDir);
    store.createProject({ name: 'Kept', graph: network() });
    store.close();
    const file = path.join(dataDir, 'neurite.db');
    const before = sha(file);
    chmodSync(file, 0o444);
    readOnly(dataDir);
    expect(openReadOnly(dataDir)).toMatchObject({ ok: false, code: 'storage' });
    expect(sha(file)).toBe(before);
  });
});

it.runIf(!permissionsEnforced)(
  'cannot check read-only folders: running as root without a way to drop privileges',
  () => {
    // Recorded as a test so that the skip is visible in the report, with its reason.
    expect(permissionsEnforced).toBe(false);
  },
);

describe('a data folder that cannot be used', () => {
  it('is refused when a file stands where the folder should be', () => {
    const parent = tempFolder();
    writeFileSync(path.join(parent, 'taken'), 'a file');
    expectStoreError(
      () => testStore(path.join(parent, 'taken')),
      'storage',
      /cannot write to its data folder/,
    );
  });

  it('refuses run folders that cannot be made, keeping the run', () => {
    const store = testStore();
    const project = store.createProject({ name: 'P', graph: network() });
    const run = store.createRun({
      projectId: project.id,
      revisionId: project.revisionId,
      data: XOR_DATA,
      config: SMALL_CONFIG,
      backendChoice: 'cpu',
    });
    writeFileSync(path.join(store.dataDir, 'runs'), 'a file where the runs folder goes');
    expectStoreError(() => store.runFolder(run.id), 'storage', /cannot write to its data folder/);
    expect(store.getRun(run.id).status).toBe('running');
    store.close();
  });
});

/** A store over a connection that is limited the way a failing disk would limit it. */
function limitedStore(limit: (db: Database.Database) => void): ProjectStore {
  const dataDir = path.join(tempFolder(), 'data');
  const { db } = openDatabase(dataDir, { now: tickingClock() });
  const store = createStore(db, dataDir, tickingClock());
  const project = store.createProject({ name: 'Before', graph: network() });
  store.saveSettings(project.id, { epochs: 3 });
  limit(db);
  return store;
}

describe('a full disk', () => {
  // SQLite reports a disk that fills up as SQLITE_FULL; max_page_count produces the same error.
  const full = (db: Database.Database) => {
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages + 2}`);
  };

  it('refuses writes that do not fit, whole, and the store keeps working', () => {
    const store = limitedStore(full);
    const [project] = store.listProjects({ trashed: false });
    const before = tableCounts(store.dataDir);
    const latest = store.getProject(project!.id);

    expectStoreError(
      () => store.saveGraph(project!.id, bigNetwork(300)),
      'storage',
      /disk .* is full, so nothing was saved. Free some space/,
    );
    expectStoreError(
      () => store.createProject({ name: 'Big', graph: bigNetwork(300) }),
      'storage',
      /is full/,
    );
    expect(tableCounts(store.dataDir)).toEqual(before);
    expect(store.getProject(project!.id)).toEqual(latest);
    // Small writes that fit still work.
    store.saveSettings(project!.id, { epochs: 4 });
    expect(store.getProject(project!.id).settings).toEqual({ epochs: 4 });
    store.close();
  });

  it('removes the model files of an import that did not fit', () => {
    const source = testStore();
    const project = source.createProject({ name: 'With model', graph: bigNetwork(300) });
    const run = source.createRun({
      projectId: project.id,
      revisionId: project.revisionId,
      data: XOR_DATA,
      config: SMALL_CONFIG,
      backendChoice: 'cpu',
    });
    for (const event of trainerEvents(2)) source.recordEvent(run.id, event);
    writeFileSync(path.join(source.runFolder(run.id), 'weights.bin'), new Uint8Array(1000));
    writeFileSync(path.join(source.runFolder(run.id), 'model.json'), '{}');
    const file = source.exportProject(project.id, true);
    source.close();

    const store = limitedStore(full);
    const before = tableCounts(store.dataDir);
    expectStoreError(() => store.importProject(file.fileName, file.bytes), 'storage', /is full/);
    expect(tableCounts(store.dataDir)).toEqual(before);
    const runs = path.join(store.dataDir, 'runs');
    expect(existsSync(runs) ? readdirSync(runs) : []).toEqual([]);
    store.close();
  });
});

describe('a database that turns read-only while open', () => {
  it('refuses every write with a storage error and changes nothing', () => {
    const store = limitedStore((db) => db.pragma('query_only = 1'));
    const [project] = store.listProjects({ trashed: false });
    const before = tableCounts(store.dataDir);
    for (const write of [
      () => store.createProject({ name: 'New', graph: network() }),
      () => store.saveGraph(project!.id, network(9)),
      () => store.renameProject(project!.id, 'Renamed'),
      () => store.saveSettings(project!.id, { epochs: 9 }),
      () => store.trashProject(project!.id),
      () => store.duplicateProject(project!.id),
    ]) {
      expectStoreError(write, 'storage', /cannot write to its data folder/);
    }
    expect(tableCounts(store.dataDir)).toEqual(before);
    expect(store.getProject(project!.id)).toMatchObject({
      name: 'Before',
      settings: { epochs: 3 },
      trashedAt: null,
    });
    store.close();
  });
});
