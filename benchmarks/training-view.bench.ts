/**
 * Training view smoothness: frames per second of the Training tab in Chromium while a real
 * trainer streams about 100 batch events per second to it.
 *
 * The built `neurite serve` runs with its own data folder; a project is made from the XOR MLP
 * template and given the "Two moons" data set (2,000 points) with batch size 1 and
 * batchEventInterval 10 ms, so the trainer sends a batch event every 10 ms. Headless Debian
 * Chromium (software rendering, as in the e2e tests) opens the Training tab and presses Start;
 * once events flow, the page counts requestAnimationFrame callbacks for the measuring window,
 * and the progress bar's count of batch events received gives the event rate over the same
 * window. The same window is measured on the idle page first, as a baseline.
 *
 * Run: npm run build && npm run bench:training-view [-- --seconds=10]
 */
import os from 'node:os';
import type { Page } from 'playwright-core';
import { WebSocket } from 'ws';
import type { ConnectSocket } from '../tests/fixtures/renderer-api';
import { apiSocketUrl, createWebSocketClient } from '../tests/fixtures/renderer-api';
import { launchBrowser, newContext } from '../tests/e2e/harness/browser';
import { startNeuriteServer } from '../tests/e2e/harness/neurite-server';
import { TrainingPage } from '../tests/e2e/harness/pages/training-page';
import { WorkspacePage } from '../tests/e2e/harness/pages/workspace-page';

const TARGET_FPS = 30;
const seconds = Number(
  process.argv.find((arg) => arg.startsWith('--seconds='))?.split('=')[1] ?? '10',
);

const connectWs: ConnectSocket = (url, handlers) => {
  const socket = new WebSocket(url);
  socket.on('open', () => handlers.open());
  socket.on('message', (data: Buffer) => handlers.message(data.toString('utf8')));
  socket.on('close', (code, reason) => handlers.close(code, reason.toString('utf8')));
  socket.on('error', () => undefined);
  return { send: (text) => socket.send(text), close: (code, reason) => socket.close(code, reason) };
};

/** Animation frames the page draws in `ms`, counted inside the page. */
function countFrames(page: Page, ms: number): Promise<number> {
  return page.evaluate<number>(
    `new Promise((resolve) => {
      let frames = 0;
      const end = performance.now() + ${ms};
      const tick = (now) => {
        if (now >= end) return resolve(frames);
        frames += 1;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    })`,
  );
}

async function main(): Promise<void> {
  const server = await startNeuriteServer();
  const browser = await launchBrowser();
  try {
    const api = createWebSocketClient({
      url: apiSocketUrl(new URL(server.url))!,
      connect: connectWs,
    });
    const project = await api.call('projects.create', { name: 'Moons', template: 'xor-mlp' });
    await api.call('settings.save', {
      projectId: project.id,
      settings: {
        ...project.settings,
        data: { source: 'builtin', name: 'moons', samples: 2000 },
        training: {
          ...(project.settings['training'] as object),
          epochs: 200,
          batchSize: 1,
          validation: { kind: 'split', fraction: 0.2 },
          batchEventInterval: 8,
        },
      },
    });
    // The same events as the page gets, counted in Node: what the trainer actually sends.
    let sent = 0;
    api.on('training.event', ({ event }) => {
      if (event.type === 'batch') sent += 1;
    });

    const page = await (await newContext(browser)).newPage();
    const address = new URL(server.url);
    address.hash = `#/project/${project.id}/network`;
    await page.goto(address.toString());
    const training = await TrainingPage.open(await WorkspacePage.attach(page));

    const idleFrames = await countFrames(page, seconds * 1000);

    await training.start();
    await training.waitForStatus(/^Training/, 30_000);
    // Let the first epoch's charts appear before measuring.
    const warm = Date.now();
    while ((await training.progress()).batchEvents < 50 && Date.now() - warm < 20_000) {
      await page.waitForTimeout(100);
    }
    const before = await training.progress();
    const sentBefore = sent;
    const started = Date.now();
    const frames = await countFrames(page, seconds * 1000);
    const elapsed = (Date.now() - started) / 1000;
    const after = await training.progress();
    const sentDuring = sent - sentBefore;
    await training.button('Stop').click();
    await training.waitForStatus(/^Stopped/, 15_000);
    api.close();

    const eventsPerSecond = (after.batchEvents - before.batchEvents) / elapsed;
    const fps = frames / seconds;
    const lines = [
      `Training view, ${seconds} s windows, headless Chromium (software rendering)`,
      `machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}`,
      `idle page:          ${(idleFrames / seconds).toFixed(1)} frames/s`,
      `while training:     ${fps.toFixed(1)} frames/s  (target ≥ ${TARGET_FPS})`,
      `batch events:       ${eventsPerSecond.toFixed(1)} per second received by the page` +
        ` (${(sentDuring / elapsed).toFixed(1)} per second sent by the trainer)`,
      `progress:           epoch ${before.epoch} → ${after.epoch}`,
      fps >= TARGET_FPS ? 'Target met.' : 'Target NOT met.',
    ];
    console.log(lines.join('\n'));
    if (fps < TARGET_FPS) process.exitCode = 1;
  } finally {
    await browser.close();
    await server.stop();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
