import { unzipSync } from 'fflate';
import Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { network, removeTempFolders, testStore } from '../../fixtures/store/store-helpers';

/**
 * The weights an imported project starts from: kept by the store with the project, copied by
 * a duplicate, carried by the project file, and gone with the project.
 */

afterAll(removeTempFolders);

const weights = {
  source: 'xor-tfjs.zip',
  specs: [
    { name: 'hidden/kernel', shape: [2, 4], dtype: 'float32' },
    { name: 'hidden/bias', shape: [4], dtype: 'float32' },
  ],
  data: Uint8Array.from({ length: 48 }, (_, i) => (i * 37) % 256),
};

describe("a project's starting weights", () => {
  it('are kept with the project, said in its record and copied by a duplicate', () => {
    const store = testStore();
    const project = store.createProject({
      name: 'Imported XOR',
      graph: network(4),
      startingWeights: weights,
    });
    expect(project.startingWeights).toEqual({
      source: 'xor-tfjs.zip',
      importedAt: expect.any(String),
    });
    expect(store.startingWeights(project.id)).toEqual({
      ...weights,
      savedAt: project.startingWeights!.importedAt,
    });
    const copy = store.duplicateProject(project.id);
    expect(store.startingWeights(copy.id)?.data).toEqual(weights.data);
    expect(
      store.startingWeights(store.createProject({ name: 'Plain', graph: network(2) }).id),
    ).toBe(undefined);
    store.close();
  });

  it('travel in the project file, which is then an archive even without runs', () => {
    const store = testStore();
    const project = store.createProject({
      name: 'Imported XOR',
      graph: network(4),
      startingWeights: weights,
    });
    const file = store.exportProject(project.id, false);
    expect(file.fileName).toBe('Imported XOR.neurite');
    expect(Object.keys(unzipSync(file.bytes)).sort()).toEqual([
      'project.json',
      'starting/model.json',
      'starting/weights.bin',
    ]);
    const imported = store.importProject(file.fileName, file.bytes);
    expect(imported.startingWeights?.source).toBe('xor-tfjs.zip');
    expect(store.startingWeights(imported.id)).toMatchObject({
      specs: weights.specs,
      data: weights.data,
    });
    // A project without them keeps the plain JSON form.
    const plain = store.createProject({ name: 'Plain', graph: network(2) });
    expect(store.exportProject(plain.id, false).fileName).toBe('Plain.neurite.json');
    store.close();
  });

  it('go when the project is deleted from the trash', () => {
    const store = testStore();
    const project = store.createProject({
      name: 'Imported XOR',
      graph: network(4),
      startingWeights: weights,
    });
    store.trashProject(project.id);
    expect(store.emptyTrash()).toBe(1);
    const dataDir = store.dataDir;
    store.close();
    const db = new Database(path.join(dataDir, 'neurite.db'), { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM starting_weights').get()).toEqual({ n: 0 });
    db.close();
  });
});
