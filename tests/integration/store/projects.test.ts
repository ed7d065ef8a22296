import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ProjectStore } from '../../../src/main/services/store';
import { projectSchema, projectSummarySchema } from '../../../src/shared/api/records';
import { parseGraphDocumentOrThrow } from '../../../src/shared/graph/parse';
import {
  SMALL_CONFIG,
  XOR_DATA,
  network,
  removeTempFolders,
  tableCounts,
  tempFolder,
  testStore,
  trainerEvents,
} from '../../fixtures/store/store-helpers';
import { expectStoreError } from '../../fixtures/store/expect-store-error';

/**
 * Projects through the store's API on a real SQLite file: create, list, open, rename,
 * duplicate, trash, restore, empty the trash, settings. Every record returned is checked
 * against the API contract's schemas.
 */

afterAll(removeTempFolders);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const PNG = 'data:image/png;base64,iVBORw0KGgo=';

describe('creating projects', () => {
  it('stores the graph as the first revision and returns a Project the contract accepts', () => {
    const store = testStore();
    const project = store.createProject({ name: '  My XOR  ', graph: network(4) });
    expect(projectSchema.parse(project)).toEqual(project);
    expect(project.id).toMatch(UUID);
    expect(project.name).toBe('My XOR');
    // The description defaults to the graph's own.
    expect(project.description).toBe('A 4-unit hidden layer.');
    expect(project).toMatchObject({
      revisionCount: 1,
      runCount: 0,
      lastOpenedAt: null,
      trashedAt: null,
      thumbnail: null,
      settings: {},
      createdAt: project.updatedAt,
    });
    // Stored as parsed: defaults filled in, exactly what parseGraphDocument gives.
    expect(project.graph).toEqual(parseGraphDocumentOrThrow(network(4)));
    expect(store.getProject(project.id)).toEqual(project);
    store.close();
  });

  it('takes an explicit description', () => {
    const store = testStore();
    expect(
      store.createProject({ name: 'A', graph: network(), description: 'Mine' }).description,
    ).toBe('Mine');
    store.close();
  });

  it('refuses names that are empty or longer than 200 characters, and writes nothing', () => {
    const store = testStore();
    expectStoreError(
      () => store.createProject({ name: '   ', graph: network() }),
      'invalid-input',
      /name/,
    );
    expectStoreError(
      () => store.createProject({ name: 'x'.repeat(201), graph: network() }),
      'invalid-input',
      /at most 200 characters; this one has 201/,
    );
    expect(store.listProjects({ trashed: false })).toEqual([]);
    expect(
      store.createProject({ name: ` ${'x'.repeat(200)} `, graph: network() }).name,
    ).toHaveLength(200);
    store.close();
  });

  it('refuses a graph that does not parse, naming where it is wrong, and writes nothing', () => {
    const store = testStore();
    const broken = { ...network(), nodes: [{ id: '1bad', kind: 'Dense' }] };
    const error = expectStoreError(
      () => store.createProject({ name: 'Broken', graph: broken }),
      'invalid-input',
      /could not be saved: graph\.nodes\[0\]\.id/,
    );
    expect(error.issues?.map((issue) => issue.path)).toContain('graph.nodes[0].id');
    expectStoreError(
      () => store.createProject({ name: 'None', graph: 'not json' }),
      'invalid-input',
    );
    expect(tableCounts(store.dataDir)).toMatchObject({ projects: 0, revisions: 0 });
    store.close();
  });

  it('keeps everything across close and reopen', () => {
    const dataDir = path.join(tempFolder(), 'data');
    const first = testStore(dataDir);
    const project = first.createProject({ name: 'Kept', graph: network() });
    first.saveSettings(project.id, { epochs: 12 });
    first.close();
    expectStoreError(() => first.listProjects({ trashed: false }), 'storage', /closed/);
    const again = testStore(dataDir);
    expect(again.getProject(project.id)).toMatchObject({ name: 'Kept', settings: { epochs: 12 } });
    again.close();
  });
});

