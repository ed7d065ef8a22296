import { describe, expect, test } from './harness/fixtures';
import { TrainingPage } from './harness/pages/training-page';
import { WorkspacePage } from './harness/pages/workspace-page';

describe('the diagnosis after a run', () => {
  test('says XOR trained by SGD at a learning rate of 10 diverged, and what to change', async ({
    server,
    page,
    pageErrors,
    screenshot,
  }) => {
    const workspace = await WorkspacePage.create(page, server.url, {
      name: 'XOR too fast',
      template: 'XOR',
    });
    const training = await TrainingPage.open(workspace);
    await training.field('Optimizer').selectOption('sgd');
    await training.field('Learning rate').fill('10');
    await training.start();
    await training.waitForStatus(/^Finished/);

    const diagnosis = training.panel.getByRole('region', { name: 'What went wrong' });
    expect(await diagnosis.textContent()).toMatch(
      /The loss diverged\..*learning rate is too high\. Try 1 instead of 10\./,
    );
    await screenshot('diverged');
    expect(pageErrors).toEqual([]);
  });
});
