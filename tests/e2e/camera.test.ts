import { describe, expect, test } from './harness/fixtures';
import { DataPanelPage } from './harness/pages/data-panel-page';
import { WorkspacePage } from './harness/pages/workspace-page';

/**
 * A class with no pictures at hand makes its own, Teachable Machine's way: record pictures of
 * each class from the camera (Chromium's fake camera here) and train on them.
 */
describe('recording a data set with the camera', () => {
  test('records two classes of pictures and imports them as an image folder', async ({
    server,
    page,
    pageErrors,
    screenshot,
  }) => {
    const workspace = await WorkspacePage.create(page, server.url, {
      name: 'My own pictures',
      template: 'Convolution, ReLU, pooling',
    });
    const data = await DataPanelPage.open(workspace);
    await data.chooseImportKind('Image folder');
    await data.imageField('Height (pixels)').fill('32');
    await data.imageField('Width (pixels)').fill('32');
    await data.imageField('Colour').selectOption('rgb');

    const camera = page.getByRole('region', { name: 'Record from the camera' });
    await camera.getByRole('button', { name: 'Open the camera' }).click();
    await expect
      .poll(() =>
        camera
          .getByLabel('Camera')
          .evaluate((video) => (video as { videoWidth: number }).videoWidth),
      )
      .toBeGreaterThan(0);

    await camera.getByLabel('Name of class 1').fill('left');
    await camera.getByLabel('Name of class 2').fill('right');
    const use = camera.getByRole('button', { name: 'Use these pictures' });
    expect(await use.isDisabled()).toBe(true);
    for (const index of [1, 2]) {
      await camera.getByRole('button', { name: `Record 10 pictures of class ${index}` }).click();
      await expect
        .poll(() => camera.getByTestId(`camera-count-${index}`).textContent())
        .toBe('10 pictures');
    }
    await screenshot('camera-recorded');
    await use.click();
    await data.waitForPreview('camera-pictures');
    expect(await data.classBalance()).toEqual(['left 10 (50%)', 'right 10 (50%)']);
    expect(await data.fact('Each example')).toContain('32 × 32');
    expect(pageErrors).toEqual([]);
  });
});
