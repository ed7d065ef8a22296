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

    await editor.dropFromPalette('Dense', { x: 800, y: 120 });
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
