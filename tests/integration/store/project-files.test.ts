import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import type { ProjectStore } from '../../../src/main/services/store';
import { projectSchema, runSchema } from '../../../src/shared/api/records';
import { parseGraphDocumentOrThrow } from '../../../src/shared/graph/parse';
import {
  SMALL_CONFIG,
  XOR_DATA,
  network,
  removeTempFolders,
  tableCounts,
  testStore,
  trainerEvents,
} from '../../fixtures/store/store-helpers';
import { expectStoreError } from '../../fixtures/store/expect-store-error';

/**
 * Export and import: the two file forms round-trip everything a project holds (weights
 * byte for byte), files from a newer Neurite are refused, and broken files are refused with
 * what is wrong, all without writing anything.
 */

afterAll(removeTempFolders);

const PNG = 'data:image/png;base64,iVBORw0KGgo=';
const json = (bytes: Uint8Array) => JSON.parse(new TextDecoder().decode(bytes));

/** A project with history, settings, a picture and two runs, one with a saved model. */
function richProject(store: ProjectStore) {
  const project = store.createProject({ name: 'Lab 4: XOR?', graph: network(2), description: 'D' });
  const trainedOn = store.saveGraph(project.id, network(3), PNG).revisionId;
  store.saveSettings(project.id, { epochs: 3, data: XOR_DATA });
  const start = (revisionId: number) =>
    store.createRun({
      projectId: project.id,
      revisionId,
      data: XOR_DATA,
      config: SMALL_CONFIG,
      backendChoice: 'cpu',
    });
  const withModel = start(trainedOn);
  for (const event of trainerEvents(3)) store.recordEvent(withModel.id, event);
  const folder = store.runFolder(withModel.id);
  const weights = new Uint8Array(4096).map((_, i) => (i * 7919) % 256);
  writeFileSync(path.join(folder, 'weights.bin'), weights);
  writeFileSync(
    path.join(folder, 'model.json'),
    JSON.stringify({ format: 'layers-model', weightsManifest: [] }),
  );
  writeFileSync(path.join(folder, 'metrics.json'), '{"loss": 0.05}');
  store.saveGraph(project.id, network(5));
  const stopped = start(store.getProject(project.id).revisionId);
  for (const event of trainerEvents(1, 'stopped')) store.recordEvent(stopped.id, event);
  return { project: store.getProject(project.id), withModel, stopped, weights, trainedOn };
}

describe('exporting', () => {
  it('writes "<name>.neurite.json" without runs', () => {
    const store = testStore();
    const { project } = richProject(store);
    const file = store.exportProject(project.id, false);
    expect(file.fileName).toBe('Lab 4- XOR.neurite.json');
    expect(json(file.bytes)).toEqual({
      format: 'neurite-project',
      version: 1,
      graph: project.graph,
      settings: { epochs: 3, data: XOR_DATA },
      metadata: {
        name: 'Lab 4: XOR?',
        description: 'D',
        createdAt: project.createdAt,
        updatedAt: project.updatedAt,
        thumbnail: PNG,
      },
    });
    store.close();
  });

  it('writes a "<name>.neurite" zip with project.json and each run\'s record and model', () => {
    const store = testStore();
    const { project, withModel, stopped, weights, trainedOn } = richProject(store);
    const file = store.exportProject(project.id, true);
    expect(file.fileName).toBe('Lab 4- XOR.neurite');
    const entries = unzipSync(file.bytes);
    expect(Object.keys(entries).sort()).toEqual(
      [
        'project.json',
        `runs/${withModel.id}/run.json`,
        `runs/${withModel.id}/model.json`,
        `runs/${withModel.id}/weights.bin`,
        `runs/${withModel.id}/metrics.json`,
        `runs/${stopped.id}/run.json`,
      ].sort(),
    );
    expect(json(entries['project.json']!)).toEqual(
      json(store.exportProject(project.id, false).bytes),
    );
    const runJson = json(entries[`runs/${withModel.id}/run.json`]!);
    const { graph, ...run } = runJson;
    expect(run).toEqual(store.getRun(withModel.id));
    expect(run.revisionId).toBe(trainedOn);
    expect(graph).toEqual(parseGraphDocumentOrThrow(network(3)));
    expect(
      Buffer.from(entries[`runs/${withModel.id}/weights.bin`]!).equals(Buffer.from(weights)),
    ).toBe(true);
    store.close();
  });
});

