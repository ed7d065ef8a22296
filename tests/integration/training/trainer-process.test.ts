import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { TrainerControls } from '../../../src/main/engine/training/controls';
import { runTraining } from '../../../src/main/engine/training/run-training';
import type { TrainerHandle } from '../../../src/main/services/workers/trainer-host';
import { startTrainer } from '../../../src/main/services/workers/trainer-host';
import { defaultWorkerEntry } from '../../../src/main/services/workers/worker-entry';
import type {
  TrainerCommand,
  TrainingJob,
  TrainingJobInput,
} from '../../../src/shared/training/commands';
import { trainingJobSchema } from '../../../src/shared/training/commands';
import type { TrainerEvent, TrainerEventOf } from '../../../src/shared/training/events';
import { trainerEventSchema } from '../../../src/shared/training/events';

/**
 * The training engine through a real trainer process, as the app and the CLI start it:
 * startTrainer forks the entry defaultWorkerEntry() finds (the TypeScript entry through tsx
 * when run from source), and everything crosses the IPC channel. The crash cases use tiny
 * stand-in trainers from tests/fixtures/trainers, real processes that misbehave on purpose.
 */

const root = fileURLToPath(new URL('../../../', import.meta.url));
const XOR_MLP: unknown = JSON.parse(
  readFileSync(path.join(root, 'resources/templates/xor-mlp.json'), 'utf8'),
);
const fakeTrainer = (name: string) => path.join(root, 'tests/fixtures/trainers', name);

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** XOR with the template MLP: full batches of 4, Adam at 0.05, no validation split. */
function xorJob(
  config: TrainingJobInput['config'] = {},
  extra: Partial<TrainingJobInput> = {},
): TrainingJob {
  return trainingJobSchema.parse({
    graph: XOR_MLP,
    data: { source: 'builtin', name: 'xor' },
    backend: 'cpu',
    config: {
      epochs: 300,
      batchSize: 4,
      optimizer: { type: 'adam', learningRate: 0.05 },
      validation: { kind: 'none' },
      ...config,
    },
    ...extra,
  });
}

/** A run that lasts until it is stopped: one example per batch, every batch reported. */
const endlessJob = (extra: Partial<TrainingJobInput> = {}) =>
  xorJob({ epochs: 100_000, batchSize: 1, batchEventInterval: 0 }, extra);

/** A started trainer with every event it has sent, and a way to wait for the next ones. */
class Followed {
  readonly events: TrainerEvent[] = [];
  readonly trainer: TrainerHandle;
  private readonly listeners = new Set<() => void>();
  private ended = false;

  constructor(job: TrainingJob, entry = defaultWorkerEntry()) {
    this.trainer = startTrainer(job, {
      entry: entry.entry,
      execArgv: entry.execArgv,
      onEvent: (event) => {
        this.events.push(event);
        for (const listener of this.listeners) listener();
      },
    });
    void this.trainer.done.then(() => {
      this.ended = true;
      for (const listener of this.listeners) listener();
    });
  }

  /** Index of the first event at or after `from` that is of `type` (and passes `test`). */
  next<T extends TrainerEvent['type']>(
    type: T,
    from = 0,
    test: (event: TrainerEventOf<T>) => boolean = () => true,
  ): Promise<number> {
    const find = () =>
      this.events.findIndex((e, i) => i >= from && e.type === type && test(e as TrainerEventOf<T>));
    return new Promise((resolve, reject) => {
      const check = () => {
        const index = find();
        if (index >= 0 || this.ended || Date.now() > deadline) {
          this.listeners.delete(check);
          clearTimeout(timer);
          if (index >= 0) resolve(index);
          else
            reject(
              new Error(
                `No "${type}" event after #${from}; the last ones were ${this.events
                  .slice(-5)
                  .map((e) => JSON.stringify(e))
                  .join(', ')}`,
              ),
            );
        }
      };
      const deadline = Date.now() + 30_000;
      const timer = setTimeout(check, 30_001);
      this.listeners.add(check);
      check();
    });
  }

