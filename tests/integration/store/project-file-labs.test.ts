import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import type { ProjectStore } from '../../../src/main/services/store';
import {
  SMALL_CONFIG,
  XOR_DATA,
  network,
  removeTempFolders,
  repoRoot,
  testStore,
  trainerEvents,
} from '../../fixtures/store/store-helpers';
import { expectStoreError } from '../../fixtures/store/expect-store-error';

/**
 * A project that follows a lab keeps it in its file: the lab's text, the student's progress
 * and when they started come back on import, in either form, and such a file is version 3 so
 * that an older Neurite refuses it instead of dropping the lab. Files without a lab keep the
 * lowest version that holds them.
 */

afterAll(removeTempFolders);

const LAB_SOURCE = readFileSync(
  path.join(repoRoot, 'resources/labs/02-perceptron.neurite-lab.yaml'),
  'utf8',
);
const PROGRESS = { step: 2, answers: { 'why-xor': 1 }, hintsShown: { '0': 1, '2': 1 } };
const json = (bytes: Uint8Array) => JSON.parse(new TextDecoder().decode(bytes));

function labProject(store: ProjectStore) {
  const project = store.createProject({
    name: 'Perceptron lab',
    graph: network(2),
    lab: { labId: 'perceptron', title: 'The perceptron', source: LAB_SOURCE },
  });
  store.saveLabProgress(project.id, PROGRESS);
  const run = store.createRun({
    projectId: project.id,
    revisionId: project.revisionId,
    data: XOR_DATA,
    config: SMALL_CONFIG,
    backendChoice: 'cpu',
  });
  for (const event of trainerEvents(2)) store.recordEvent(run.id, event);
  const folder = store.runFolder(run.id);
  writeFileSync(path.join(folder, 'weights.bin'), new Uint8Array([1, 2, 3, 4]));
  writeFileSync(path.join(folder, 'model.json'), JSON.stringify({ weightsManifest: [] }));
  return store.getProject(project.id);
}

describe('a project that follows a lab, in a project file', () => {
  it('round-trips the lab, the progress and when it started, with runs and without', () => {
    const store = testStore();
    const project = labProject(store);
    const before = store.projectLab(project.id)!;
    for (const includeRuns of [false, true]) {
      const file = store.exportProject(project.id, includeRuns);
      const projectJson = includeRuns
        ? json(unzipSync(file.bytes)['project.json']!)
        : json(file.bytes);
      expect(projectJson.version).toBe(3);
      expect(projectJson.lab).toEqual({
        source: LAB_SOURCE,
        progress: PROGRESS,
        startedAt: before.startedAt,
      });
      const copy = store.importProject(file.fileName, file.bytes);
      expect(store.projectLab(copy.id)).toEqual(before);
      expect(store.listRuns(copy.id)).toHaveLength(includeRuns ? 1 : 0);
    }
    store.close();
  });

  it('writes projects without a lab with the lowest version that holds them', () => {
    const store = testStore();
    const plain = store.createProject({ name: 'Plain', graph: network(2) });
    const file = store.exportProject(plain.id, true);
    const projectJson = json(unzipSync(file.bytes)['project.json']!);
    expect(projectJson.version).toBe(1);
    expect(projectJson).not.toHaveProperty('lab');
    expect(store.projectLab(store.importProject(file.fileName, file.bytes).id)).toBeUndefined();
    store.close();
  });

  it('keeps what still reads of damaged progress, and refuses a lab that does not read', () => {
    const store = testStore();
    const project = labProject(store);
    const file = json(store.exportProject(project.id, false).bytes);
    const damaged = { ...file, lab: { ...file.lab, progress: { step: 'two' } } };
    const copy = store.importProject('p.neurite.json', strToU8(JSON.stringify(damaged)));
    expect(store.projectLab(copy.id)!.progress).toEqual({ step: 0, answers: {}, hintsShown: {} });

    const broken = { ...file, lab: { ...file.lab, source: 'neuriteLab: 1\nid: [oops' } };
    expectStoreError(
      () => store.importProject('p.neurite.json', strToU8(JSON.stringify(broken))),
      'invalid-input',
      /In lab: The lab the project follows cannot be read/,
    );
    store.close();
  });

  it('adds extra entries to the archive, which an import leaves out', () => {
    const store = testStore();
    const project = labProject(store);
    const file = store.exportProject(project.id, true, { 'submission.json': strToU8('{}') });
    const entries = unzipSync(file.bytes);
    expect(Object.keys(entries)).toContain('submission.json');
    const copy = store.importProject(file.fileName, zipSync(entries));
    expect(store.projectLab(copy.id)?.labId).toBe('perceptron');
    store.close();
  });
});