describe('importing', () => {
  it('round-trips the JSON form: same network, settings, name, description and picture', () => {
    const store = testStore();
    const { project } = richProject(store);
    const file = store.exportProject(project.id, false);
    const imported = store.importProject(file.fileName, file.bytes);
    expect(projectSchema.parse(imported)).toEqual(imported);
    expect(imported.id).not.toBe(project.id);
    expect(imported).toMatchObject({
      // The original is still there: the copy's name tells them apart.
      name: `${project.name} (2)`,
      description: project.description,
      thumbnail: PNG,
      settings: project.settings,
      graph: project.graph,
      revisionCount: 1,
      runCount: 0,
    });
    store.close();
  });

  it('round-trips the zip form into another data folder: runs with new ids, epochs, and identical weights', () => {
    const source = testStore();
    const { project, withModel, stopped, weights } = richProject(source);
    const file = source.exportProject(project.id, true);
    const target = testStore();
    const imported = target.importProject(file.fileName, file.bytes);
    expect(imported).toMatchObject({ name: project.name, graph: project.graph, runCount: 2 });
    const runs = target.listRuns(imported.id);
    expect(runs).toHaveLength(2);
    const ids = runs.map((r) => r.id);
    expect(ids).not.toContain(withModel.id);
    expect(ids).not.toContain(stopped.id);

    const copy = runs.find((r) => r.hasWeights)!;
    const original = source.getRun(withModel.id);
    const copied = target.getRun(copy.id);
    expect(runSchema.parse(copied)).toEqual(copied);
    const { id: _a, projectId: _b, revisionId: _c, ...sameOriginal } = original;
    const { id: _d, projectId: _e, revisionId: _f, ...sameCopy } = copied;
    expect(sameCopy).toEqual(sameOriginal);
    const folder = target.runFolder(copy.id);
    expect(readFileSync(path.join(folder, 'weights.bin')).equals(Buffer.from(weights))).toBe(true);
    expect(readFileSync(path.join(folder, 'model.json'), 'utf8')).toBe(
      readFileSync(path.join(source.runFolder(withModel.id), 'model.json'), 'utf8'),
    );
    // Each run keeps the network it was trained on, as a revision of the new project.
    const graphOf = (store: ProjectStore, projectId: string, revisionId: number) =>
      store.restoreRevision(projectId, revisionId).graph;
    expect(graphOf(target, imported.id, copied.revisionId)).toEqual(
      graphOf(source, project.id, original.revisionId),
    );
    expect(target.getRun(runs.find((r) => !r.hasWeights)!.id).status).toBe('stopped');
    source.close();
    target.close();
  });

  it('imports the same file twice as two projects', () => {
    const store = testStore();
    const { project } = richProject(store);
    const file = store.exportProject(project.id, true);
    const one = store.importProject(file.fileName, file.bytes);
    const two = store.importProject(file.fileName, file.bytes);
    expect(one.id).not.toBe(two.id);
    expect([project.name, one.name, two.name]).toEqual([
      'Lab 4: XOR?',
      'Lab 4: XOR? (2)',
      'Lab 4: XOR? (3)',
    ]);
    expect(store.listRuns(two.id)).toHaveLength(2);
    expect(tableCounts(store.dataDir).runs).toBe(6);
    store.close();
  });

  it('imports a run that was exported while training as failed', () => {
    const store = testStore();
    const project = store.createProject({ name: 'Live', graph: network() });
    const run = store.createRun({
      projectId: project.id,
      revisionId: project.revisionId,
      data: XOR_DATA,
      config: SMALL_CONFIG,
      backendChoice: 'cpu',
    });
    store.recordEvent(run.id, trainerEvents(1)[0]!);
    const file = store.exportProject(project.id, true);
    const imported = store.importProject(file.fileName, file.bytes);
    expect(store.listRuns(imported.id)[0]).toMatchObject({
      status: 'failed',
      message: expect.stringMatching(/closed/),
    });
    store.close();
  });

  it('imports a plain network file as a project named after the network', () => {
    const store = testStore();
    const bytes = strToU8(JSON.stringify(network(6, 'My network')));
    const imported = store.importProject('anything.json', bytes);
    expect(imported).toMatchObject({
      name: 'My network',
      description: 'A 6-unit hidden layer.',
      settings: {},
    });
    // A name only a project in the trash has is taken too: restoring it would make two.
    store.trashProject(imported.id);
    expect(store.importProject('anything.json', bytes).name).toBe('My network (2)');
    const untitled = { ...network(6), metadata: { name: '  ', description: '' } };
    expect(store.importProject('Lesson 2.json', strToU8(JSON.stringify(untitled))).name).toBe(
      'Lesson 2',
    );
    store.close();
  });
});

