import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiService } from '../../../src/main/services/api-service';
import { createApiService } from '../../../src/main/services/api-service';
import type { LabGradeRow } from '../../../src/shared/labs/lab-api';
import { callService } from '../../fixtures/api-service';
import { runNeurite, tempFile } from '../../fixtures/cli';
import { PERCEPTRON_LAB, PERCEPTRON_LAB_FILE } from '../../fixtures/labs/lab-submissions';

/**
 * `neurite grade` as a teacher runs it: a lab by id or by file, a folder of submissions, the
 * table printed and written as CSV, and every input it cannot use named with exit code 2.
 * These submissions have no runs (the API test grades trained ones), so no process starts.
 */

const folders: string[] = [];
function tempDir(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'neurite-cli-grade-'));
  folders.push(folder);
  return folder;
}

let service: ApiService;
let submissions: string;
let otherLab: string;

beforeAll(async () => {
  service = createApiService({ dataDir: tempDir(), transport: 'websocket' });
  const project = await callService<{ id: string }>(service, 'labs.start', {
    lab: PERCEPTRON_LAB,
    name: 'Perceptron',
  });
  await callService(service, 'labs.answer', {
    projectId: project.id,
    goalId: 'why-xor',
    answer: 1,
  });
  submissions = tempDir();
  for (const student of ['Ada', 'Grace']) {
    const file = await callService<{ fileName: string; base64: string }>(service, 'labs.handIn', {
      projectId: project.id,
      studentName: student,
    });
    writeFileSync(path.join(submissions, file.fileName), Buffer.from(file.base64, 'base64'));
  }
  // Not a submission: the folder's other files are left alone.
  writeFileSync(path.join(submissions, 'notes.txt'), 'Lab 2, Tuesday group');
  const entries = unzipSync(readFileSync(path.join(submissions, 'perceptron - Ada.neurite')));
  const projectJson = JSON.parse(strFromU8(entries['project.json']!));
  projectJson.lab.source = projectJson.lab.source.replace('id: perceptron', 'id: xor-mlp');
  entries['project.json'] = strToU8(JSON.stringify(projectJson));
  const info = JSON.parse(strFromU8(entries['submission.json']!));
  entries['submission.json'] = strToU8(JSON.stringify({ ...info, labId: 'xor-mlp' }));
  otherLab = path.join(tempDir(), 'xor-mlp - Ada.neurite');
  writeFileSync(otherLab, zipSync(entries));
});

afterAll(async () => {
  await service?.close();
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

describe('neurite grade', () => {
  it('grades a folder against a lab file, prints the table and writes it as CSV', async () => {
    const csv = path.join(tempDir(), 'grades.csv');
    const run = await runNeurite('grade', PERCEPTRON_LAB_FILE, submissions, '--csv', csv);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    // One line per submission within 100 columns; the goals not met listed under it.
    expect(lines[0]).toMatch(/^file\s+student\s+handed in\s+met\s+hints\s+part\s+accuracy\s+loss$/);
    expect(lines[2]).toMatch(
      /^perceptron - Ada\.neurite\s+Ada\s+\d{4}-\d\d-\d\d \d\d:\d\d\s+2\/5\s+0$/,
    );
    expect(lines[3]).toMatch(/^ {4}not met: and-learned, /);
    expect(lines[3]).not.toContain('why-xor');
    expect(lines.find((line) => /^perceptron - Grace\.neurite\s+Grace\s/.test(line))).toBeDefined();
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(100);
    expect(run.stdout).toContain(
      '2 of 2 submissions graded against "The perceptron" (perceptron).',
    );
    const text = readFileSync(csv, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    const table = Papa.parse<Record<string, string>>(text.trimEnd(), { header: true });
    expect(table.meta.fields!.slice(0, 12)).toEqual([
      ...['file', 'student', 'handed in', 'problem', 'goals met', 'goals total', 'hints'],
      ...['figures on', 'accuracy', 'loss', 'claimed accuracy', 'claimed loss'],
    ]);
    expect(table.data).toEqual([
      expect.objectContaining({
        file: 'perceptron - Ada.neurite',
        student: 'Ada',
        'handed in': expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        problem: '',
        'goals met': '2',
        'goals total': '5',
        hints: '0',
        'figures on': '',
        accuracy: '',
        'why-xor': 'yes',
        'and-learned': 'no',
      }),
      expect.objectContaining({
        file: 'perceptron - Grace.neurite',
        student: 'Grace',
        'goals met': '2',
      }),
    ]);
  });

  it('takes a built-in lab by its id, and prints the rows as JSON', async () => {
    const run = await runNeurite(
      'grade',
      'perceptron',
      path.join(submissions, 'perceptron - Ada.neurite'),
      '--json',
    );
    expect(run.code).toBe(0);
    const printed = JSON.parse(run.stdout) as { lab: string; rows: LabGradeRow[] };
    expect(printed.lab).toBe('perceptron');
    expect(printed.rows).toHaveLength(1);
    // The built-in lab grows goals as the course does: only what holds for any version.
    const row = printed.rows[0]!;
    expect(row).toMatchObject({ student: 'Ada', problem: null, runs: 0, best: null });
    expect(row.goals).toHaveLength(row.total);
    expect(row.goals.find((goal) => goal.id === 'why-xor')?.met).toBe(true);
  });

  it('grades what it can and exits with 2 when a submission is for another lab', async () => {
    const run = await runNeurite('grade', PERCEPTRON_LAB_FILE, submissions, otherLab);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('2 of 3 submissions graded');
    // A file that could not be graded shows no totals, and says why under its line.
    expect(run.stdout).toMatch(
      /\nxor-mlp - Ada\.neurite\s+Ada\s+\d{4}-\d\d-\d\d \d\d:\d\d\n {4}not graded: handed in for lab "xor-mlp", not "perceptron"\n/,
    );
    expect(run.stderr).toBe(
      'xor-mlp - Ada.neurite: handed in for lab "xor-mlp", not "perceptron"\n',
    );
  });

  it('refuses a lab file that does not read, naming the line, and grades nothing', async () => {
    const broken = tempFile('broken.neurite-lab.yaml', 'neuriteLab: 1\nid: broken\ntitle: [\n');
    const run = await runNeurite('grade', broken, submissions);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(
      /The lab file "broken\.neurite-lab\.yaml" cannot be used:\n- line \d/,
    );
  });

  it('refuses a missing folder, an unknown lab and missing arguments', async () => {
    const missing = path.join(tempDir(), 'not-there');
    const noFolder = await runNeurite('grade', 'perceptron', missing);
    expect(noFolder).toMatchObject({ code: 2, stdout: '' });
    expect(noFolder.stderr).toBe(`There is no file or folder "${missing}".\n`);

    const empty = await runNeurite('grade', 'perceptron', tempDir());
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/has no \.neurite files to grade/);

    const unknown = await runNeurite('grade', 'no-such-lab', submissions);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(
      /There is no built-in lab called "no-such-lab"\. The built-in labs are: .*perceptron/,
    );

    const bare = await runNeurite('grade', 'perceptron');
    expect(bare.code).toBe(2);
    expect(bare.stderr).toMatch(
      /needs a lab and at least one submission\.\n\nUsage: neurite grade/,
    );
  });
});