describe('listing and opening', () => {
  it('lists the most recently opened or updated first', () => {
    const store = testStore();
    const a = store.createProject({ name: 'A', graph: network(1) });
    const b = store.createProject({ name: 'B', graph: network(2) });
    const c = store.createProject({ name: 'C', graph: network(3) });
    const names = () => store.listProjects({ trashed: false }).map((p) => p.name);
    expect(names()).toEqual(['C', 'B', 'A']);
    const opened = store.openProject(a.id);
    expect(opened.lastOpenedAt).not.toBeNull();
    expect(names()).toEqual(['A', 'C', 'B']);
    store.saveGraph(b.id, network(22));
    expect(names()).toEqual(['B', 'A', 'C']);
    store.renameProject(c.id, 'C2');
    expect(names()).toEqual(['C2', 'B', 'A']);
    for (const summary of store.listProjects({ trashed: false })) {
      expect(projectSummarySchema.parse(summary)).toEqual(summary);
    }
    store.close();
  });

  it('answers not-found for ids it does not have', () => {
    const store = testStore();
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const call of [
      () => store.getProject(missing),
      () => store.openProject(missing),
      () => store.renameProject(missing, 'x'),
      () => store.duplicateProject(missing),
      () => store.trashProject(missing),
      () => store.restoreProject(missing),
      () => store.saveGraph(missing, network()),
      () => store.listRevisions(missing),
      () => store.saveSettings(missing, {}),
      () => store.listRuns(missing),
      () => store.exportProject(missing, false),
      () => store.getProject('not even a uuid'),
    ]) {
      expectStoreError(call, 'not-found', /no longer exists/);
    }
    store.close();
  });
});

describe('renaming and duplicating', () => {
  it('renames without adding a revision or touching the graph', () => {
    const store = testStore();
    const project = store.createProject({ name: 'Old', graph: network(4, 'Graph title') });
    const renamed = store.renameProject(project.id, '  New name ');
    expect(projectSummarySchema.parse(renamed)).toEqual(renamed);
    expect(renamed).toMatchObject({ name: 'New name', revisionCount: 1 });
    expect(renamed.updatedAt > project.updatedAt).toBe(true);
    expect(store.getProject(project.id).graph).toMatchObject({ metadata: { name: 'Graph title' } });
    expectStoreError(() => store.renameProject(project.id, ''), 'invalid-input');
    expect(store.getProject(project.id).name).toBe('New name');
    store.close();
  });

  it('duplicates as "Copy of X" with the latest graph, settings and picture, but no history or runs', () => {
    const store = testStore();
    const source = store.createProject({ name: 'Lab 3', graph: network(2), description: 'Notes' });
    store.saveGraph(source.id, network(3), PNG);
    store.saveGraph(source.id, network(5));
    store.saveSettings(source.id, { epochs: 40, data: { name: 'xor' } });
    store.createRun({
      projectId: source.id,
      revisionId: store.getProject(source.id).revisionId,
      data: XOR_DATA,
      config: SMALL_CONFIG,
      backendChoice: 'cpu',
    });
    const copy = store.duplicateProject(source.id);
    expect(projectSummarySchema.parse(copy)).toEqual(copy);
    expect(copy).toMatchObject({
      name: 'Copy of Lab 3',
      description: 'Notes',
      thumbnail: PNG,
      revisionCount: 1,
      runCount: 0,
      lastOpenedAt: null,
    });
    expect(copy.id).not.toBe(source.id);
    const full = store.getProject(copy.id);
    expect(full.graph).toEqual(store.getProject(source.id).graph);
    expect(full.settings).toEqual({ epochs: 40, data: { name: 'xor' } });
    // Copies of long names are cut to the longest name allowed.
    const long = store.createProject({ name: 'y'.repeat(200), graph: network() });
    expect(store.duplicateProject(long.id).name).toBe(`Copy of ${'y'.repeat(192)}`);
    store.close();
  });
});

