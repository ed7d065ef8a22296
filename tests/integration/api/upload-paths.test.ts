import { zipSync } from 'fflate';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import type { ApiOutput } from '../../../src/shared/api/contract';
import type { WorkerLauncher } from '../../../src/main/services/workers/worker-launcher';
import {
  apiServices,
  callService,
  refusalOf,
  waitForTrainingEvent,
} from '../../fixtures/api-service';

/**
 * A student in a browser uploads files; when one cannot be used, the sentence they read names
 * the file as they uploaded it, never the folder the server keeps uploads in.
 */

const open = apiServices();

function png(size: number): Buffer {
  const image = new PNG({ width: size, height: size });
  image.data.fill(128);
  return PNG.sync.write(image);
}

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

describe('messages about uploaded files', () => {
  it('name an image folder whose pictures cannot be read as the student uploaded it', async () => {
    const { service, dataDir } = open();
    const zip = zipSync({
      'pets/cats/a.png': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]),
      'pets/dogs/b.png': png(8),
    });
    const stored = await callService<ApiOutput<'datasets.upload'>>(service, 'datasets.upload', {
      fileName: 'pets.zip',
      base64: base64(zip),
    });
    const refused = await refusalOf(service, 'datasets.preview', {
      data: { source: 'images', path: stored.path, size: [8, 8] },
    });
    expect(refused.message).not.toContain(dataDir);
    expect(refused.message).not.toContain('uploads');
    // The folder inside the zip (pets/ in pets.zip), and the picture that could not be read.
    expect(refused.message).toMatch(
      /^The class folder "cats" in pets\/pets has no PNG or JPEG image/,
    );
    expect(refused.message).toContain('cats/a.png');
  });

  it('name an uploaded CSV file by its name', async () => {
    const { service, dataDir } = open();
    const stored = await callService<ApiOutput<'datasets.upload'>>(service, 'datasets.upload', {
      fileName: 'marks.csv',
      base64: base64(new TextEncoder().encode('a,b\n1,2\n')),
    });
    const refused = await refusalOf(service, 'datasets.preview', {
      data: { source: 'csv', path: stored.path, target: 'no such column' },
    });
    expect(refused.message).not.toContain(dataDir);
    expect(refused.message).toContain('marks.csv');
  });
});

/**
 * A stand-in trainer that fails at once as a real one does when its data file cannot be read
 * any more, naming the file by the path it was given.
 */
const failingTrainer: WorkerLauncher = () => {
  const messages: ((message: unknown) => void)[] = [];
  const closes: ((code: number | null, signal: NodeJS.Signals | null) => void)[] = [];
  return {
    send(message) {
      const job = (message as { job?: { data: { path: string } } }).job;
      if (!job) return;
      setImmediate(() => {
        for (const listener of messages) {
          listener({
            type: 'failed',
            message: `${job.data.path} could not be read (it was removed).`,
            detail: `ENOENT: ${job.data.path}`,
            code: 'data.unreadable',
          });
        }
        for (const listener of closes) listener(0, null);
      });
    },
    connected: true,
    pid: undefined,
    onMessage: (listener) => void messages.push(listener),
    onStderr: () => undefined,
    onClose: (listener) => void closes.push(listener),
    onSpawnError: () => undefined,
    kill: () => undefined,
  };
};

describe('a run on an uploaded file that fails', () => {
  it('names the file as the student uploaded it, in the event and in the run', async () => {
    const { service, events } = open(undefined, { launchWorker: failingTrainer });
    const project = await callService<{ id: string }>(service, 'projects.create', {
      name: 'Marks',
      template: 'logistic-regression',
    });
    const stored = await callService<ApiOutput<'datasets.upload'>>(service, 'datasets.upload', {
      fileName: 'marks.csv',
      base64: base64(new TextEncoder().encode('a,b,y\n1,2,0\n2,1,1\n3,3,0\n4,1,1\n')),
    });
    const { runId } = await callService<{ runId: string }>(service, 'training.start', {
      projectId: project.id,
      data: { source: 'csv', path: stored.path },
      config: { epochs: 1 },
      backend: 'cpu',
    });
    await waitForTrainingEvent(events, 'failed');
    const failed = events
      .map((e) => e.payload as { event?: { type: string; message: string; detail?: string } })
      .find((p) => p.event?.type === 'failed')!.event!;
    expect(failed.message).toBe('marks.csv could not be read (it was removed).');
    expect(failed.detail).toBe('ENOENT: marks.csv');
    const run = await callService<{ message: string | null; data: { path: string } }>(
      service,
      'runs.get',
      { runId },
    );
    expect(run.message).toBe('marks.csv could not be read (it was removed).');
    // The data spec keeps its path: the page sends it back to train on the file again.
    expect(run.data.path).toBe(stored.path);
  });
});