describe('refusing files', () => {
  /** Import must fail with `code`, leaving the store as it was (rows and run folders). */
  function refused(
    store: ProjectStore,
    fileName: string,
    bytes: Uint8Array,
    code: string,
    text: RegExp,
  ) {
    const before = tableCounts(store.dataDir);
    const runsFolder = path.join(store.dataDir, 'runs');
    const foldersBefore = existsSync(runsFolder) ? readdirSync(runsFolder).sort() : [];
    const error = expectStoreError(() => store.importProject(fileName, bytes), code as never, text);
    expect(tableCounts(store.dataDir)).toEqual(before);
    expect(existsSync(runsFolder) ? readdirSync(runsFolder).sort() : []).toEqual(foldersBefore);
    return error;
  }

  it('refuses a project file from a newer Neurite, in either form, and writes nothing', () => {
    const store = testStore();
    const { project } = richProject(store);
    const newer = { ...json(store.exportProject(project.id, false).bytes), version: 4 };
    refused(
      store,
      'new.neurite.json',
      strToU8(JSON.stringify(newer)),
      'unsupported',
      /newer version of Neurite.*Update Neurite/,
    );
    const entries = unzipSync(store.exportProject(project.id, true).bytes);
    entries['project.json'] = strToU8(JSON.stringify(newer));
    refused(
      store,
      'new.neurite',
      zipSync(entries),
      'unsupported',
      /version 4; this Neurite reads up to version 3/,
    );
    store.close();
  });

  it('refuses garbage, naming what is wrong', () => {
    const store = testStore();
    const { project } = richProject(store);
    const good = json(store.exportProject(project.id, false).bytes);
    const text = (value: unknown) =>
      strToU8(typeof value === 'string' ? value : JSON.stringify(value));
    const cases: [string, Uint8Array, RegExp][] = [
      ['empty.neurite', new Uint8Array(0), /is empty/],
      [
        'random.neurite',
        new Uint8Array(2000).map((_, i) => (i * 131 + 7) % 256),
        /neither text nor a zip/,
      ],
      ['words.neurite.json', text('hello there'), /not valid JSON/],
      ['list.neurite.json', text([1, 2]), /no JSON object/],
      ['other.json', text({ format: 'something' }), /"format" must be "neurite-project"/],
      ['noversion.neurite.json', text({ ...good, version: 'one' }), /no valid "version"/],
      ['noname.neurite.json', text({ ...good, metadata: { description: '' } }), /metadata\.name/],
      ['blankname.neurite.json', text({ ...good, metadata: { name: '  ' } }), /name/],
      ['extra.neurite.json', text({ ...good, surprise: 1 }), /surprise/],
      [
        'badgraph.neurite.json',
        text({ ...good, graph: { ...good.graph, edges: 'x' } }),
        /graph\.edges/,
      ],
      ['nosettings.neurite.json', text({ ...good, settings: [] }), /settings/],
    ];
    for (const [fileName, bytes, message] of cases)
      refused(store, fileName, bytes, 'invalid-input', message);

    const zipped = unzipSync(store.exportProject(project.id, true).bytes);
    const runFolders = [
      ...new Set(
        Object.keys(zipped)
          .filter((n) => n.startsWith('runs/'))
          .map((n) => n.split('/')[1]),
      ),
    ];
    const withModel = runFolders.find((id) => zipped[`runs/${id}/model.json`])!;
    const without = (name: string) =>
      Object.fromEntries(Object.entries(zipped).filter(([n]) => n !== name));
    const archives: [string, Uint8Array, RegExp][] = [
      ['no-project.neurite', zipSync(without('project.json')), /without project\.json/],
      ['cut.neurite', zipSync(zipped).subarray(0, 500), /cannot be unpacked/],
      [
        'no-weights.neurite',
        zipSync(without(`runs/${withModel}/weights.bin`)),
        /only one of model\.json and weights\.bin/,
      ],
      ['no-record.neurite', zipSync(without(`runs/${withModel}/run.json`)), /no run\.json/],
      [
        'bad-run.neurite',
        zipSync({ ...zipped, [`runs/${withModel}/run.json`]: text({ status: 'running' }) }),
        /In runs\/.*\/run\.json: The run cannot be used/,
      ],
      [
        'bad-project-graph.neurite',
        zipSync({
          ...zipped,
          'project.json': text({
            ...good,
            graph: { format: 'neurite-graph', version: 1, nodes: [{}], edges: [] },
          }),
        }),
        /In project\.json: The network could not be saved: graph\.nodes\[0\]/,
      ],
    ];
    for (const [fileName, bytes, message] of archives)
      refused(store, fileName, bytes, 'invalid-input', message);
    store.close();
  });

  it('refuses files over the size limit before reading them', () => {
    const store = testStore();
    refused(
      store,
      'huge.neurite',
      new Uint8Array(151 * 1024 * 1024),
      'too-large',
      /at most 150 MB/,
    );
    store.close();
  });
});
