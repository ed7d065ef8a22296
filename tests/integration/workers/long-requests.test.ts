import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ServiceError } from '../../../src/main/services/service-error';
import type { KeptWorker } from '../../../src/main/services/workers/kept-worker';
import { keptWorker } from '../../../src/main/services/workers/kept-worker';
import { forkWorkerLauncher } from '../../../src/main/services/workers/worker-launcher';
import type { ModelRef } from '../../../src/shared/inside/inside-schemas';
import { datasetSpecSchema } from '../../../src/shared/data/dataset-spec';
import { trainingConfigSchema } from '../../../src/shared/training/config';

/**
 * A long look inside (every training digit of MNIST through a network) reports how far it has
 * come, and can be stopped; the next question gets a fresh serving process.
 */

const workers: KeptWorker[] = [];
afterEach(() => {
  for (const worker of workers.splice(0)) worker.close();
});

/** LeNet-5 on the built-in MNIST, with the weights its initializers give. */
const LENET: ModelRef = {
  key: 'lenet',
  graph: JSON.parse(
    readFileSync(path.join('resources', 'templates', 'lenet-5.json'), 'utf8'),
  ) as unknown,
  weightsDir: null,
  training: {
    data: datasetSpecSchema.parse({ source: 'builtin', name: 'mnist' }),
    config: trainingConfigSchema.parse({ validation: { kind: 'split', fraction: 0.2 } }),
  },
};

describe('a long request to a serving process', () => {
  it('reports its progress, in order, up to every training digit', async () => {
    const worker = keptWorker(forkWorkerLauncher());
    workers.push(worker);
    const reports: [number, number][] = [];
    const confusion = await worker.ask(
      'inside.confusion',
      { model: LENET, part: 'train' },
      { onProgress: (done, total) => reports.push([done, total]), timeoutMs: 300_000 },
    );
    // 80% of the 10,000 digits Neurite ships, in chunks of 2,048.
    expect(confusion.count).toBe(8_000);
    expect(confusion.counts.flat().reduce((a, b) => a + b, 0)).toBe(8_000);
    expect(reports.length).toBeGreaterThan(1);
    expect(reports.every(([, total]) => total === 8_000)).toBe(true);
    const done = reports.map(([d]) => d);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(done.at(-1)).toBe(8_000);
  }, 300_000);

  it('stops one run’s question when asked; another run’s, queued behind it, is still answered', async () => {
    // The stop is asked once the first 2,048 of 8,000 digits are through: the rest takes far
    // longer than the question takes to arrive.
    const worker = keptWorker(forkWorkerLauncher());
    workers.push(worker);
    expect(worker.stop('run A', new ServiceError('unavailable', 'nothing to stop'))).toBe(false);
    let started!: () => void;
    const working = new Promise<void>((resolve) => (started = resolve));
    const asked = worker.ask(
      'inside.confusion',
      { model: LENET, part: 'train' },
      {
        tag: 'run A',
        onProgress: (done, total) => done < total && started(),
        timeoutMs: 300_000,
      },
    );
    // Run B's question waits in the same process behind run A's.
    const other = worker.ask(
      'inside.predict',
      { model: { ...LENET, key: 'other' }, example: { values: new Array<number>(784).fill(1) } },
      { tag: 'run B' },
    );
    await working;
    expect(worker.stop('run C', new ServiceError('unavailable', 'not asking'))).toBe(false);
    const reason = new ServiceError('unavailable', 'Stopped before it finished, as asked.');
    expect(worker.stop('run A', reason)).toBe(true);
    await expect(asked).rejects.toBe(reason);
    // Run B's question was asked again of a fresh process, and answered.
    expect((await other).output).toHaveLength(10);
    const answer = await worker.ask('inside.predict', {
      model: LENET,
      example: { values: new Array<number>(28 * 28).fill(0) },
    });
    expect(answer.output).toHaveLength(10);
  }, 300_000);
});
