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
});
