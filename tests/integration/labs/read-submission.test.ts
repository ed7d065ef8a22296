import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { handInProject } from '../../../src/main/labs/hand-in';
import type { Submission, SubmissionProblem } from '../../../src/main/labs/read-submission';
import { readSubmission } from '../../../src/main/labs/read-submission';
import type { ProjectStore } from '../../../src/main/services/store';
import { PERCEPTRON_LAB } from '../../fixtures/labs/lab-submissions';
import {
  SMALL_CONFIG,
  network,
  removeTempFolders,
  testStore,
  trainerEvents,
} from '../../fixtures/store/store-helpers';

/**
 * Reading a submission file as a grader does: every way a file can be wrong is a sentence
 * for the teacher's table, never a thrown error, and a zip that declares more than the import
 * limits is refused before it is unpacked.
 */

afterAll(removeTempFolders);

const AND_DATA = { source: 'builtin', name: 'and' } as const;

/** A perceptron-lab project with one finished run and its (made-up) saved model, handed in. */
function handedIn(store: ProjectStore): Uint8Array {
  const project = store.createProject({
    name: 'Perceptron',
    graph: network(2),
    lab: { labId: 'perceptron', title: 'The perceptron', source: PERCEPTRON_LAB.text },
  });
  const run = store.createRun({
    projectId: project.id,
    revisionId: project.revisionId,
    data: AND_DATA,
    config: SMALL_CONFIG,
    backendChoice: 'cpu',
  });
  for (const event of trainerEvents(2)) store.recordEvent(run.id, event);
  const folder = store.runFolder(run.id);
  writeFileSync(path.join(folder, 'weights.bin'), new Uint8Array(64));
  writeFileSync(path.join(folder, 'model.json'), JSON.stringify({ weightsManifest: [] }));
  return handInProject(store, {
    projectId: project.id,
    studentName: 'Ada',
    neuriteVersion: '1.2.3',
    now: new Date('2026-03-02T10:00:00Z'),
  }).bytes;
}

function changed(bytes: Uint8Array, change: (entries: Record<string, Uint8Array>) => void) {
  const entries = unzipSync(bytes);
  change(entries);
  return zipSync(entries);
}

const json = (bytes: Uint8Array | undefined) => JSON.parse(strFromU8(bytes!));
const problemOf = (read: Submission | SubmissionProblem) =>
  'problem' in read ? read.problem : undefined;

/** Sets the size an entry says it unpacks to, in the zip's central directory. */
function declareSize(bytes: Uint8Array, name: string, size: number): Uint8Array {
  const copy = bytes.slice();
  const view = new DataView(copy.buffer);
  for (let at = copy.length - 22; at >= 0; at -= 1) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const nameLength = view.getUint16(at + 28, true);
    if (strFromU8(copy.subarray(at + 46, at + 46 + nameLength)) === name) {
      view.setUint32(at + 24, size, true);
      return copy;
    }
  }
  throw new Error(`no entry ${name}`);
}

describe('readSubmission', () => {
  const store = testStore();
  const good = handedIn(store);
  afterAll(() => store.close());

  it('reads who handed it in, and the project with its lab, progress and runs', () => {
    const read = readSubmission('a.neurite', good, 'perceptron');
    if ('problem' in read) throw new Error(read.problem);
    expect(read.info).toEqual({
      format: 'neurite-lab-submission',
      version: 1,
      labId: 'perceptron',
      student: 'Ada',
      handedInAt: '2026-03-02T10:00:00.000Z',
      neuriteVersion: '1.2.3',
    });
    expect(read.project.lab).toMatchObject({ labId: 'perceptron', source: PERCEPTRON_LAB.text });
    expect(read.project.runs).toHaveLength(1);
    expect(Object.keys(read.project.runs[0]!.files).sort()).toEqual(['model.json', 'weights.bin']);
  });

  it('names every way a file can be wrong', () => {
    const cases: [string, Uint8Array, RegExp][] = [
      ['empty', new Uint8Array(0), /^damaged: the file is empty$/],
      ['text', strToU8('{"format": "neurite-project"}'), /^not a Neurite submission: it is not/],
      ['cut short', good.subarray(0, 200), /^damaged: the archive cannot be unpacked/],
      [
        'newer submission',
        changed(good, (entries) => {
          entries['submission.json'] = strToU8(
            JSON.stringify({ ...json(entries['submission.json']), version: 2 }),
          );
        }),
        /^handed in with a newer Neurite \(submission version 2; this one reads version 1\)/,
      ],
      [
        'newer project file',
        changed(good, (entries) => {
          entries['project.json'] = strToU8(
            JSON.stringify({ ...json(entries['project.json']), version: 4 }),
          );
        }),
        /^made with a newer Neurite: .*Update Neurite to open it/,
      ],
      [
        'broken run',
        changed(good, (entries) => {
          const name = Object.keys(entries).find((entry) => entry.endsWith('run.json'))!;
          entries[name] = strToU8('{"id": ');
        }),
        /^damaged: In runs\/[^/]+\/run\.json: /,
      ],
      [
        'no lab',
        changed(good, (entries) => {
          const { lab: _lab, ...project } = json(entries['project.json']);
          entries['project.json'] = strToU8(JSON.stringify({ ...project, version: 1 }));
        }),
        /^not a Neurite submission: the project in it follows no lab$/,
      ],
      [
        'two labs',
        changed(good, (entries) => {
          entries['submission.json'] = strToU8(
            JSON.stringify({ ...json(entries['submission.json']), labId: 'xor' }),
          );
        }),
        /^damaged: submission\.json says lab "xor" but the project follows lab "perceptron"/,
      ],
      [
        'zip bomb',
        declareSize(
          good,
          Object.keys(unzipSync(good)).find((e) => e.endsWith('weights.bin'))!,
          0x7fffffff,
        ),
        /^too large: .*unpacks to more than 512 MB/,
      ],
    ];
    for (const [what, bytes, problem] of cases) {
      expect(problemOf(readSubmission('s.neurite', bytes, 'perceptron')), what).toMatch(problem);
    }
  });

  it('says which lab a submission was handed in for', () => {
    expect(problemOf(readSubmission('s.neurite', good, 'xor'))).toBe(
      'handed in for lab "perceptron", not "xor"',
    );
  });
});
