import { fileURLToPath } from 'node:url';
import { describe, expect, test } from './harness/fixtures';
import { DataPanelPage } from './harness/pages/data-panel-page';
import { TrainingPage } from './harness/pages/training-page';
import { WorkspacePage } from './harness/pages/workspace-page';

/** Six short film reviews, each labelled positive or negative. */
const REVIEWS = fileURLToPath(new URL('../fixtures/data/reviews.csv', import.meta.url));

describe('training on an imported text CSV in browser mode', () => {
  test('uploads a CSV of texts and labels, reads the texts as words, and trains on them', async ({
    server,
    page,
    pageErrors,
    screenshot,
  }) => {
    const workspace = await WorkspacePage.create(page, server.url, {
      name: 'My reviews',
      template: 'Text classification with a 1-D CNN',
    });
    const data = await DataPanelPage.open(workspace);
    await data.uploadTextCsv(REVIEWS);
    // The sentences are found by themselves; the other column gives the labels.
    expect(await data.textColumnSelect.locator('option:checked').textContent()).toBe('review');
    await data.textField('Words per text (sequence length)').fill('40');
    await data.page.waitForTimeout(50);
    await data.waitForPreview('reviews.csv');
    await expect.poll(() => data.fact('Each example')).toMatch(/^texts of 40 word ids/);
    expect(await data.fact('Vocabulary')).toMatch(/word ids$/);
    expect(await data.fact('To predict')).toMatch(/^one of 2 classes/);
    await data.waitForFitHeading('Fits your network');
    await screenshot('text-csv');

    const training = await TrainingPage.open(workspace);
    expect(await training.datasetName()).toMatch(/reviews\.csv/);
    await training.start();
    await training.waitForStatus(/^Finished/, 60_000);
    const runs = await training.runs();
    expect(runs).toHaveLength(1);
    expect(runs[0]!.join(' ')).toMatch(/reviews\.csv/);
    expect(pageErrors).toEqual([]);
  });
});
