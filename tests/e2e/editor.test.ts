import { existsSync } from 'node:fs';
import { describe, expect, test } from './harness/fixtures';
import { EditorPage } from './harness/pages/editor-page';

describe('canvas editor in browser mode', () => {
  test('shows XOR, adds a Dense from the palette and undoes it', async ({
    server,
    page,
    pageErrors,
    screenshot,
  }) => {
    const editor = await EditorPage.open(page, server.url, 'xor-mlp');

    expect(await editor.nodeCount()).toBe(4);
    expect(await editor.node('hidden')).toMatchObject({
      kind: 'Dense',
      outputShape: '4',
      error: undefined,
    });
    expect(await editor.node('prediction')).toMatchObject({ outputShape: '1', error: undefined });
    expect(await editor.summary()).toMatchObject({
      Layers: '4',
      Parameters: '17',
      Trainable: '17',
      Errors: '0',
    });

    await editor.dropFromPalette('Dense', { x: 620, y: 60 });
    await editor.waitForNodeCount(5);
    const added = (await editor.nodeIds()).find(
      (id) => !['inputs', 'hidden', 'prediction', 'output'].includes(id),
    );
    expect(added).toBe('dense_1');
    const dense = await editor.node('dense_1');
    expect(dense.kind).toBe('Dense');
    expect(dense.error).toMatch(/\S/);
    expect(await editor.summary()).toMatchObject({ Layers: '5' });
    expect(Number((await editor.summary()).Errors)).toBeGreaterThan(0);
    expect(existsSync(await screenshot('with-dense'))).toBe(true);

    await editor.undo();
    await editor.waitForNodeCount(4);
    expect(await editor.summary()).toMatchObject({ Layers: '4', Errors: '0' });

    await editor.redo();
    await editor.waitForNodeCount(5);

    expect(existsSync(await screenshot())).toBe(true);
    expect(pageErrors).toEqual([]);
  });
});

