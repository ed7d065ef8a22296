import type { CanvasNode } from './harness/pages/editor-page';
import { EditorPage } from './harness/pages/editor-page';
import { describe, expect, test } from './harness/fixtures';
import { WorkspacePage } from './harness/pages/workspace-page';

interface Seen extends CanvasNode {
  readonly position: { x: number; y: number };
}

/** Everything the canvas shows of the network: each layer's face and place, the connections. */
async function snapshot(editor: EditorPage): Promise<{ nodes: Seen[]; edges: number }> {
  const nodes: Seen[] = [];
  for (const id of (await editor.nodeIds()).sort()) {
    nodes.push({ ...(await editor.node(id)), position: await editor.position(id) });
  }
  return { nodes, edges: await editor.edgeCount() };
}

describe('undo, redo and reload in a project', () => {
  test('a series of edits, undone and redone, is found exactly as left after a reload', async ({
    server,
    page,
    pageErrors,
  }) => {
    const workspace = await WorkspacePage.create(page, server.url, {
      name: 'Undo and reload',
      template: 'XOR',
    });
    const editor = await EditorPage.attach(page);
    await editor.waitForNodeCount(4);
    const start = await snapshot(editor);

    // 1: wider hidden layer. 2: a label. 3: a Dropout. 4: a move. 5: a deleted connection.
    await editor.selectNode('hidden');
    await editor.setField('Units', '6');
    await editor.setField('Label', 'Six neurons');
    // With no layer selected, so the Dropout is not wired in after the hidden layer.
    await editor.clickEmptyCanvas();
    await editor.addFromPalette('Dropout');
    await editor.waitForNodeCount(5);
    await editor.dragNode('prediction', { x: 160, y: 30 });
    await editor.clickEmptyCanvas();
    await page.locator('.react-flow__edge').first().click({ force: true });
    await page.keyboard.press('Delete');
    await expect.poll(() => editor.edgeCount()).toBe(2);
    const afterAll = await snapshot(editor);

    // Undo all five, one step each, back to the template.
    for (let i = 0; i < 5; i += 1) await editor.undo();
    await expect.poll(() => snapshot(editor)).toEqual(start);
    expect(await editor.toolbarButton('Undo').isDisabled()).toBe(true);

    // Redo all five, then undo the last two (the connection and the move).
    for (let i = 0; i < 5; i += 1) await editor.redo();
    await expect.poll(() => snapshot(editor)).toEqual(afterAll);
    await editor.undo();
    await editor.undo();
    await expect.poll(() => editor.edgeCount()).toBe(3);
    const left = await snapshot(editor);
    expect(left.nodes.find((n) => n.id === 'hidden')).toMatchObject({
      name: 'Six neurons',
      outputShape: '6',
      parameters: '18 params',
    });
    expect(left.nodes.map((n) => n.id)).toContain('dropout_1');
    expect(left.nodes.find((n) => n.id === 'prediction')?.position).toEqual(
      start.nodes.find((n) => n.id === 'prediction')?.position,
    );
    const summary = await editor.summary();

    await workspace.waitForSaved();
    await page.reload();
    await WorkspacePage.attach(page);
    const reloaded = await EditorPage.attach(page);
    await reloaded.waitForNodeCount(5);
    expect(await snapshot(reloaded)).toEqual(left);
    expect(await reloaded.summary()).toEqual(summary);
    expect(pageErrors).toEqual([]);
  });
});
