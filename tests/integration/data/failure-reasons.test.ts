import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Project } from '../../../src/shared/api/records';
import type { TrainerEvent } from '../../../src/shared/training/events';
import {
  apiServices,
  callService,
  refusalOf,
  waitForTrainingEvent,
} from '../../fixtures/api-service';
import { runNeurite } from '../../fixtures/cli';

/*
 * A failure keeps its reason, at a size a person reads: a CSV whose bad cell is megabytes long
 * ends training with the line, the column and an excerpt of the cell (in the CLI and in the
 * app), never "ended unexpectedly"; a UTF-16 CSV is read as the text it is; a project name
 * cannot hide control characters or reverse how it displays.
 */

const root = fileURLToPath(new URL('../../../', import.meta.url));
const XOR_MLP = path.join(root, 'resources/templates/xor-mlp.json');
const open = apiServices();
const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

/** Two features and a class per row; row 10 (line 11) has a cell `size` characters long. */
function csvWithLongCell(size: number): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'neurite-reasons-'));
  folders.push(folder);
  const rows = [
    'a,b,y',
    ...Array.from({ length: 40 }, (_, i) => `${i % 2},${(i >> 1) % 2},${i % 2}`),
  ];
  rows[10] = `${'x'.repeat(size)},1,0`;
  const file = path.join(folder, `cell-${size}.csv`);
  writeFileSync(file, `${rows.join('\n')}\n`);
  return file;
}

describe('a failure keeps its reason', () => {
  it.each([1_000_000, 5_000_000])(
    'neurite train on a CSV whose bad cell has %i characters says which cell, briefly',
    async (size) => {
      const file = csvWithLongCell(size);
      const run = await runNeurite('train', XOR_MLP, '--data', file, '--epochs', '2');
      expect(run.code).not.toBe(0);
      expect(run.stderr).not.toMatch(/unexpectedly/);
      expect(run.stderr).toContain(
        `line 11, column "a" holds "${'x'.repeat(80)}… (${size.toLocaleString('en-US')} characters)", which is not a number`,
      );
      expect(run.stderr.length).toBeLessThan(2_000);
    },
  );

  it('the app gets the same short reason from a preview and from a run', async () => {
    const { service, events } = open();
    const file = csvWithLongCell(5_000_000);
    const refusal = await refusalOf(service, 'datasets.preview', {
      data: { source: 'csv', path: file, target: 'y' },
    });
    expect(refusal.message).toMatch(
      /line 11, column "a" holds "x{80}… \(5,000,000 characters\)", which is not a number/,
    );
    expect(refusal.message.length).toBeLessThan(1_000);

    const project = await callService<Project>(service, 'projects.create', {
      name: 'Long cell',
      template: 'xor-mlp',
    });
    await callService(service, 'training.start', {
      projectId: project.id,
      data: { source: 'csv', path: file, target: 'y' },
      config: { epochs: 2, validation: { kind: 'none' } },
      backend: 'auto',
    });
    await waitForTrainingEvent(events, 'failed');
    const failed = events
      .map((e) => (e.payload as { event?: TrainerEvent }).event)
      .find((event) => event?.type === 'failed');
    expect(failed).toMatchObject({ code: 'not-a-number' });
    expect(failed?.type === 'failed' && failed.message).toMatch(
      /holds "x{80}… \(5,000,000 characters\)"/,
    );
  });

  it.each([
    ['with a byte-order mark', true],
    ['without one', false],
  ])('reads a UTF-16 CSV %s as text', async (_label, withBom) => {
    const folder = mkdtempSync(path.join(tmpdir(), 'neurite-utf16-'));
    folders.push(folder);
    const text = `a,b,y\n${['0,0,0', '0,1,1', '1,0,1', '1,1,0'].join('\n')}\n`;
    const bytes = Buffer.concat([
      withBom ? Buffer.from([0xff, 0xfe]) : Buffer.alloc(0),
      Buffer.from(text, 'utf16le'),
    ]);
    const file = path.join(folder, 'xor-utf16.csv');
    writeFileSync(file, bytes);
    const run = await runNeurite(
      'train',
      XOR_MLP,
      ...['--data', file, '--epochs', '2', '--validation', 'none', '--batch-size', '4'],
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Finished 2 epochs.');
  });

  it('takes control characters and direction marks out of a project name', async () => {
    const { service } = open();
    const project = await callService<Project>(service, 'projects.create', {
      name: 'Lab\u0000 one\n\u202Efdp.exe',
    });
    expect(project.name).toBe('Lab one fdp.exe');
    const renamed = await callService<{ name: string }>(service, 'projects.rename', {
      projectId: project.id,
      name: '\u2066Week 3\u2069',
    });
    expect(renamed.name).toBe('Week 3');
    expect(
      (await refusalOf(service, 'projects.rename', { projectId: project.id, name: '\u202E\u0000' }))
        .message,
    ).toBe('Give the project a name (at least one character).');
  });
});