describe('editing a network in the canvas editor', () => {
  test('the inspector edits a layer live, one undo step per edit, and refuses bad values at the field', async ({
    server,
    page,
    pageErrors,
    screenshot,
  }) => {
    const editor = await EditorPage.open(page, server.url, 'xor-mlp');
    expect(await editor.inspectorTitle()).toBe('Network');
    expect(await editor.field('Name').inputValue()).toBe('XOR with a small MLP');

    await editor.selectNode('hidden');
    expect(await editor.inspectorTitle()).toBe('Dense');
    expect(await editor.field('Units').inputValue()).toBe('4');
    await expect.poll(() => editor.inspector.textContent()).toContain('Default: 16.');

    // 2 inputs × 8 units + 8 biases = 24; the sigmoid unit after it then has 8 + 1 = 9.
    await editor.setField('Units', '8');
    await expect.poll(async () => (await editor.node('hidden')).outputShape).toBe('8');
    expect(await editor.node('hidden')).toMatchObject({ parameters: '24 params' });
    expect(await editor.node('prediction')).toMatchObject({ parameters: '9 params' });
    expect(await editor.summary()).toMatchObject({ Parameters: '33', Errors: '0' });

    await editor.field('Activation').selectOption('relu');
    await expect.poll(async () => (await editor.node('hidden')).name).toBe('Hidden layer');
    expect(await page.locator('[data-id="hidden"] .layer-node-settings').textContent()).toMatch(
      /8 units · ReLU/,
    );

    // Each committed edit is one step: undo the activation, then the units.
    await editor.clickEmptyCanvas();
    await editor.undo();
    await expect
      .poll(() => page.locator('[data-id="hidden"] .layer-node-settings').textContent())
      .toMatch(/8 units · Tanh/);
    await editor.undo();
    await expect.poll(async () => (await editor.node('hidden')).outputShape).toBe('4');
    expect(await editor.summary()).toMatchObject({ Parameters: '17' });

    // A refused value stays in the field, in red, with the reason; the network keeps 4 units.
    await editor.selectNode('hidden');
    await editor.setField('Units', '0');
    expect(await editor.field('Units').inputValue()).toBe('0');
    expect(await editor.field('Units').getAttribute('aria-invalid')).toBe('true');
    expect(await editor.fieldError('Units')).toMatch(/"units" must be at least 1 \(got 0\)/);
    expect(await editor.node('hidden')).toMatchObject({
      outputShape: '4',
      parameters: '12 params',
    });
    expect(await editor.summary()).toMatchObject({ Parameters: '17', Errors: '0' });

    await editor.field('Units').fill('many');
    expect(await editor.fieldError('Units')).toMatch(/Units must be a number/);
    expect(await screenshot('refused-units')).toMatch(/\.png$/);
    // Escape gives the field back the network's value.
    await editor.field('Units').press('Escape');
    expect(await editor.field('Units').inputValue()).toBe('4');
    expect(await editor.fieldError('Units')).toBeUndefined();

    // Leaving a field with refused text says so in the status line: it is not lost silently.
    await editor.field('Units').fill('-2');
    await editor.clickEmptyCanvas();
    await expect.poll(() => editor.status()).toMatch(/^Units was not changed: .*at least 1/);
    expect(await editor.node('hidden')).toMatchObject({ outputShape: '4' });

    // Sizes are typed as a list: a 2-number input changes what the hidden layer receives.
    await editor.selectNode('inputs');
    await editor.setField('Shape', '3');
    await expect.poll(async () => (await editor.node('hidden')).parameters).toBe('16 params');
    await editor.setField('Shape', '3, x');
    expect(await editor.fieldError('Shape')).toMatch(/"x" is not a number/);
    expect(await editor.node('inputs')).toMatchObject({ outputShape: '3' });

    // Renaming the layer is an edit like any other.
    await editor.field('Shape').press('Escape');
    await editor.setField('Label', 'Three bits');
    await expect.poll(async () => (await editor.node('inputs')).name).toBe('Three bits');
    expect(pageErrors).toEqual([]);
  });

  test('copy, paste, duplicate, select all and delete, each one undo step', async ({
    server,
    page,
    pageErrors,
  }) => {
    const editor = await EditorPage.open(page, server.url, 'xor-mlp');
    await editor.selectNode('hidden');
    await page.keyboard.press('ControlOrMeta+c');
    expect(await editor.status()).toBe('Copied 1 layer.');
    await editor.clickEmptyCanvas();
    await page.keyboard.press('ControlOrMeta+v');
    await editor.waitForNodeCount(5);
    expect(await editor.status()).toBe('Pasted 1 layer.');
    expect(await editor.node('dense_1')).toMatchObject({ kind: 'Dense', name: 'Hidden layer' });
    // The copy is selected, and set off from the original so both can be seen.
    expect(await editor.inspectorTitle()).toBe('Dense');
    const original = await editor.position('hidden');
    const pasted = await editor.position('dense_1');
    expect(pasted.x).toBeGreaterThan(original.x);
    expect(pasted.y).toBeGreaterThan(original.y);

    await page.keyboard.press('ControlOrMeta+d');
    await editor.waitForNodeCount(6);

    await page.keyboard.press('ControlOrMeta+a');
    expect(await editor.inspectorTitle()).toBe('6 layers selected');
    // Copying the whole network keeps its three connections.
    await page.keyboard.press('ControlOrMeta+c');
    await page.keyboard.press('ControlOrMeta+v');
    await editor.waitForNodeCount(12);
    await expect.poll(() => editor.edgeCount()).toBe(6);

    await page.keyboard.press('Delete');
    await editor.waitForNodeCount(6);
    await expect.poll(() => editor.edgeCount()).toBe(3);
    await editor.undo();
    await editor.waitForNodeCount(12);
    await editor.undo();
    await editor.waitForNodeCount(6);
    await editor.undo();
    await editor.waitForNodeCount(5);

    // Select all and delete with Backspace, then bring everything back in one undo.
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.press('Backspace');
    await editor.waitForNodeCount(0);
    expect(await editor.summary()).toMatchObject({ Layers: '0', Parameters: '0' });
    await editor.toolbarButton('Undo').click();
    await editor.waitForNodeCount(5);
    // React Flow draws an edge only once both its layers are measured, a frame after they show.
    await expect.poll(() => editor.edgeCount()).toBe(3);
    expect(pageErrors).toEqual([]);
  });

  test('pasting text that is not Neurite layers is refused and changes nothing', async ({
    server,
    page,
    pageErrors,
  }) => {
    const editor = await EditorPage.open(page, server.url, 'xor-mlp');
    // Put ordinary text on the clipboard the way a student would: copy it from a field.
    const search = page.getByRole('searchbox', { name: 'Search layers' });
    await search.fill('{"nodes": "not really"}');
    await search.selectText();
    await page.keyboard.press('ControlOrMeta+c');
    await search.fill('');
    await editor.clickEmptyCanvas();
    expect(await editor.toolbarButton('Undo').isDisabled()).toBe(true);

    await page.keyboard.press('ControlOrMeta+v');
    await expect.poll(() => editor.status()).toMatch(/does not hold Neurite layers/);
    expect(await editor.nodeCount()).toBe(4);
    expect(await editor.summary()).toMatchObject({ Layers: '4', Parameters: '17' });
    expect(await editor.toolbarButton('Undo').isDisabled()).toBe(true);

    // Pasting into a field is the field's business: the text goes there, untouched by the canvas.
    await search.focus();
    await page.keyboard.press('ControlOrMeta+v');
    expect(await search.inputValue()).toBe('{"nodes": "not really"}');
    expect(await editor.nodeCount()).toBe(4);
    expect(pageErrors).toEqual([]);
  });

  test('tidy up arranges the layers in one undo step; a drag is one step too', async ({
    server,
    page,
    pageErrors,
    screenshot,
  }) => {
    const editor = await EditorPage.open(page, server.url, 'xor-mlp');
    const before = await editor.position('hidden');
    await editor.dragNode('hidden', { x: 240, y: 0 });
    const dragged = await editor.position('hidden');
    expect(dragged.x).toBeGreaterThan(before.x + 100);

    await editor.toolbarButton('Tidy up').click();
    // Back in one column with the others, top to bottom along the connections.
    await expect
      .poll(async () => (await editor.position('hidden')).x)
      .toBe((await editor.position('inputs')).x);
    const column = await Promise.all(
      ['inputs', 'hidden', 'prediction', 'output'].map((id) => editor.position(id)),
    );
    for (let i = 1; i < column.length; i += 1) {
      expect(column[i]!.y).toBeGreaterThan(column[i - 1]!.y);
    }
    expect(await screenshot('tidied')).toMatch(/\.png$/);

    // Zoom in, then Shift+1 zooms back out to show the whole network.
    const fitted = await editor.zoom();
    await page.getByRole('button', { name: 'Zoom In' }).click();
    await page.getByRole('button', { name: 'Zoom In' }).click();
    await expect.poll(() => editor.zoom()).toBeGreaterThan(fitted);
    await editor.clickEmptyCanvas();
    await page.keyboard.press('Shift+!');
    await expect.poll(() => editor.zoom()).toBeCloseTo(fitted, 2);

    await editor.undo();
    await expect.poll(() => editor.position('hidden')).toEqual(dragged);
    await editor.undo();
    await expect.poll(() => editor.position('hidden')).toEqual(before);
    expect(await editor.toolbarButton('Undo').isDisabled()).toBe(true);
    await editor.toolbarButton('Redo').click();
    await expect.poll(() => editor.position('hidden')).toEqual(dragged);
    expect(pageErrors).toEqual([]);
  });

  test('the shortcuts panel opens with ?, the toolbar or the app, and Escape closes it', async ({
    server,
    page,
    pageErrors,
    screenshot,
  }) => {
    const editor = await EditorPage.open(page, server.url, 'xor-mlp');
    await editor.clickEmptyCanvas();
    await page.keyboard.press('?');
    await editor.shortcutsPanel.waitFor();
    expect(await editor.shortcutsPanel.textContent()).toContain('Undo the last change');
    expect(await editor.shortcutsPanel.textContent()).toContain('Ctrl+Shift+Z');
    expect(await screenshot('shortcuts')).toMatch(/\.png$/);
    // Shortcuts are paused behind the panel.
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.press('Delete');
    await page.keyboard.press('Escape');
    await editor.shortcutsPanel.waitFor({ state: 'hidden' });
    expect(await editor.nodeCount()).toBe(4);

    await editor.toolbarButton('Shortcuts').click();
    await editor.shortcutsPanel.waitFor();
    await editor.shortcutsPanel.getByRole('button', { name: 'Close' }).click();
    await editor.shortcutsPanel.waitFor({ state: 'hidden' });

    // The desktop menu's Help ▸ Keyboard Shortcuts arrives as an event on the window.
    await page.evaluate("window.dispatchEvent(new Event('neurite:show-shortcuts'))");
    await editor.shortcutsPanel.waitFor();
    await page.keyboard.press('Escape');
    await editor.shortcutsPanel.waitFor({ state: 'hidden' });
    // … or as the app command the App re-broadcasts from the desktop menu.
    await page.evaluate(
      "window.dispatchEvent(new CustomEvent('neurite:command', { detail: 'showShortcuts' }))",
    );
    await editor.shortcutsPanel.waitFor();
    await page.keyboard.press('Escape');
    await editor.shortcutsPanel.waitFor({ state: 'hidden' });

    // Edit ▸ Select All in the desktop menu selects every layer, as Ctrl+A does.
    await editor.clickEmptyCanvas();
    expect(await editor.inspectorTitle()).toBe('Network');
    await page.evaluate(
      "window.dispatchEvent(new CustomEvent('neurite:command', { detail: 'selectAll' }))",
    );
    const layers = await page.locator('.react-flow__node').count();
    expect(layers).toBeGreaterThan(1);
    // The command reaches React through an event: wait for the selection to render.
    await expect.poll(() => editor.inspectorTitle()).toBe(`${layers} layers selected`);
    await editor.clickEmptyCanvas();

    // Typing "?" in a field types it; it opens nothing.
    const search = page.getByRole('searchbox', { name: 'Search layers' });
    await search.click();
    await page.keyboard.type('?');
    expect(await search.inputValue()).toBe('?');
    expect(await editor.shortcutsPanel.count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  test('the palette explains a layer on hover and adds it from the keyboard', async ({
    server,
    page,
    pageErrors,
  }) => {
    const editor = await EditorPage.open(page, server.url, 'xor-mlp');
    const groups = await page.locator('.palette-group-title').allTextContents();
    expect(groups).toEqual([
      'Inputs & outputs',
      'Core',
      'Convolution & pooling',
      'Recurrent',
      'Merge',
      'Regularization',
    ]);
    await editor.paletteItem('Dropout').hover();
    const tip = page.getByRole('tooltip');
    await tip.waitFor();
    expect(await tip.textContent()).toMatch(/Dropout/);

    await page.getByRole('searchbox', { name: 'Search layers' }).fill('lstm');
    const found = await page.locator('.palette-item').allTextContents();
    expect(found).toContain('LSTM');
    expect(found).not.toContain('Dense');
    await editor.paletteItem('LSTM').focus();
    expect(await page.getByRole('tooltip').textContent()).toMatch(/LSTM/);
    await page.keyboard.press('Enter');
    await editor.waitForNodeCount(5);
    expect(await editor.inspectorTitle()).toBe('LSTM');
    // 96 bytes: (17 parameters + 2 + 4 + 1 layer outputs) × 4 bytes, before the LSTM came.
    await editor.undo();
    await editor.waitForNodeCount(4);
    expect(await editor.summary()).toMatchObject({ Memory: '96 bytes' });
    expect(pageErrors).toEqual([]);
  });
});

describe('merge layers in the canvas editor', () => {
  test('lowering a Concatenate’s inputs drops the connections to the ports that go, in one undo step', async ({
    server,
    page,
    pageErrors,
  }) => {
    const editor = await EditorPage.open(page, server.url, 'inception-block');
    const edges = await editor.edgeCount();
    const dots = () => editor.node$('concat').locator('.react-flow__handle.target').count();
    expect(await dots()).toBe(4);

    await editor.selectNode('concat');
    await editor.setField('Inputs', '3');
    await expect.poll(dots).toBe(3);
    await expect.poll(() => editor.edgeCount()).toBe(edges - 1);
    // The fourth branch now leads nowhere, which the student is told; nothing dangles.
    expect(Number((await editor.summary()).Errors)).toBeGreaterThan(0);

    await editor.clickEmptyCanvas();
    await editor.undo();
    await expect.poll(dots).toBe(4);
    await expect.poll(() => editor.edgeCount()).toBe(edges);
    expect(await editor.summary()).toMatchObject({ Errors: '0' });
    expect(pageErrors).toEqual([]);
  });
});
