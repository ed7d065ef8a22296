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
    await workspace.exportProject();
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
    expect(pageErrors).toEqual([]);
  });
});
