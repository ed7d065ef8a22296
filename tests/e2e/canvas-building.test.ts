import { describe, expect, test } from './harness/fixtures';
import { EditorPage } from './harness/pages/editor-page';
import { WorkspacePage } from './harness/pages/workspace-page';

describe('building on the canvas without fighting it', () => {
  test('a layer dropped onto others lands beside them, and an error stays one line', async ({
    server,
    page,
    pageErrors,
  }) => {
    await WorkspacePage.create(page, server.url, { name: 'Crowded canvas' });
    const editor = await EditorPage.attach(page);

    // Three layers dropped on the same spot: an unwired Dense shows an error.
    await editor.dropFromPalette('Dense', { x: 200, y: 60 });
    await editor.waitForNodeCount(1);
    await expect.poll(async () => (await editor.node('dense_1')).error).toMatch(/./);
    await editor.dropFromPalette('Dense', { x: 210, y: 80 });
    await editor.dropFromPalette('Input', { x: 200, y: 70 });
    await editor.waitForNodeCount(3);
    await expect.poll(() => editor.overlappingCards()).toEqual([]);

    // The error is one line on the card, in full in its tooltip.
    const error = editor.node$('dense_1').locator('.layer-node-error');
    const box = await error.boundingBox();
    expect(box!.height).toBeLessThanOrEqual(24);
    expect(await error.getAttribute('title')).toBe((await error.textContent())?.trim());
    expect(pageErrors).toEqual([]);
  });

  test('dots are easy to hit: 16 px, lit when a drag comes near, and a layer takes a connection let go on it', async ({
    server,
    page,
    pageErrors,
  }) => {
    await WorkspacePage.create(page, server.url, { name: 'Easy dots' });
    const editor = await EditorPage.attach(page);
    // Nothing selected at each drop, so none is wired in after the layer dropped before.
    await editor.dropFromPalette('Input', { x: 200, y: 20 });
    await editor.clickEmptyCanvas();
    await editor.dropFromPalette('Dense', { x: 200, y: 260 });
    await editor.clickEmptyCanvas();
    await editor.dropFromPalette('Output', { x: 200, y: 480 });
    await editor.waitForNodeCount(3);
    expect(await editor.edgeCount()).toBe(0);

    const dot = editor.node$('dense_1').locator('.react-flow__handle.target');
    const box = (await dot.boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(16);
    expect(box.height).toBeGreaterThanOrEqual(16);

    // A drag that comes within 25 px of the dot lights it up, and letting go there connects.
    const near = { x: box.x + box.width / 2 + 20, y: box.y + box.height / 2 - 15 };
    const drag = await editor.dragConnectionTo('input_1', near);
    await expect.poll(() => dot.getAttribute('class')).toMatch(/\bconnectingto\b/);
    await drag.release();
    await expect.poll(() => editor.edgeCount()).toBe(1);

    // Let go in the middle of the Output card: it goes to its one input.
    await editor.connectOntoLayer('dense_1', 'output_1');
    await expect.poll(() => editor.edgeCount()).toBe(2);
    // A layer whose only input is taken says so.
    await editor.connectOntoLayer('input_1', 'output_1');
    await expect.poll(() => editor.status()).toMatch(/already has an input/);
    expect(await editor.edgeCount()).toBe(2);
    expect(pageErrors).toEqual([]);
  });

  test('a layer dropped onto a connection, or added after the selected layer, is wired in; tidy up stacks them', async ({
    server,
    page,
    pageErrors,
  }) => {
    await WorkspacePage.create(page, server.url, { name: 'Wired in' });
    const editor = await EditorPage.attach(page);
    await editor.dropFromPalette('Input', { x: 200, y: 40 });
    await editor.clickEmptyCanvas();
    await editor.dropFromPalette('Output', { x: 200, y: 420 });
    await editor.waitForNodeCount(2);
    await editor.connect('input_1', 'output_1');
    await expect.poll(() => editor.links()).toEqual(['input_1→output_1']);

    // Onto the connection: in between, one undo step.
    await editor.dropOnConnection('Dense', 'input_1', 'output_1');
    await expect.poll(() => editor.links()).toEqual(['dense_1→output_1', 'input_1→dense_1']);
    expect(await editor.overlappingCards()).toEqual([]);
    await editor.clickEmptyCanvas();
    await editor.undo();
    await expect.poll(() => editor.links()).toEqual(['input_1→output_1']);
    expect(await editor.nodeCount()).toBe(2);
    await editor.redo();
    await expect.poll(() => editor.links()).toEqual(['dense_1→output_1', 'input_1→dense_1']);

    // Pressed in the palette with a layer selected: after it, and what came after moves down.
    await editor.selectNode('dense_1');
    await editor.addFromPalette('Dropout');
    await expect
      .poll(() => editor.links())
      .toEqual(['dense_1→dropout_1', 'dropout_1→output_1', 'input_1→dense_1']);
    expect(await editor.overlappingCards()).toEqual([]);

    // Dropped just below the selected layer: after it.
    await editor.selectNode('input_1');
    await editor.clickEmptyCanvas();
    await editor.dropFromPalette('Dense', { x: 700, y: 40 });
    await editor.waitForNodeCount(5);
    await editor.dropFromPalette('Dense', { x: 720, y: 200 });
    await editor.waitForNodeCount(6);
    await expect.poll(() => editor.links()).toContain('dense_2→dense_3');

    // Tidy up: one column per chain, top to bottom along the connections, nothing overlapping.
    await editor.toolbarButton('Tidy up').click();
    await expect
      .poll(async () => {
        const order = ['input_1', 'dense_1', 'dropout_1', 'output_1'];
        const tops = await Promise.all(order.map(async (id) => (await editor.position(id)).y));
        return tops.every((top, i) => i === 0 || top > tops[i - 1]!);
      })
      .toBe(true);
    expect((await editor.position('dense_3')).y).toBeGreaterThan(
      (await editor.position('dense_2')).y,
    );
    expect(await editor.overlappingCards()).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  test('zoom to fit keeps LeNet-5 readable on a 1360×860 window: full width, scrolled for the rest', async ({
    server,
    page,
    pageErrors,
  }) => {
    await page.setViewportSize({ width: 1360, height: 860 });
    await WorkspacePage.create(page, server.url, { name: 'LeNet readable', template: 'LeNet' });
    const editor = await EditorPage.attach(page);
    await editor.waitForNodeCount(10);

    // The smallest text of a card, as large as it is drawn on screen.
    const smallestText = async () => {
      const size = await editor
        .node$('c1')
        .locator('.layer-node-name')
        .evaluate((el) =>
          // The page's own getComputedStyle (these tests are typed without the DOM's names).
          parseFloat(
            (
              globalThis as unknown as {
                getComputedStyle(element: unknown): { fontSize: string };
              }
            ).getComputedStyle(el).fontSize,
          ),
        );
      return size * (await editor.zoom());
    };
    await expect.poll(() => editor.layersOutOfView()).not.toContain('image');
    expect(await smallestText()).toBeGreaterThanOrEqual(10);

    await editor.toolbarButton('Zoom to fit').click();
    await expect.poll(smallestText).toBeGreaterThanOrEqual(10);
    expect(await editor.layersOutOfView()).not.toContain('image');
    expect(await editor.layersOutOfView()).toContain('output');

    // The wheel scrolls down to the end of the network.
    const view = (await editor.canvas.boundingBox())!;
    await page.mouse.move(view.x + view.width / 2, view.y + view.height / 2);
    await expect
      .poll(async () => {
        await page.mouse.wheel(0, 400);
        return editor.layersOutOfView();
      })
      .not.toContain('output');
    expect(await editor.zoom()).toBeGreaterThanOrEqual(0.8);
    expect(pageErrors).toEqual([]);
  });

  test('the canvas looks like a network: each kind its colour and icon, each output drawn to scale', async ({
    server,
    page,
    pageErrors,
    screenshot,
  }) => {
    await page.setViewportSize({ width: 1360, height: 860 });
    await WorkspacePage.create(page, server.url, { name: 'LeNet look', template: 'LeNet' });
    const editor = await EditorPage.attach(page);
    await editor.waitForNodeCount(10);

    const look = async (id: string) => {
      const card = editor.node$(id).locator('.layer-node');
      const figure = card.locator('.layer-node-figure');
      const box = await figure.boundingBox();
      return {
        colour: ((await card.getAttribute('style')) ?? '').replace(
          /^.*--kind-colour: *([^;]+);?.*$/,
          '$1',
        ),
        icon: (await card.locator('.layer-node-icon').textContent())?.trim(),
        figure: await figure.getAttribute('data-figure'),
        width: box?.width ?? 0,
        height: box?.height ?? 0,
      };
    };
    const image = await look('image');
    const c1 = await look('c1');
    const s4 = await look('s4');
    const f5 = await look('f5');
    expect([image.figure, c1.figure, s4.figure, f5.figure]).toEqual([
      'volume',
      'volume',
      'volume',
      'vector',
    ]);
    // 28 × 28 × 6 is drawn larger than 5 × 5 × 16; convolution and dense layers differ in colour.
    expect(c1.height).toBeGreaterThan(s4.height);
    expect(c1.colour).not.toBe(f5.colour);
    expect(c1.icon).not.toBe(f5.icon);
    expect(c1.icon).toMatch(/./);
    // The overview draws each layer in its kind's colour too.
    const fills = await page
      .locator('.react-flow__minimap-node')
      .evaluateAll((rects) => rects.map((rect) => rect.getAttribute('style')));
    expect(new Set(fills).size).toBeGreaterThanOrEqual(4);
    await screenshot('lenet-look');
    expect(pageErrors).toEqual([]);
  });
});
