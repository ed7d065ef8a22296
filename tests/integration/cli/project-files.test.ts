import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../../../src/main/engine/backends/select-backend';
import type { Project } from '../../../src/shared/api/records';
import { apiServices, callService } from '../../fixtures/api-service';
import { runNeurite } from '../../fixtures/cli';

/**
 * A teacher checks a class's exported projects with the CLI: what the app's Export writes, in
 * both forms, is accepted by `neurite inspect` and `neurite train`, which trains it with the
 * data set and settings saved in the project.
 */

const open = apiServices();
const folder = mkdtempSync(path.join(tmpdir(), 'neurite-cli-projects-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
beforeAll(async () => {
  await selectBackend('cpu');
});

/** Exports an XOR project as the app does, and writes the file where a teacher saved it. */
async function exportedXor(includeRuns: boolean): Promise<string> {
  const { service } = open();
  const project = await callService<Project>(service, 'projects.create', {
    name: 'Ada’s XOR',
    template: 'xor-mlp',
  });
  const file = await callService<{ fileName: string; base64: string }>(
    service,
    'projectFiles.export',
    { projectId: project.id, includeRuns },
  );
  const saved = path.join(folder, file.fileName);
  writeFileSync(saved, Buffer.from(file.base64, 'base64'));
  return saved;
}

describe.each([
  { form: '.neurite.json', includeRuns: false },
  { form: '.neurite', includeRuns: true },
])("the app's own export ($form)", ({ form, includeRuns }) => {
  it('is accepted by neurite inspect', async () => {
    const file = await exportedXor(includeRuns);
    expect(file.endsWith(form)).toBe(true);
    const run = await runNeurite('inspect', file);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Total parameters:         17');
    // The memory figure the editor and the template browser show for XOR.
    expect(run.stdout).toContain('Memory to run:            96 bytes');
    expect(run.stdout).toContain('The network is valid');

    const json = await runNeurite('inspect', file, '--json');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ valid: true, totals: { total: 17 } });
  });

  it('is trained by neurite train with the data set and settings saved in it', async () => {
    const file = await exportedXor(includeRuns);
    const run = await runNeurite('train', file, '--epochs', '3', '--backend', 'cpu');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'Training the project "Ada’s XOR" with the data set and settings saved in it',
    );
    expect(run.stdout).toMatch(/Epoch 3\/3 {2}loss \d/);
    expect(run.stdout).toContain('Finished 3 epochs.');
  });
});

describe('a project file that is not right', () => {
  it('lists the problems of its network for neurite inspect', async () => {
    const file = path.join(folder, 'broken.neurite.json');
    writeFileSync(
      file,
      JSON.stringify({
        format: 'neurite-project',
        version: 1,
        graph: { format: 'neurite-graph', version: 1, nodes: 'none' },
        metadata: { name: 'Broken' },
      }),
    );
    const run = await runNeurite('inspect', file);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^.*broken\.neurite\.json is not a valid Neurite network/);
    expect(run.stderr).toContain('graph.nodes');
  });

  it('says a newer Neurite wrote it', async () => {
    const file = path.join(folder, 'future.neurite.json');
    writeFileSync(
      file,
      JSON.stringify({ format: 'neurite-project', version: 99, graph: {}, metadata: {} }),
    );
    const run = await runNeurite('train', file);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('saved by a newer version of Neurite');
  });
});
