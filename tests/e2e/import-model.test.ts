import { afterAll } from 'vitest';
import { tempFolder } from '../integration/data/temp-folder';
import { describe, expect, test } from './harness/fixtures';
import { DataPanelPage } from './harness/pages/data-panel-page';
import { EditorPage } from './harness/pages/editor-page';
import { ProjectsPage } from './harness/pages/projects-page';
import { TrainingPage } from './harness/pages/training-page';
import { WorkspacePage } from './harness/pages/workspace-page';

const temp = tempFolder('e2e-import');
afterAll(() => temp.remove());

describe('importing a trained TensorFlow.js model', () => {
  test('the zip of a trained XOR opens as a network that trains on with a frozen layer', async ({
    server,
    page,
    pageErrors,
    screenshot,
  }) => {
    // A trained XOR, exported from its results as TensorFlow.js.
    const original = await WorkspacePage.create(page, server.url, {
      name: 'XOR lab',
      template: 'XOR',
    });
    const trained = await TrainingPage.open(original);
    await trained.start();
    await trained.waitForStatus(/^Finished/);
    await trained.panel
      .getByRole('combobox', { name: 'Export the trained model as' })
      .selectOption({ label: 'TensorFlow.js' });
    const download = page.waitForEvent('download');
    await trained.panel.getByRole('button', { name: 'Export…', exact: true }).click();
    const zip = temp.path('XOR-lab-tensorflowjs.zip');
    await (await download).saveAs(zip);

    // Imported as a new project from the projects screen.
    const projects = await ProjectsPage.open(page, server.url);
    await projects.importModel([zip]);
    const workspace = await WorkspacePage.attach(page);
    expect(await workspace.projectName()).toBe('XOR lab');
    const editor = await EditorPage.attach(page);
    await editor.waitForNodeCount(4);
    expect((await editor.nodeIds()).sort()).toEqual(['hidden', 'inputs', 'output', 'prediction']);
    expect(await editor.node('hidden')).toMatchObject({
      kind: 'Dense',
      name: 'Hidden layer',
      parameters: '12 params',
      frozen: undefined,
    });
    expect(await editor.summary()).toMatchObject({ Parameters: '17', Trainable: '17' });

    // The student freezes the hidden layer: the canvas marks it, the counts follow.
    await editor.selectNode('hidden');
    await editor.inspector.getByRole('switch', { name: 'Trainable' }).click();
    await expect.poll(async () => (await editor.node('hidden')).frozen).toMatch(/^Frozen: /);
    expect(await editor.summary()).toMatchObject({ Parameters: '17', Trainable: '5' });
    await screenshot('frozen');
    await workspace.waitForSaved();

    // Trained on the same data, from the imported weights.
    const data = await DataPanelPage.open(workspace);
    await data.chooseBuiltin('XOR gate');
    const training = await TrainingPage.open(workspace);
    expect(
      await training.panel.getByRole('region', { name: 'Starting weights' }).textContent(),
    ).toContain('From the model imported from XOR-lab-tensorflowjs.zip');
    await training.start();
    await training.waitForStatus(/^Finished/);
    const notes = (await training.panel.locator('.run-notes').textContent()) ?? '';
    expect(notes).toContain(
      'Training starts from the weights this project was imported with, in every layer',
    );
    // It went on from a trained model: right from its first epoch, where a network starting
    // from its initializers is still guessing, and right at the end.
    expect((await training.series('metric', 'Training accuracy'))[0]).toBe(1);
    const results = await training.resultsTable();
    const accuracy = results[0]!.indexOf('Accuracy');
    expect(results.find((row) => row[0] === 'Training')?.[accuracy]).toBe('100.0%');
    expect(pageErrors).toEqual([]);
  });
});
