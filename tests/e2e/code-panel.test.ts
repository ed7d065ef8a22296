import { describe, expect, test } from './harness/fixtures';
import { CodePanelPage } from './harness/pages/code-panel-page';
import { EditorPage } from './harness/pages/editor-page';

describe('the Code panel in browser mode', () => {
  test('shows XOR as Keras code, follows a change of units, and copies it', async ({
    server,
    page,
    context,
    pageErrors,
    screenshot,
  }) => {
    const editor = await EditorPage.open(page, server.url, 'xor-mlp');
    const code = new CodePanelPage(page);
    expect(await code.toggle.getAttribute('aria-expanded')).toBe('false');

    await code.open();
    expect(await code.code()).toContain('model = keras.Sequential(');
    expect(await code.code()).toContain('layers.Dense(units=4, activation="tanh", name="hidden")');
    // The canvas keeps its layers in view beside the open panel.
    const canvas = await editor.canvas.boundingBox();
    expect(canvas!.height).toBeGreaterThan(250);

    await editor.selectNode('hidden');
    await editor.setField('Units', '8');
    await expect
      .poll(() => code.code())
      .toContain('layers.Dense(units=8, activation="tanh", name="hidden")');
    expect(await code.code()).not.toContain('units=4');

    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await code.copyButton.click();
    await expect.poll(() => code.copyButton.textContent()).toBe('Copied');
    // A string, not a function: this file is compiled without the DOM's types.
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(await code.code());

    // In the code, select-all selects the code, not the layers on the canvas.
    await code.region.locator('pre').focus();
    await page.keyboard.press('ControlOrMeta+a');
    // (The selection's text leaves out the file's last line break.)
    expect(await page.evaluate('window.getSelection().toString()')).toBe(
      (await code.code()).trimEnd(),
    );
    expect(await page.locator('.react-flow__node.selected').count()).toBe(1);

    await code.chooseLanguage('PyTorch');
    await expect.poll(() => code.code()).toContain('class Model(nn.Module):');
    await code.chooseLanguage('Keras');
    await screenshot('keras');
    expect(pageErrors).toEqual([]);
  });
});