  /** Sends a command; the handle types them, so garbage goes through the same call cast. */
  send(command: unknown): void {
    this.trainer.send(command as Exclude<TrainerCommand, { type: 'start' }>);
  }

  after(index: number): TrainerEvent[] {
    return this.events.slice(index + 1);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function isAlive(pid: number | undefined): boolean {
  if (pid === undefined) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function batches(events: readonly TrainerEvent[]): TrainerEventOf<'batch'>[] {
  return events.filter((e): e is TrainerEventOf<'batch'> => e.type === 'batch');
}

describe('a run in its own process', () => {
  it('trains the XOR MLP to 100% accuracy, reporting started, batch/epoch…, finished', async () => {
    const run = new Followed(xorJob());
    const final = await run.trainer.done;

    expect(final.type).toBe('finished');
    const finished = final as TrainerEventOf<'finished'>;
    expect(finished.epochsRun).toBe(300);
    expect(finished.train.metrics['accuracy']).toBe(1);
    expect(finished.train.confusionMatrix?.counts).toEqual([
      [2, 0],
      [0, 2],
    ]);

    const { events } = run;
    for (const event of events) expect(trainerEventSchema.safeParse(event).success).toBe(true);
    const started = events[0] as TrainerEventOf<'started'>;
    expect(started.type).toBe('started');
    expect(started.backend.active).toBe('cpu');
    expect(started.parameters).toEqual({ trainable: 17, nonTrainable: 0 });
    expect(started.samples).toEqual({ train: 4, validation: 0, test: 0 });
    expect(events.at(-1)).toEqual(final);

    // Between them only batches and epochs, in order: each epoch's batches, then the epoch,
    // then after some epochs a look inside (saliency, decision boundary) at that epoch.
    const middle = events.slice(1, -1);
    expect(new Set(middle.map((e) => e.type))).toEqual(new Set(['batch', 'epoch', 'inside']));
    let epoch = 1;
    let batchesSeen = 0;
    for (const event of middle) {
      if (event.type === 'batch') {
        expect([event.epoch, event.batch, event.batchesPerEpoch]).toEqual([epoch, 1, 1]);
        expect(event.learningRate).toBe(0.05);
        batchesSeen += 1;
      } else if (event.type === 'epoch') {
        expect([event.epoch, event.epochs]).toEqual([epoch, 300]);
        expect(batchesSeen).toBe(1);
        epoch += 1;
        batchesSeen = 0;
      } else if (event.type === 'inside') {
        expect([event.epoch, batchesSeen]).toEqual([epoch - 1, 0]);
      }
    }
    expect(epoch).toBe(301);
    const epochs = middle.filter((e): e is TrainerEventOf<'epoch'> => e.type === 'epoch');
    expect(epochs.at(-1)!.loss).toBeLessThan(epochs[0]!.loss / 10);
    // One run per process: it has ended by itself.
    expect(isAlive(run.trainer.pid)).toBe(false);
  });

  it('reports the last batch before a pause, even one held back to spare the charts', async () => {
    // Events for batch 1 and 4 of each epoch only: the others are held back for 10 s.
    const run = new Followed(xorJob({ epochs: 100_000, batchSize: 1, batchEventInterval: 10_000 }));
    await run.next('batch', 0, (e) => e.epoch >= 3);
    run.send({ type: 'pause' });
    const paused = await run.next('paused');
    const at = run.events[paused] as TrainerEventOf<'paused'>;
    const before = run.events[paused - 1] as TrainerEventOf<'batch'>;
    expect(before.type).toBe('batch');
    const last = at.batch > 1 ? [at.epoch, at.batch - 1] : [at.epoch - 1, 4];
    expect([before.epoch, before.batch]).toEqual(last);
    expect(at.batchesPerEpoch).toBe(4);
    run.send({ type: 'stop' });
    await run.trainer.done;
  });

  it('reports the last batch before a stop too, and where it stopped with the batch count', async () => {
    const run = new Followed(xorJob({ epochs: 100_000, batchSize: 1, batchEventInterval: 10_000 }));
    await run.next('batch', 0, (e) => e.epoch >= 3);
    run.send({ type: 'stop' });
    const stoppedAt = await run.next('stopped');
    const at = run.events[stoppedAt] as TrainerEventOf<'stopped'>;
    const before = run.events
      .slice(0, stoppedAt)
      .filter((e): e is TrainerEventOf<'batch'> => e.type === 'batch')
      .at(-1)!;
    const last = at.batch > 1 ? [at.epoch, at.batch - 1] : [at.epoch - 1, 4];
    expect([before.epoch, before.batch]).toEqual(last);
    expect(at.batchesPerEpoch).toBe(4);
    await run.trainer.done;
  });

  it('obeys pause, step, a new learning rate, resume and stop between batches', async () => {
    const run = new Followed(endlessJob());
    await run.next('batch');

    run.send({ type: 'pause' });
    const paused = await run.next('paused');
    await sleep(300);
    expect(run.after(paused)).toEqual([]);

    // While paused: a new rate, then one step. Exactly one batch, at the paused position, with
    // the new rate; then paused again at the next position.
    run.send({ type: 'setLearningRate', value: 0.0123 });
    run.send({ type: 'step' });
    const pausedAgain = await run.next('paused', paused + 1);
    const stepped = run.events.slice(paused + 1, pausedAgain);
    expect(stepped.map((e) => e.type).filter((t) => t !== 'epoch' && t !== 'inside')).toEqual([
      'batch',
    ]);
    const [batch] = batches(stepped);
    const at = run.events[paused] as TrainerEventOf<'paused'>;
    expect([batch!.epoch, batch!.batch]).toEqual([at.epoch, at.batch]);
    expect(batch!.learningRate).toBe(0.0123);
    const next = run.events[pausedAgain] as TrainerEventOf<'paused'>;
    expect(next.epoch * 4 + next.batch).toBe(at.epoch * 4 + at.batch + 1);
    await sleep(200);
    expect(run.after(pausedAgain)).toEqual([]);

    // Resume: training goes on, at the rate set while paused.
    run.send({ type: 'resume' });
    const resumed = await run.next('resumed', pausedAgain + 1);
    expect(resumed).toBe(pausedAgain + 1);
    await run.next('epoch', resumed, (e) => e.epoch >= next.epoch + 2);
    const afterResume = batches(run.after(resumed));
    expect(afterResume.length).toBeGreaterThanOrEqual(5);
    expect(afterResume.every((b) => b.learningRate === 0.0123)).toBe(true);

    // A new rate while running: from the first batch that shows it, every batch does.
    run.send({ type: 'setLearningRate', value: 0.002 });
    const changed = await run.next('batch', resumed, (b) => b.learningRate === 0.002);
    await run.next('batch', changed + 10);
    expect(batches(run.after(changed)).every((b) => b.learningRate === 0.002)).toBe(true);

    run.send({ type: 'stop' });
    const final = await run.trainer.done;
    expect(final.type).toBe('stopped');
    expect(final).not.toHaveProperty('outDir');
    expect(run.events.at(-1)).toEqual(final);
    expect(run.events.filter((e) => e.type === 'stopped')).toHaveLength(1);
    expect(isAlive(run.trainer.pid)).toBe(false);
  });

  it('stopped while paused with an output folder: saves model.json, weights.bin, metrics.json', async () => {
    const outDir = mkdtempSync(path.join(tmpdir(), 'neurite-stop-'));
    folders.push(outDir);
    const run = new Followed(endlessJob({ outDir }));
    await run.next('epoch', 0, (e) => e.epoch >= 3);
    // Stopped while paused: it stops where it waits, without training another batch.
    run.send({ type: 'pause' });
    const paused = run.events[await run.next('paused')] as TrainerEventOf<'paused'>;
    run.send({ type: 'stop' });
    const final = await run.trainer.done;

    expect(final.type).toBe('stopped');
    const stopped = final as TrainerEventOf<'stopped'>;
    expect(stopped.outDir).toBe(path.resolve(outDir));
    expect([stopped.epoch, stopped.batch]).toEqual([paused.epoch, paused.batch]);
    expect(run.events.at(-2)).toBe(paused);
    const model = JSON.parse(readFileSync(path.join(outDir, 'model.json'), 'utf8'));
    expect(model.format).toBe('layers-model');
    expect(model.weightsManifest[0].paths).toEqual(['weights.bin']);
    // 17 float32 parameters.
    expect(statSync(path.join(outDir, 'weights.bin')).size).toBe(17 * 4);
    const metrics = JSON.parse(readFileSync(path.join(outDir, 'metrics.json'), 'utf8'));
    expect(metrics).toEqual({ stoppedAt: { epoch: stopped.epoch, batch: stopped.batch } });
    // Nothing half-written is left behind.
    expect(existsSync(path.join(outDir, `model.json.${run.trainer.pid}.tmp`))).toBe(false);
  });
});

describe('numbers that cannot cross the process boundary', () => {
  it('a run whose last step makes the loss infinite fails as not-finite, not as a crash', async () => {
    // y = 1000·x with plain gradient descent at α = 10 and full batches: it diverges. Find the
    // epoch whose batch first sees an infinite loss, in-process, then stop the real run one
    // epoch earlier: its final evaluation is the first to overflow. Events go through JSON,
    // where Infinity becomes null, so such a number must never be sent.
    const dir = mkdtempSync(path.join(tmpdir(), 'neurite-steep-'));
    folders.push(dir);
    const rows = ['x,y', ...Array.from({ length: 20 }, (_, i) => `${i},${i * 1000}`)];
    writeFileSync(path.join(dir, 'steep.csv'), rows.join('\n'));
    const job = (epochs: number) =>
      trainingJobSchema.parse({
        graph: JSON.parse(
          readFileSync(path.join(root, 'resources/templates/linear-regression.json'), 'utf8'),
        ),
        data: { source: 'csv', path: path.join(dir, 'steep.csv') },
        backend: 'cpu',
        config: {
          epochs,
          batchSize: 'full',
          optimizer: { type: 'sgd', learningRate: 10 },
          validation: { kind: 'none' },
        },
      });
    const inProcess = await runTraining(job(100), {
      emit: () => undefined,
      controls: new TrainerControls(),
    });
    const epoch = Number(
      / at epoch (\d+), batch 1,/.exec((inProcess as { message: string }).message)?.[1],
    );
    expect(epoch).toBeGreaterThan(1);

    const run = new Followed(job(epoch - 1));
    const final = await run.trainer.done;
    expect(final).toMatchObject({ type: 'failed', code: 'loss.not-finite' });
    expect((final as TrainerEventOf<'failed'>).message).toContain('Try a lower learning rate');
    expect(run.events.filter((e) => e.type === 'log')).toEqual([]);
    expect(run.events.filter((e) => e.type === 'epoch')).toHaveLength(epoch - 1);
  });
});

describe('a trainer that dies or misbehaves', () => {
  it('killed mid-run: reported as crashed, naming the signal', async () => {
    const run = new Followed(endlessJob());
    await run.next('batch');
    run.trainer.kill();
    const final = await run.trainer.done;

    expect(final.type).toBe('failed');
    const failed = final as TrainerEventOf<'failed'>;
    expect(failed.code).toBe('trainer.crashed');
    expect(failed.message).toContain('signal SIGKILL');
    expect(run.events.at(-1)).toEqual(final);
    expect(isAlive(run.trainer.pid)).toBe(false);
  });

  it('crashed after writing to stderr: the failure holds its last stderr lines', async () => {
    const run = new Followed(xorJob(), {
      entry: fakeTrainer('stderr-then-exit.cjs'),
      execArgv: [],
    });
    const final = await run.trainer.done;

    expect(final.type).toBe('failed');
    const failed = final as TrainerEventOf<'failed'>;
    expect(failed.code).toBe('trainer.crashed');
    expect(failed.message).toContain('exit code 3');
    // The last lines, in order, ending with the very last one; the oldest were dropped.
    const lines = failed.detail?.split('\n') ?? [];
    expect(lines.length).toBeGreaterThanOrEqual(10);
    expect(lines.length).toBeLessThan(25);
    const first = 25 - lines.length + 1;
    expect(lines).toEqual(
      Array.from({ length: lines.length }, (_, i) => `trainer stderr line ${first + i}`),
    );
    expect(run.events).toEqual([final]);
  });

  it("an entry that cannot be loaded: reported as crashed, with Node's own words", async () => {
    const missing = fakeTrainer('no-such-trainer.cjs');
    const run = new Followed(xorJob(), { entry: missing, execArgv: [] });
    const final = await run.trainer.done;

    expect(final).toMatchObject({ type: 'failed', code: 'trainer.crashed' });
    expect((final as TrainerEventOf<'failed'>).message).toContain('exit code 1');
    expect((final as TrainerEventOf<'failed'>).detail).toContain('Cannot find module');
  });

  it('a malformed event is ignored with a warning; ending without a final event is a crash', async () => {
    const run = new Followed(xorJob(), { entry: fakeTrainer('nonsense-event.cjs'), execArgv: [] });
    const final = await run.trainer.done;

    expect(run.events).toEqual([
      {
        type: 'log',
        level: 'warning',
        message: 'The trainer sent a message Neurite does not understand; it was ignored.',
      },
      final,
    ]);
    expect(final.type).toBe('failed');
    expect((final as TrainerEventOf<'failed'>).code).toBe('trainer.crashed');
    expect((final as TrainerEventOf<'failed'>).message).toContain('exit code 0');
  });

  it('the real trainer ignores malformed commands with a warning and trains on', async () => {
    const run = new Followed(xorJob());
    await run.next('started');
    run.send({ type: 'explode' });
    run.send({ type: 'setLearningRate', value: -1 });
    run.send('stop');
    run.send({ type: 'start', job: xorJob() });
    const final = await run.trainer.done;

    expect(final.type).toBe('finished');
    expect((final as TrainerEventOf<'finished'>).train.metrics['accuracy']).toBe(1);
    const warnings = run.events.filter((e) => e.type === 'log');
    expect(warnings).toHaveLength(4);
    expect(warnings.every((w) => w.level === 'warning')).toBe(true);
    expect(warnings.slice(0, 3).map((w) => w.message)).toEqual([
      expect.stringMatching(/^Ignored a malformed command \(/),
      expect.stringMatching(/^Ignored a malformed command \(/),
      expect.stringMatching(/^Ignored a malformed command \(/),
    ]);
    expect(warnings[3]!.message).toContain('already running a job');
    // The -1 learning rate was not applied.
    expect(batches(run.events).every((b) => b.learningRate === 0.05)).toBe(true);
  });
});

describe('a job the trainer cannot read', () => {
  it('fails at once with the reasons instead of waiting forever', async () => {
    const events: TrainerEvent[] = [];
    const entry = defaultWorkerEntry();
    // The host only ever sends parsed jobs; this one is broken on purpose after parsing, as a
    // corrupted message would be.
    const job = { ...xorJob(), config: { ...xorJob().config, epochs: -3 } };
    const trainer = startTrainer(job, {
      entry: entry.entry,
      execArgv: entry.execArgv,
      onEvent: (e) => events.push(e),
    });
    const final = await trainer.done;
    expect(final).toMatchObject({ type: 'failed', code: 'trainer.bad-job' });
    expect(final.type === 'failed' && final.detail).toContain('config.epochs');
  });
});
