import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import type { LabGradeRow } from '../../../src/shared/labs/lab-api';
import { formatFigure } from '../../../src/shared/labs/run-goals';
import { apiServices, callService, refusalOf } from '../../fixtures/api-service';
import type { TestService } from '../../fixtures/api-service';
import { runNeurite } from '../../fixtures/cli';
import {
  PERCEPTRON_GOALS as GOALS,
  PERCEPTRON_LAB,
  PERCEPTRON_LAB_FILE,
  handIn,
  perceptronTraining,
  startPerceptronLab,
  twoStudents,
} from '../../fixtures/labs/lab-submissions';

/**
 * Handing in and grading, as a class does it: students' perceptron projects trained for real
 * and handed in through the API, then 30 submission files (copies of those bytes, some
 * damaged, one for another lab, one edited to claim more than its weights give) graded through
 * `labs.grade` and by `neurite grade` on the folder.
 */

const open = apiServices();

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

async function grade(
  test: TestService,
  file: { fileName: string; bytes: Uint8Array },
  lab: unknown = PERCEPTRON_LAB,
): Promise<LabGradeRow> {
  return callService<LabGradeRow>(test.service, 'labs.grade', {
    lab,
    submission: { fileName: file.fileName, base64: base64(file.bytes) },
  });
}

/** A submission with some of its entries changed. */
function edited(
  bytes: Uint8Array,
  change: (entries: Record<string, Uint8Array>) => void,
): Uint8Array {
  const entries = unzipSync(bytes);
  change(entries);
  return zipSync(entries);
}

const json = (bytes: Uint8Array | undefined) => JSON.parse(strFromU8(bytes!));

describe('labs.handIn', () => {
  it('refuses a project without a lab, or with a run still training, with a sentence', async () => {
    const test = open();
    const plain = await callService<{ id: string }>(test.service, 'projects.create', {
      name: 'No lab',
      template: 'perceptron',
    });
    const noLab = await refusalOf(test.service, 'labs.handIn', {
      projectId: plain.id,
      studentName: 'Ada',
    });
    expect(noLab.code).toBe('not-found');
    expect(noLab.message).toMatch(/does not follow a lab, so there is nothing to hand in/);

    const projectId = await startPerceptronLab(test, 'Perceptron');
    const { runId } = await callService<{ runId: string }>(
      test.service,
      'training.start',
      perceptronTraining(projectId, 'and', 100_000),
    );
    const training = await refusalOf(test.service, 'labs.handIn', {
      projectId,
      studentName: 'Ada',
    });
    expect(training.code).toBe('conflict');
    expect(training.message).toMatch(/still training\. Wait for it to finish, or stop it/);
    await callService(test.service, 'training.command', { runId, command: { type: 'stop' } });
    await expect
      .poll(
        async () =>
          (await callService<{ status: string }>(test.service, 'runs.get', { runId })).status,
        {
          timeout: 30_000,
        },
      )
      .not.toBe('running');

    const file = await handIn(test, projectId, ' Ada/Lovelace: "A"? ');
    expect(file.fileName).toBe('perceptron - Ada-Lovelace- -A.neurite');
    const info = json(unzipSync(file.bytes)['submission.json']);
    expect(info).toEqual({
      format: 'neurite-lab-submission',
      version: 1,
      labId: 'perceptron',
      student: 'Ada/Lovelace: "A"?',
      handedInAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      neuriteVersion: expect.any(String),
    });
  }, 60_000);
});

