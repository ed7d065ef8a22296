import { describe, expect, test } from './harness/fixtures';
import { DataPanelPage } from './harness/pages/data-panel-page';
import { EditorPage } from './harness/pages/editor-page';
import { TrainingPage } from './harness/pages/training-page';
import { WorkspacePage } from './harness/pages/workspace-page';

describe('a first-year student builds XOR on an empty canvas and trains it', () => {
  test('drops and connections only, no card ever over another, then 100% on XOR', async ({
    server,
    page,
    pageErrors,
    screenshot,
  }) => {
    const workspace = await WorkspacePage.create(page, server.url, { name: 'XOR from scratch' });
    const editor = await EditorPage.attach(page);
    const noOverlap = () => expect.poll(() => editor.overlappingCards()).toEqual([]);

    // Each layer dropped just below the one before (which a drop leaves selected) comes after it.
    await editor.dropFromPalette('Input', { x: 300, y: 30 });
    await editor.waitForNodeCount(1);
    await noOverlap();
    await editor.dropFromPalette('Dense', { x: 300, y: 190 });
    await editor.waitForNodeCount(2);
    await expect.poll(() => editor.links()).toEqual(['input_1→dense_1']);
    await noOverlap();
    await editor.dropFromPalette('Dense', { x: 310, y: 330 });
    await editor.waitForNodeCount(3);
    await expect.poll(() => editor.links()).toEqual(['dense_1→dense_2', 'input_1→dense_1']);
    await noOverlap();

    // The Output dropped apart, on top of nothing, and wired by letting go on its card.
    await editor.clickEmptyCanvas();
    await editor.dropFromPalette('Output', { x: 620, y: 60 });
    await editor.waitForNodeCount(4);
    await noOverlap();
    await editor.connectOntoLayer('dense_2', 'output_1');
    await expect
      .poll(() => editor.links())
      .toEqual(['dense_1→dense_2', 'dense_2→output_1', 'input_1→dense_1']);
    await noOverlap();

    // The settings of XOR, in the inspector; the cards stay clear of each other as they change.
    await editor.selectNode('input_1');
    await editor.setField('Shape', '2');
    await editor.selectNode('dense_1');
    await editor.setField('Units', '4');
    await editor.field('Activation').selectOption('tanh');
    await editor.selectNode('dense_2');
    await editor.setField('Units', '1');
    await editor.field('Activation').selectOption('sigmoid');
    await editor.selectNode('output_1');
    await editor.field('Loss').selectOption('binaryCrossentropy');
    await expect.poll(async () => (await editor.node('dense_2')).parameters).toBe('5 params');
    expect(await editor.summary()).toMatchObject({ Layers: '4', Parameters: '17', Errors: '0' });
    await noOverlap();
    await editor.toolbarButton('Tidy up').click();
    await noOverlap();
    await screenshot('built');
    await workspace.waitForSaved();

    const data = await DataPanelPage.open(workspace);
    await data.chooseBuiltin('XOR gate');
    const training = await TrainingPage.open(workspace);
    await training.field('Epochs').fill('300');
    await training.field('Batch size').fill('4');
    await training.field('Learning rate').fill('0.05');
    await training.start();
    await training.waitForStatus(/^Finished/, 60_000);
    const results = await training.resultsTable();
    const accuracy = results[0]!.indexOf('Accuracy');
    expect(results.find((row) => row[0] === 'Training')?.[accuracy]).toBe('100.0%');
    await screenshot('trained');
    expect(pageErrors).toEqual([]);
  });
});