describe('the trash', () => {
  function projectWithRun(store: ProjectStore, name: string) {
    const project = store.createProject({ name, graph: network() });
    const run = store.createRun({
      projectId: project.id,
      revisionId: project.revisionId,
      data: XOR_DATA,
      config: SMALL_CONFIG,
      backendChoice: 'cpu',
    });
    return { project, run, folder: store.runFolder(run.id) };
  }

  it('moves projects to the trash and back', () => {
    const store = testStore();
    const a = store.createProject({ name: 'A', graph: network() });
    const b = store.createProject({ name: 'B', graph: network() });
    store.trashProject(a.id);
    store.trashProject(a.id); // twice is fine; the first time is kept
    expect(store.listProjects({ trashed: false }).map((p) => p.name)).toEqual(['B']);
    const trashed = store.listProjects({ trashed: true });
    expect(trashed.map((p) => p.name)).toEqual(['A']);
    expect(trashed[0]!.trashedAt).not.toBeNull();
    expect(store.getProject(a.id).trashedAt).toBe(trashed[0]!.trashedAt);
    store.restoreProject(a.id);
    expect(store.listProjects({ trashed: true })).toEqual([]);
    expect(
      store
        .listProjects({ trashed: false })
        .map((p) => p.name)
        .sort(),
    ).toEqual(['A', 'B']);
    expect(store.getProject(b.id).trashedAt).toBeNull();
    store.close();
  });

  it('empties the trash: rows, revisions, runs, epochs and run folders go; the rest stays', () => {
    const store = testStore();
    const kept = projectWithRun(store, 'Kept');
    const gone = projectWithRun(store, 'Gone');
    for (const { run } of [kept, gone]) {
      for (const event of trainerEvents(2)) store.recordEvent(run.id, event);
    }
    store.saveGraph(gone.project.id, network(9));
    store.trashProject(gone.project.id);
    expect(tableCounts(store.dataDir)).toEqual({ projects: 2, revisions: 3, runs: 2, epochs: 4 });

    expect(store.emptyTrash()).toBe(1);
    expect(tableCounts(store.dataDir)).toEqual({ projects: 1, revisions: 1, runs: 1, epochs: 2 });
    expect(existsSync(gone.folder)).toBe(false);
    expect(existsSync(kept.folder)).toBe(true);
    expectStoreError(() => store.getProject(gone.project.id), 'not-found');
    expectStoreError(() => store.getRun(gone.run.id), 'not-found');
    expect(store.listProjects({ trashed: true })).toEqual([]);
    expect(store.emptyTrash()).toBe(0);
    store.close();
  });

  it('keeps a trashed project whose run is still training until the run ends', () => {
    const store = testStore();
    const busy = projectWithRun(store, 'Busy');
    store.trashProject(busy.project.id);
    expect(store.emptyTrash()).toBe(0);
    expect(store.listProjects({ trashed: true }).map((p) => p.name)).toEqual(['Busy']);
    for (const event of trainerEvents(1)) store.recordEvent(busy.run.id, event);
    expect(store.emptyTrash()).toBe(1);
    expect(existsSync(busy.folder)).toBe(false);
    store.close();
  });
});

describe('settings', () => {
  it('saves training settings and refuses what is not a plain object or too large', () => {
    const store = testStore();
    const project = store.createProject({ name: 'S', graph: network() });
    store.saveSettings(project.id, { epochs: 5, optimizer: { type: 'adam' } });
    expect(store.getProject(project.id).settings).toEqual({
      epochs: 5,
      optimizer: { type: 'adam' },
    });
    expectStoreError(
      () => store.saveSettings(project.id, [] as unknown as Record<string, unknown>),
      'invalid-input',
    );
    expectStoreError(
      () => store.saveSettings(project.id, { big: 1n }),
      'invalid-input',
      /could not be stored/,
    );
    expectStoreError(
      () => store.saveSettings(project.id, { text: 'x'.repeat(2_000_000) }),
      'too-large',
    );
    expect(store.getProject(project.id).settings).toEqual({
      epochs: 5,
      optimizer: { type: 'adam' },
    });
    store.close();
  });
});
