import { describe, expect, test } from './harness/fixtures';
import { EditorPage } from './harness/pages/editor-page';
import { WorkspacePage } from './harness/pages/workspace-page';

describe('building a network by hand in a new project', () => {
  test('builds XOR from the palette: drag, connect, set, and a loop is refused with its reason', async ({
    server,
    page,
    pageErrors,
    screenshot,
  }) => {
    const workspace = await WorkspacePage.create(page, server.url, { name: 'XOR by hand' });
    const editor = await EditorPage.attach(page);
    expect(await editor.nodeCount()).toBe(0);
    expect(await editor.summary()).toMatchObject({ Layers: '0', Parameters: '0' });

    // Four layers from the palette, in two columns: an unconnected layer shows its problems,
    // which makes it tall.
    await editor.dropFromPalette('Input', { x: 60, y: 20 });
    await editor.dropFromPalette('Dense', { x: 60, y: 330 });
    await editor.dropFromPalette('Dense', { x: 360, y: 20 });
    await editor.dropFromPalette('Output', { x: 360, y: 330 });
    await editor.waitForNodeCount(4);
    expect(await editor.nodeIds()).toEqual(['input_1', 'dense_1', 'dense_2', 'output_1']);

    // The two Dense layers first, then try to close a loop back into the first one.
    await editor.connect('dense_1', 'dense_2');
    await expect.poll(() => editor.edgeCount()).toBe(1);
    await editor.connect('dense_2', 'dense_1');
    await expect.poll(() => editor.status()).toMatch(/would make a loop/);
    expect(await editor.status()).toMatch(/Data must flow one way/);
    expect(await editor.edgeCount()).toBe(1);
    expect(await screenshot('loop-refused')).toMatch(/\.png$/);

    await editor.connect('input_1', 'dense_1');
    await editor.connect('dense_2', 'output_1');
    await expect.poll(() => editor.edgeCount()).toBe(3);

    // The settings of the xor-mlp template, set in the inspector.
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

    // 2×4 + 4 = 12 and 4×1 + 1 = 5: the 17 parameters of the template.
    await expect.poll(async () => (await editor.node('dense_2')).parameters).toBe('5 params');
    expect(await editor.node('input_1')).toMatchObject({ outputShape: '2', error: undefined });
    expect(await editor.node('dense_1')).toMatchObject({
      outputShape: '4',
      parameters: '12 params',
      error: undefined,
    });
    expect(await editor.node('dense_2')).toMatchObject({ outputShape: '1', error: undefined });
    expect(await editor.node('output_1')).toMatchObject({ outputShape: '1', error: undefined });
    expect(await editor.summary()).toMatchObject({
      Layers: '4',
      Parameters: '17',
      Trainable: '17',
      Errors: '0',
    });

    // An Output has no output dot: nothing can be drawn out of it.
    expect(await editor.node$('output_1').locator('.react-flow__handle.source').count()).toBe(0);
    // An input that is taken is refused with the reason, too.
    await editor.connect('input_1', 'dense_2');
    await expect.poll(() => editor.status()).toMatch(/already has an input/);
    expect(await editor.edgeCount()).toBe(3);

    await workspace.waitForSaved();
    expect(await screenshot('built')).toMatch(/\.png$/);
    expect(pageErrors).toEqual([]);
  });
});
