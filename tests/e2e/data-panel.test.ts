import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { PNG } from 'pngjs';
import { describe, expect, test } from './harness/fixtures';
import { DataPanelPage } from './harness/pages/data-panel-page';
import { EditorPage } from './harness/pages/editor-page';
import { WorkspacePage } from './harness/pages/workspace-page';

const IRIS_SLICE = fileURLToPath(new URL('../fixtures/data/iris-slice.csv', import.meta.url));

describe('the data panel in browser mode', () => {
  test('the XOR template comes with XOR, which fits; Iris does not, with the fixes, and stays chosen', async ({
    server,
    page,
    pageErrors,
    screenshot,
  }) => {
    const workspace = await WorkspacePage.create(page, server.url, {
      name: 'Data for XOR',
      template: 'XOR',
    });
    // The template comes with the data set it was made for, already chosen.
    const data = await DataPanelPage.open(workspace);
    await data.waitForPreview('XOR gate');
    expect(await data.chosenBuiltin()).toBe('XOR gate');
    expect((await data.scatterLabels()).sort()).toEqual(['0', '0', '1', '1']);
    expect(await data.fitHeading()).toBe('Fits your network');
    expect(await data.classBalance()).toEqual(['0 2 (50%)', '1 2 (50%)']);
    await screenshot('xor');

    await data.chooseBuiltin('Iris flowers');
    await data.waitForPreview('Iris flowers');

    // The choice is saved with the project: after a reload it is still Iris.
    await workspace.waitForSaved();
    await page.reload();
    const reopened = await DataPanelPage.open(await WorkspacePage.attach(page));
    await reopened.waitForPreview('Iris flowers');
    expect(await reopened.chosenBuiltin()).toBe('Iris flowers');
    expect(await reopened.fitHeading()).toBe('Does not fit your network');
    const problems = await reopened.fitProblems();
    expect(problems.map((p) => p.fix)).toEqual([
      'Set the shape of Input "Two bits" to [4].',
      'Set Dense "Prediction" to 3 units, one per class.',
    ]);
    expect(problems[0]?.message).toContain('but Input "Two bits" expects 2');
    expect(problems[1]?.message).toContain('3 classes');
    expect(await reopened.classBalance()).toEqual([
      'setosa 50 (33%)',
      'versicolor 50 (33%)',
      'virginica 50 (33%)',
    ]);
    expect(await reopened.fact('Each example')).toContain('4 numbers');
    await screenshot('iris-does-not-fit');
    expect(pageErrors).toEqual([]);
  });

  test('"Apply all fixes" makes Iris fit the XOR network, and one Ctrl+Z in the Network tab takes it back', async ({
    server,
    page,
    pageErrors,
    screenshot,
  }) => {
    const workspace = await WorkspacePage.create(page, server.url, {
      name: 'Iris on XOR',
      template: 'XOR',
    });
    const data = await DataPanelPage.open(workspace);
    await data.waitForPreview('XOR gate');
    await data.chooseBuiltin('Iris flowers');
    expect(await data.fitHeading()).toBe('Does not fit your network');
    // Both fixes are a change of one layer's settings, so each can be applied.
    expect(await data.fitProblems()).toHaveLength(2);
    expect(await data.applyFixButtons.count()).toBe(2);
    await screenshot('iris-fixes-to-apply');

    await data.applyAllFixes();
    await data.waitForFitHeading('Fits your network');
    expect(await data.fitProblems()).toEqual([]);
    expect(await data.applyFixButtons.count()).toBe(0);
    await screenshot('iris-fixed');

    // The canvas was hidden before it could fit the network; shown again, it fits it then.
    await workspace.openTab('Network');
    const editor = await EditorPage.attach(page);
    await expect.poll(() => editor.layersOutOfView()).toEqual([]);
    expect((await editor.node('inputs')).outputShape).toBe('4');
    expect((await editor.node('prediction')).outputShape).toBe('3');
    await editor.selectNode('prediction');
    expect(await editor.field('Units').inputValue()).toBe('3');
    await editor.selectNode('inputs');
    expect(await editor.field('Shape').inputValue()).toBe('4');

    // Both fixes were one edit: a single undo puts the XOR network back as it was.
    await editor.clickEmptyCanvas();
    await editor.undo();
    await expect.poll(async () => (await editor.node('inputs')).outputShape).toBe('2');
    expect((await editor.node('prediction')).outputShape).toBe('1');

    await workspace.openTab('Data');
    await data.waitForFitHeading('Does not fit your network');
    expect(await data.applyFixButtons.count()).toBe(2);
    expect(pageErrors).toEqual([]);
  });

  test('MNIST shows labelled digits that the deep MLP reads as flat lists', async ({
    server,
    page,
    pageErrors,
    screenshot,
  }) => {
    const workspace = await WorkspacePage.create(page, server.url, {
      name: 'Digits',
      template: 'Deep MLP',
    });
    const data = await DataPanelPage.open(workspace);
    await data.chooseBuiltin('MNIST digits');
    const labels = await data.imageGrid.locator('.data-image-label').allTextContents();
    expect(labels).toHaveLength(32);
    expect(new Set(labels)).toEqual(new Set('0123456789'));
    expect(await data.fact('Examples')).toBe('10,000 examples');
    expect(await data.fitHeading()).toBe('Fits your network');
    await expect(data.fitSection.textContent()).resolves.toContain(
      'Each 28×28×1 example is read as one list of 784 values',
    );
    await screenshot('mnist');

    await data.optionField('Examples').fill('500');
    await expect.poll(() => data.fact('Examples'), { timeout: 10_000 }).toBe('500 examples');
    expect(pageErrors).toEqual([]);
  });

  test('a setting out of range is explained at its field and loads nothing', async ({
    server,
    page,
    pageErrors,
  }) => {
    const workspace = await WorkspacePage.create(page, server.url, {
      name: 'Circles',
      template: 'XOR',
    });
    const data = await DataPanelPage.open(workspace);
    await data.chooseBuiltin('Circle');
    expect(await data.scatterLabels()).toHaveLength(200);

    const examples = data.optionField('Examples');
    await examples.fill('2');
    expect(await examples.getAttribute('aria-invalid')).toBe('true');
    expect(await data.fieldMessage(examples)).toBe(
      '2 is too small. Examples must be a whole number from 4 to 100,000.',
    );
    await page.waitForTimeout(700);
    expect(await data.scatterLabels()).toHaveLength(200);

    await examples.fill('60');
    await expect.poll(async () => (await data.scatterLabels()).length).toBe(60);
    expect(await examples.getAttribute('aria-invalid')).toBeNull();
    expect(pageErrors).toEqual([]);
  });

  test('imports a CSV, picks its target column, and shows the table and the fit', async ({
    server,
    page,
    pageErrors,
    screenshot,
  }) => {
    const workspace = await WorkspacePage.create(page, server.url, {
      name: 'My own iris',
      template: 'Softmax regression',
    });
    const data = await DataPanelPage.open(workspace);
    await data.uploadCsv(IRIS_SLICE);
    expect(await data.targetColumns()).toEqual([
      'species',
      'sepal_length',
      'sepal_width',
      'petal_length',
      'petal_width',
    ]);
    // The last column is the first guess: a measurement, so a regression that does not fit.
    await data.waitForPreview('iris-slice.csv');
    expect(await data.fact('Task')).toBe('regression');
    expect(await data.fitHeading()).toBe('Does not fit your network');

    await data.pickTarget('species');
    expect(await data.fact('Task')).toBe('classification');
    expect(await data.tableTarget()).toBe('species');
    expect(await data.tableColumns()).toEqual([
      'species',
      'sepal_length',
      'sepal_width',
      'petal_length',
      'petal_width',
    ]);
    expect(await data.tableRowCount()).toBe(30);
    expect(await data.classBalance()).toEqual([
      'setosa 10 (33%)',
      'versicolor 10 (33%)',
      'virginica 10 (33%)',
    ]);
    expect(await data.fitHeading()).toBe('Fits your network');
    await screenshot('csv-fits');

    await workspace.waitForSaved();
    await page.reload();
    const reopened = await DataPanelPage.open(await WorkspacePage.attach(page));
    await reopened.waitForPreview('iris-slice.csv');
    expect(await reopened.fact('Task')).toBe('classification');
    expect(await reopened.targetSelect.inputValue()).toBe('0');
    expect(pageErrors).toEqual([]);
  });

  test('imports a zipped image folder and shows its images by class', async ({
    server,
    page,
    pageErrors,
    screenshot,
  }) => {
    const workspace = await WorkspacePage.create(page, server.url, {
      name: 'Stripes',
      template: 'Deep MLP',
    });
    const data = await DataPanelPage.open(workspace);
    // Two classes drawn as real PNG files: vertical and horizontal stripes.
    const stripes = (vertical: boolean, offset: number) => {
      const image = new PNG({ width: 16, height: 16 });
      for (let y = 0; y < 16; y += 1) {
        for (let x = 0; x < 16; x += 1) {
          const on = ((vertical ? x : y) + offset) % 4 < 2 ? 255 : 0;
          image.data.set([on, on, on, 255], (y * 16 + x) * 4);
        }
      }
      return PNG.sync.write(image);
    };
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i < 3; i += 1) {
      files[`stripes/vertical/v${i}.png`] = stripes(true, i);
      files[`stripes/horizontal/h${i}.png`] = stripes(false, i);
    }
    const folder = mkdtempSync(path.join(tmpdir(), 'neurite-zip-'));
    const zip = path.join(folder, 'stripes.zip');
    writeFileSync(zip, zipSync(files));

    await data.uploadImageZip(zip);
    await data.waitForPreview('stripes');
    const labels = await data.imageGrid.locator('.data-image-label').allTextContents();
    expect(labels).toEqual([
      'horizontal',
      'vertical',
      'horizontal',
      'vertical',
      'horizontal',
      'vertical',
    ]);
    expect(await data.fact('Each example')).toContain('28 × 28 gray images');
    expect(await data.classBalance()).toEqual(['horizontal 3 (50%)', 'vertical 3 (50%)']);
    // The deep MLP reads 784 values and tells 10 digits apart: the fix names its last Dense.
    const problems = await data.fitProblems();
    expect(problems.map((p) => p.fix)).toEqual([
      expect.stringMatching(/^Set Dense ".*" to 2 units, one per class/),
    ]);

    await data.imageField('Height (pixels)').fill('600');
    expect(await data.fieldMessage(data.imageField('Height (pixels)'))).toBe(
      'Height must be a whole number from 4 to 512; 600 is not.',
    );
    await data.imageField('Height (pixels)').fill('16');
    await data.imageField('Width (pixels)').fill('16');
    await expect.poll(() => data.fact('Each example')).toContain('16 × 16 gray images');
    await screenshot('image-folder');
    expect(pageErrors).toEqual([]);
  });

  test('dropping a file Neurite cannot import says so and changes nothing', async ({
    server,
    page,
    pageErrors,
    screenshot,
  }) => {
    const workspace = await WorkspacePage.create(page, server.url, {
      name: 'Careful drop',
      template: 'XOR',
    });
    const data = await DataPanelPage.open(workspace);
    await data.chooseBuiltin('XOR gate');
    await workspace.waitForSaved();

    const folder = mkdtempSync(path.join(tmpdir(), 'neurite-drop-'));
    const pdf = path.join(folder, 'lab report.pdf');
    writeFileSync(pdf, '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
    await data.dropFile(pdf, 'application/pdf');

    const message = await data.waitForAlert('lab report.pdf');
    expect(message).toMatch(/^"lab report\.pdf" is not a kind of file Neurite can import\./);
    expect(message).toContain('CSV table (.csv, .tsv or .txt)');
    expect(message).toContain('Nothing was changed: the data set is still “XOR gate”.');
    await screenshot('unsupported-drop');
    expect(await data.previewTitle()).toBe('XOR gate');
    expect(await data.chosenBuiltin()).toBe('XOR gate');

    await page.reload();
    const reopened = await DataPanelPage.open(await WorkspacePage.attach(page));
    await reopened.waitForPreview('XOR gate');
    expect(pageErrors).toEqual([]);
  });
});