describe('collecting and grading 30 submissions of the perceptron lab', () => {
  it('grades each from its network, weights and answers, and names what is wrong with the rest', async () => {
    const test = open();
    const { done, weak } = await twoStudents(test);

    // A submission opens as a normal project file too: the lab, progress and runs come back.
    const ada = await handIn(test, done, 'Ada Lovelace');
    expect(ada.fileName).toBe('perceptron - Ada Lovelace.neurite');
    const opened = await callService<{ id: string }>(test.service, 'projectFiles.import', {
      fileName: ada.fileName,
      base64: base64(ada.bytes),
    });
    const status = await callService<{ progress: unknown; goals: { met: boolean }[] }>(
      test.service,
      'labs.status',
      { projectId: opened.id },
    );
    expect(status.progress).toEqual({ step: 0, answers: { 'why-xor': 1 }, hintsShown: { '0': 1 } });
    expect(status.goals.every((goal) => goal.met)).toBe(true);
    expect(
      await callService<unknown[]>(test.service, 'runs.list', { projectId: opened.id }),
    ).toHaveLength(3);

    const files: { fileName: string; bytes: Uint8Array; kind: string }[] = [];
    for (let i = 1; i <= 17; i += 1) {
      files.push({
        ...(await handIn(test, done, `Student ${String(i).padStart(2, '0')}`)),
        kind: 'done',
      });
    }
    for (let i = 18; i <= 23; i += 1) {
      files.push({ ...(await handIn(test, weak, `Student ${i}`)), kind: 'weak' });
    }
    const weakFile = await handIn(test, weak, 'Mallory');
    // Mallory's file claims a perfect training accuracy for the one-epoch run.
    const claiming = edited(weakFile.bytes, (entries) => {
      for (const name of Object.keys(entries).filter((entry) => entry.endsWith('/run.json'))) {
        const run = json(entries[name]);
        run.final.train.metrics.accuracy = 1;
        run.finalMetrics.accuracy = 1;
        entries[name] = strToU8(JSON.stringify(run));
      }
    });
    files.push({ fileName: weakFile.fileName, bytes: claiming, kind: 'claims' });
    const good = files[0]!.bytes;
    files.push({
      fileName: 'perceptron - Cut.neurite',
      bytes: good.subarray(0, Math.floor(good.length / 2)),
      kind: 'truncated',
    });
    files.push({
      fileName: 'perceptron - Text.neurite',
      bytes: strToU8('This is my homework.'),
      kind: 'not a zip',
    });
    files.push({
      fileName: 'perceptron - Zip.neurite',
      bytes: zipSync({ 'notes.txt': strToU8('hello') }),
      kind: 'no project',
    });
    files.push({
      fileName: 'perceptron-two - Eve.neurite',
      bytes: edited(good, (entries) => {
        const project = json(entries['project.json']);
        project.lab.source = project.lab.source.replace('id: perceptron', 'id: perceptron-two');
        entries['project.json'] = strToU8(JSON.stringify(project));
        const info = json(entries['submission.json']);
        entries['submission.json'] = strToU8(JSON.stringify({ ...info, labId: 'perceptron-two' }));
      }),
      kind: 'other lab',
    });
    const exported = await callService<{ fileName: string; base64: string }>(
      test.service,
      'projectFiles.export',
      { projectId: done, includeRuns: true },
    );
    files.push({
      fileName: exported.fileName,
      bytes: new Uint8Array(Buffer.from(exported.base64, 'base64')),
      kind: 'export',
    });
    files.push({
      fileName: 'perceptron - Nobody.neurite',
      bytes: edited(good, (entries) => {
        const { student: _student, ...info } = json(entries['submission.json']);
        entries['submission.json'] = strToU8(JSON.stringify(info));
      }),
      kind: 'bad info',
    });
    expect(files).toHaveLength(30);

    const started = Date.now();
    const rows: LabGradeRow[] = [];
    for (const file of files) rows.push(await grade(test, file));
    const seconds = (Date.now() - started) / 1000;
    expect(seconds).toBeLessThan(30);

    files.forEach((file, i) => {
      const row = rows[i]!;
      const met = Object.fromEntries(row.goals.map((goal) => [goal.id, goal.met]));
      switch (file.kind) {
        case 'done':
          expect(row).toMatchObject({ problem: null, met: 5, total: 5, hintsShown: 1, runs: 3 });
          expect(row.student).toBe(`Student ${String(i + 1).padStart(2, '0')}`);
          expect(row.goals.map((goal) => goal.id)).toEqual(GOALS);
          expect(row.best).toMatchObject({
            epochs: 30,
            part: 'train',
            claimed: { accuracy: 1 },
            recomputed: { examples: 4, metrics: { accuracy: 1 } },
          });
          break;
        case 'weak':
        case 'claims':
          expect(row).toMatchObject({ problem: null, met: 1, total: 5, hintsShown: 0, runs: 1 });
          expect(met).toEqual({
            'and-learned': false,
            'one-step-unit': true,
            'or-learned': false,
            'xor-tried': false,
            'why-xor': false,
          });
          // What the weights give, whatever the file claims.
          expect(row.goals[0]!.detail).toMatch(/^Training accuracy 50 % /);
          expect(row.best).toMatchObject({
            epochs: 1,
            part: 'train',
            claimed: { accuracy: file.kind === 'claims' ? 1 : 0.5 },
            recomputed: { examples: 4, metrics: { accuracy: 0.5 } },
          });
          break;
        case 'truncated':
          expect(row.problem).toMatch(/^damaged: the archive cannot be unpacked/);
          break;
        case 'not a zip':
          expect(row.problem).toMatch(/^not a Neurite submission: it is not a \.neurite archive/);
          break;
        case 'no project':
          expect(row.problem).toBe('not a Neurite submission: the archive has no project.json');
          break;
        case 'other lab':
          expect(row.problem).toBe('handed in for lab "perceptron-two", not "perceptron"');
          expect(row.student).toBe('Student 01');
          break;
        case 'export':
          expect(row.problem).toMatch(/^not a Neurite submission: .*without submission\.json/);
          break;
        case 'bad info':
          expect(row.problem).toMatch(/^damaged: submission\.json is not valid \(student: /);
          break;
      }
      if (row.problem !== null) {
        expect(row).toMatchObject({ goals: [], met: 0, total: 5, best: null });
      }
    });

    // A built-in lab is named by its id; a lab file that does not read is refused.
    const builtin = await grade(test, files[0]!, { builtin: 'perceptron' });
    expect(builtin).toMatchObject({ problem: null, student: 'Student 01', runs: 3 });
    expect(builtin.goals).toHaveLength(builtin.total);
    const broken = await refusalOf(test.service, 'labs.grade', {
      lab: { fileName: 'broken.neurite-lab.yaml', text: 'neuriteLab: 1\nid: x\ntitle: [' },
      submission: { fileName: files[0]!.fileName, base64: base64(files[0]!.bytes) },
    });
    expect(broken.code).toBe('invalid-input');
    expect(broken.message).toMatch(/broken\.neurite-lab\.yaml" cannot be used/);

    // `neurite grade` on a folder of the same 30 files gives the same table, as CSV too.
    const folder = mkdtempSync(path.join(tmpdir(), 'neurite-grade-'));
    folders.push(folder);
    const names = files.map((file, i) => `${String(i + 1).padStart(2, '0')} ${file.fileName}`);
    files.forEach((file, i) => writeFileSync(path.join(folder, names[i]!), file.bytes));
    const csv = path.join(folder, 'grades.csv');
    const cli = await runNeurite('grade', PERCEPTRON_LAB_FILE, folder, '--csv', csv);
    expect(cli.code).toBe(2);
    expect(cli.stdout).toMatch(/24 of 30 submissions graded against "The perceptron"/);
    expect(cli.stderr.trim().split('\n')).toHaveLength(6);
    expect(cli.stderr).toContain('handed in for lab "perceptron-two", not "perceptron"');
    const table = Papa.parse<Record<string, string>>(readFileSync(csv, 'utf8').trimEnd(), {
      header: true,
    });
    expect(table.data).toHaveLength(30);
    // The columns the Collect dialog's Export CSV writes too (src/shared/labs/grade-columns.ts).
    expect(table.meta.fields).toEqual([
      ...['file', 'student', 'handed in', 'problem', 'goals met', 'goals total', 'hints'],
      ...['figures on', 'accuracy', 'loss', 'claimed accuracy', 'claimed loss', ...GOALS],
    ]);
    table.data.forEach((line, i) => {
      const row = rows[i]!;
      expect(line['file']).toBe(names[i]);
      expect(line['student']).toBe(row.student ?? '');
      expect(line['problem']).toBe(row.problem ?? '');
      for (const goal of row.goals) expect(line[goal.id]).toBe(goal.met ? 'yes' : 'no');
      expect(line['goals met']).toBe(row.problem ? '' : String(row.met));
      expect(line['goals total']).toBe(row.problem ? '' : String(row.total));
      const accuracy = row.best?.recomputed.metrics['accuracy'];
      expect(line['accuracy']).toBe(accuracy === undefined ? '' : formatFigure(accuracy));
      const claimed = row.best?.claimed?.['accuracy'];
      expect(line['claimed accuracy']).toBe(claimed === undefined ? '' : formatFigure(claimed));
    });
    expect(table.data[23]).toMatchObject({
      student: 'Mallory',
      'and-learned': 'no',
      accuracy: '0.5',
      'claimed accuracy': '1',
    });
  }, 120_000);
});
