import { afterAll } from 'vitest';
import { runNeurite } from '../fixtures/cli';
import { tempFolder } from '../integration/data/temp-folder';
import { describe, expect, test } from './harness/fixtures';
import { WorkspacePage } from './harness/pages/workspace-page';

const temp = tempFolder('e2e-export-project');
afterAll(() => temp.remove());

describe('a project exported from the page, checked with the neurite command', () => {
  test("inspect and train accept the app's own export", async ({ server, page, pageErrors }) => {
    const workspace = await WorkspacePage.create(page, server.url, {
      name: 'Ada XOR',
      template: 'XOR',
    });
    const download = page.waitForEvent('download');
    // Export… says what each kind of file holds before anything is saved.
    const choices = await workspace.exportProject();
    expect(choices[0]).toMatch(
      /^Network and settingsA \.neurite\.json file: the network, the data set chosen and the training settings/,
    );
    expect(choices[1]).toMatch(/^Network with trained runs and weightsA \.neurite file \(a zip\)/);
    const saved = await download;
    expect(saved.suggestedFilename()).toBe('Ada XOR.neurite.json');
    const file = temp.path(saved.suggestedFilename());
    await saved.saveAs(file);

    const inspected = await runNeurite('inspect', file);
    expect(inspected.stderr).toBe('');
    expect(inspected.code).toBe(0);
    expect(inspected.stdout).toContain('The network is valid');

    const trained = await runNeurite('train', file, '--epochs', '2', '--backend', 'cpu');
    expect(trained.stderr).toBe('');
    expect(trained.code).toBe(0);
    expect(trained.stdout).toContain(
      'Training the project "Ada XOR" with the data set and settings saved in it',
    );
    expect(trained.stdout).toContain('Finished 2 epochs.');

    // The other choice: the zip with the runs, which the command reads as well.
    const zipped = page.waitForEvent('download');
    await workspace.exportProject(true);
    const archive = await zipped;
    expect(archive.suggestedFilename()).toBe('Ada XOR.neurite');
    const archiveFile = temp.path(archive.suggestedFilename());
    await archive.saveAs(archiveFile);
    expect((await runNeurite('inspect', archiveFile)).code).toBe(0);
    expect(await workspace.message()).toMatch(/^Downloaded Ada XOR\.neurite\./);
    expect(pageErrors).toEqual([]);
  });
});
