import path from 'node:path';
import type Database from 'better-sqlite3';
import { createContext } from './context';
import type { StoreContext } from './context';
import { openDatabase } from './database';
import { exportProject } from './export-project';
import { importProject } from './import-project';
import type { OpenStoreOptions, ProjectStore } from './project-store';
import { readProject } from './project-rows';
import {
  createProject,
  duplicateProject,
  emptyTrash,
  listProjects,
  openProject,
  renameProject,
  setThumbnail,
  restoreProject,
  saveSettings,
  trashProject,
} from './projects';
import { listRevisions, restoreRevision, saveGraph } from './revisions';
import {
  createRun,
  deleteRun,
  getRun,
  runGraph,
  listRuns,
  markInterruptedRuns,
  recordEvent,
  runFolder,
} from './runs';
import { readProjectLab, saveLabProgress } from './project-labs';
import { readStartingWeights } from './starting-weights';
import { StoreError, toStoreError } from './store-error';

/**
 * Opens (or creates) the project store in a data folder: `<dataDir>/neurite.db` and
 * `<dataDir>/runs/`. Runs left 'running' by a crash are marked failed. Throws StoreError
 * 'unsupported' for a database from a newer Neurite and 'storage' for a folder it cannot
 * write; a damaged database is set aside and replaced, and `onRecovered` says where it went.
 */
export function openStore(dataDir: string, options: OpenStoreOptions = {}): ProjectStore {
  const clock = options.now ?? (() => new Date());
  const folder = path.resolve(dataDir);
  const { db, recovered } = openDatabase(folder, { now: clock });
  const store = createStore(db, folder, clock);
  try {
    store.markInterruptedRuns();
  } catch (error) {
    store.close();
    throw error;
  }
  if (recovered) options.onRecovered?.(recovered);
  return store;
}

/**
 * The store over an open, migrated database. Every call goes through `guard`, which turns
 * disk and database failures into StoreError 'storage'.
 */
export function createStore(
  db: Database.Database,
  dataDir: string,
  clock: () => Date,
): ProjectStore {
  const ctx = createContext(db, dataDir, clock);
  const guard =
    <A extends unknown[], R>(call: (ctx: StoreContext, ...args: A) => R) =>
    (...args: A): R => {
      if (!db.open) {
        throw new StoreError(
          'storage',
          'The project store has been closed. Restart Neurite to open it again.',
        );
      }
      try {
        return call(ctx, ...args);
      } catch (error) {
        throw toStoreError(error, dataDir);
      }
    };
  return {
    dataDir,
    listProjects: guard((c, options: { trashed: boolean }) => listProjects(c, options.trashed)),
    createProject: guard(createProject),
    openProject: guard(openProject),
    getProject: guard(readProject),
    renameProject: guard(renameProject),
    duplicateProject: guard(duplicateProject),
    trashProject: guard(trashProject),
    restoreProject: guard(restoreProject),
    emptyTrash: guard(emptyTrash),
    saveGraph: guard(saveGraph),
    listRevisions: guard(listRevisions),
    restoreRevision: guard(restoreRevision),
    setThumbnail: guard(setThumbnail),
    saveSettings: guard(saveSettings),
    createRun: guard(createRun),
    recordEvent: guard(recordEvent),
    runFolder: guard(runFolder),
    listRuns: guard(listRuns),
    getRun: guard(getRun),
    runGraph: guard(runGraph),
    deleteRun: guard(deleteRun),
    markInterruptedRuns: guard(markInterruptedRuns),
    startingWeights: guard(readStartingWeights),
    projectLab: guard(readProjectLab),
    saveLabProgress: guard(saveLabProgress),
    exportProject: guard(exportProject),
    importProject: guard(importProject),
    close: () => {
      if (db.open) db.close();
    },
  };
}
