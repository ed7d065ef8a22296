import { WebSocket } from 'ws';
import type { ConnectSocket } from '../fixtures/renderer-api';
import { apiSocketUrl, createWebSocketClient } from '../fixtures/renderer-api';
import { describe, expect, test } from './harness/fixtures';
import { TrainingPage } from './harness/pages/training-page';
import { WorkspacePage } from './harness/pages/workspace-page';

const connectWs: ConnectSocket = (url, handlers) => {
  const socket = new WebSocket(url);
  socket.on('open', () => handlers.open());
  socket.on('message', (data: Buffer) => handlers.message(data.toString('utf8')));
  socket.on('close', (code, reason) => handlers.close(code, reason.toString('utf8')));
  socket.on('error', () => undefined);
  return { send: (text) => socket.send(text), close: (code, reason) => socket.close(code, reason) };
};

/** Digits used, to keep one epoch of LeNet-5 short on two CPU cores. */
const DIGITS = 1500;

describe('training LeNet-5 on MNIST in browser mode', () => {
  test('one epoch ends with a 10-class confusion matrix counting every evaluated digit', async ({
    server,
    page,
    pageErrors,
    screenshot,
  }) => {
    const workspace = await WorkspacePage.create(page, server.url, {
      name: 'Digits',
      template: 'LeNet',
    });
    await page.waitForURL(/#\/project\//);
    // Use the first digits only, as the Data tab's "limit" does: saved through the same API.
    const api = createWebSocketClient({
      url: apiSocketUrl(new URL(server.url))!,
      connect: connectWs,
    });
    try {
      const project = await api.call('projects.open', { projectId: workspace.projectId() });
      await api.call('settings.save', {
        projectId: project.id,
        settings: {
          ...project.settings,
          data: { source: 'builtin', name: 'mnist', limit: DIGITS },
        },
      });
    } finally {
      api.close();
    }
    await page.reload();
    const training = await TrainingPage.open(await WorkspacePage.attach(page));
    expect(await training.datasetName()).toBe(`MNIST digits (first 1,500)`);
    const validationFraction = Number(await training.field('Validation fraction').inputValue());

    await training.field('Epochs').fill('1');
    await training.start();
    await training.waitForStatus(/^Finished/, 50_000);

    const matrix = await training.confusionMatrix();
    expect(matrix.labels).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(matrix.counts).toHaveLength(10);
    const validated = Math.round(DIGITS * validationFraction);
    const total = (counts: number[][]) => counts.flat().reduce((sum, n) => sum + n, 0);
    expect(total(matrix.counts)).toBe(validated);
    // After one epoch most digits are already on the diagonal.
    const right = matrix.counts.reduce((sum, row, i) => sum + row[i]!, 0);
    expect(right / validated).toBeGreaterThan(0.5);
    await screenshot('finished');

    await training.panel.getByRole('button', { name: 'Training', exact: true }).click();
    await expect
      .poll(async () => total((await training.confusionMatrix()).counts))
      .toBe(DIGITS - validated);
    expect(pageErrors).toEqual([]);
  });
});
