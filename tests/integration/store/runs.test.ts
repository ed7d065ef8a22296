import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TrainerControls } from '../../../src/main/engine/training/controls';
import { runTraining } from '../../../src/main/engine/training/run-training';
import type { ProjectStore } from '../../../src/main/services/store';
import { runSchema, runSummarySchema } from '../../../src/shared/api/records';
import { trainingJobSchema } from '../../../src/shared/training/commands';
import type { TrainerEvent, TrainerEventOf } from '../../../src/shared/training/events';
import {
  SMALL_CONFIG,
  XOR_DATA,
  epochEvent,
  network,
  removeTempFolders,
  tableCounts,
  tempFolder,
  testStore,
  trainerEvents,
} from '../../fixtures/store/store-helpers';
import { expectStoreError } from '../../fixtures/store/expect-store-error';

/**
 * Training runs: created as running, filled in from the trainer's events, given a folder for
 * the model, listed, deleted, and marked failed when a crash cut them off.
 */

afterAll(removeTempFolders);

function newRun(store: ProjectStore, name = 'P') {
  const project = store.createProject({ name, graph: network() });
  const run = store.createRun({
    projectId: project.id,
    revisionId: project.revisionId,
    data: XOR_DATA,
    config: SMALL_CONFIG,
    backendChoice: 'auto',
  });
  return { project, run };
}

describe('creating runs', () => {
  it('starts a run as running on a revision of the project', () => {
    const store = testStore();
    const { project, run } = newRun(store);
    expect(runSummarySchema.parse(run)).toEqual(run);
    expect(run).toMatchObject({
      projectId: project.id,
      revisionId: project.revisionId,
      status: 'running',
      endedAt: null,
      backend: null,
      data: XOR_DATA,
      epochsRun: 0,
      finalMetrics: null,
      message: null,
      hasWeights: false,
    });
    expect(run.id).toMatch(/^[0-9a-f-]{36}$/);
    const full = store.getRun(run.id);
    expect(runSchema.parse(full)).toEqual(full);
    expect(full).toMatchObject({
      config: SMALL_CONFIG,
      backendChoice: 'auto',
      epochs: [],
      final: null,
    });
    expect(store.getProject(project.id).runCount).toBe(1);
    store.close();
  });

  it('refuses bad settings and revisions of other projects, writing nothing', () => {
    const store = testStore();
    const { project } = newRun(store);
    const other = store.createProject({ name: 'Other', graph: network(8) });
    const input = {
      projectId: project.id,
      revisionId: project.revisionId,
      data: XOR_DATA,
      config: SMALL_CONFIG,
      backendChoice: 'auto' as const,
    };
    expectStoreError(
      () => store.createRun({ ...input, data: { source: 'builtin', name: 'nope' } as never }),
      'invalid-input',
      /data set cannot be used: data\.name/,
    );
    expectStoreError(
      () => store.createRun({ ...input, config: { ...SMALL_CONFIG, epochs: 0 } }),
      'invalid-input',
      /config\.epochs/,
    );
    expectStoreError(
      () => store.createRun({ ...input, revisionId: other.revisionId }),
      'not-found',
    );
    expectStoreError(
      () => store.createRun({ ...input, projectId: '00000000-0000-4000-8000-000000000000' }),
      'not-found',
    );
    expect(tableCounts(store.dataDir).runs).toBe(1);
    store.close();
  });
});

describe('recording events', () => {
  it('fills in the backend, one row per epoch, and the result of a finished run', () => {
    const store = testStore();
    const { run } = newRun(store);
    const events = trainerEvents(3);
    store.recordEvent(run.id, events[0]!);
    expect(store.getRun(run.id).backend).toBe('cpu');
    for (const event of events.slice(1, -1)) store.recordEvent(run.id, event);
    const during = store.getRun(run.id);
    expect(during).toMatchObject({ status: 'running', epochsRun: 3 });
    // While it trains, the list shows the last epoch's numbers.
    expect(during.finalMetrics).toEqual({
      loss: 1 / 3,
      accuracy: 0.75,
      val_loss: 0.5,
      val_accuracy: 0.5,
    });
    store.recordEvent(run.id, events.at(-1)!);
    const done = store.getRun(run.id);
    expect(runSchema.parse(done)).toEqual(done);
    expect(done).toMatchObject({ status: 'finished', epochsRun: 3, message: null });
    expect(done.endedAt).not.toBeNull();
    expect(done.finalMetrics).toEqual({
      loss: 0.05,
      accuracy: 1,
      val_loss: 0.07,
      val_accuracy: 0.75,
      test_loss: 0.09,
      test_accuracy: 0.5,
    });
    expect(done.final).toEqual(events.at(-1));
    expect(done.epochs).toEqual(
      [1, 2, 3].map((epoch) => ({
        epoch,
        fold: null,
        loss: 1 / epoch,
        metrics: { accuracy: epoch / (epoch + 1) },
        validationLoss: 1.5 / epoch,
        validationMetrics: { accuracy: 0.5 },
        learningRate: 0.01,
        elapsedMs: 10 * epoch,
      })),
    );
    store.close();
  });

  it('ends stopped and failed runs with the last epoch numbers and a message', () => {
    const store = testStore();
    const stopped = newRun(store, 'Stopped').run;
    for (const event of trainerEvents(2, 'stopped')) store.recordEvent(stopped.id, event);
    expect(store.getRun(stopped.id)).toMatchObject({
      status: 'stopped',
      epochsRun: 2,
      finalMetrics: { loss: 0.5 },
      message: 'Stopped during epoch 3.',
      final: { type: 'stopped', epoch: 3 },
    });
    const failed = newRun(store, 'Failed').run;
    for (const event of trainerEvents(1, 'failed')) store.recordEvent(failed.id, event);
    expect(store.getRun(failed.id)).toMatchObject({
      status: 'failed',
      epochsRun: 1,
      message: 'The loss became NaN. Lower the learning rate.',
      final: { type: 'failed', code: 'training.nan' },
    });
    store.close();
  });

  it('keeps the first ending and ignores what arrives after it', () => {
    const store = testStore();
    const { run } = newRun(store);
    for (const event of trainerEvents(1)) store.recordEvent(run.id, event);
    const ended = store.getRun(run.id);
    store.recordEvent(run.id, epochEvent(2));
    store.recordEvent(run.id, { type: 'failed', message: 'late', code: 'x' });
    expect(store.getRun(run.id)).toEqual(ended);
    store.close();
  });

  it('keeps the last look inside with the run, after the run and after a restart', () => {
    const dataDir = path.join(tempFolder(), 'data');
    const store = testStore(dataDir);
    const { run } = newRun(store);
    const events = trainerEvents(2);
    const look = (epoch: number): TrainerEventOf<'inside'> => ({
      type: 'inside',
      epoch,
      saliency: {
        part: 'train',
        inputShape: [2],
        mapShape: [2],
        explained: 'score',
        examples: [
          {
            index: 0,
            values: [0, 1],
            label: 1,
            output: [0.2 * epoch],
            predicted: 0,
            map: [epoch, -1],
          },
        ],
      },
      boundary: {
        size: 2,
        x: [-0.1, 1.1],
        y: [-0.1, 1.1],
        values: [0.1, 0.2 * epoch, 0.3, 0.4],
        shows: 'second-class-probability',
        points: [{ x: 0, y: 1, label: 1 }],
      },
      classNames: ['0', '1'],
      elapsedMs: 2,
    });
    store.recordEvent(run.id, events[0]!);
    expect(store.getRun(run.id).liveInside).toBeUndefined();
    store.recordEvent(run.id, events[1]!);
    store.recordEvent(run.id, events[2]!);
    store.recordEvent(run.id, look(1));
    expect(store.getRun(run.id).liveInside).toEqual(look(1));
    for (const event of events.slice(3)) store.recordEvent(run.id, event);
    store.recordEvent(run.id, look(2));
    // A look that arrives after the run ended changes nothing.
    expect(store.getRun(run.id).liveInside).toEqual(look(1));
    store.close();

    const second = testStore(dataDir);
    const { run: other } = newRun(second, 'Second');
    second.recordEvent(other.id, look(1));
    second.recordEvent(other.id, look(2));
    second.recordEvent(other.id, events.at(-1)!);
    second.close();
    const reopened = testStore(dataDir);
    const kept = reopened.getRun(other.id);
    expect(runSchema.parse(kept)).toEqual(kept);
    // Only the newest look is kept.
    expect(kept.liveInside).toEqual(look(2));
    expect(reopened.getRun(run.id).liveInside).toEqual(look(1));
    reopened.close();
  });

  it('refuses malformed events and unknown runs', () => {
    const store = testStore();
    const { run } = newRun(store);
    expectStoreError(
      () => store.recordEvent(run.id, { type: 'epoch', epoch: 'one' } as unknown as TrainerEvent),
      'invalid-input',
    );
    expectStoreError(
      () => store.recordEvent('00000000-0000-4000-8000-000000000000', epochEvent(1)),
      'not-found',
    );
    expect(store.getRun(run.id).epochs).toEqual([]);
    store.close();
  });
});

describe('run folders', () => {
  it('gives each run a folder under runs/, and hasWeights once model.json is there', () => {
    const store = testStore();
    const { project, run } = newRun(store);
    const folder = store.runFolder(run.id);
    expect(folder).toBe(path.join(store.dataDir, 'runs', run.id));
    expect(existsSync(folder)).toBe(true);
    expect(store.getRun(run.id).hasWeights).toBe(false);
    writeFileSync(path.join(folder, 'weights.bin'), Buffer.from([1, 2, 3]));
    writeFileSync(path.join(folder, 'model.json'), '{}');
    expect(store.listRuns(project.id)[0]!.hasWeights).toBe(true);
    expectStoreError(() => store.runFolder('00000000-0000-4000-8000-000000000000'), 'not-found');
    store.close();
  });

  it('lists runs newest first and deletes a run with its epochs and folder', () => {
    const store = testStore();
    const { project, run: first } = newRun(store);
    const second = store.createRun({
      projectId: project.id,
      revisionId: project.revisionId,
      data: XOR_DATA,
      config: SMALL_CONFIG,
      backendChoice: 'cpu',
    });
    expect(store.listRuns(project.id).map((r) => r.id)).toEqual([second.id, first.id]);
    for (const event of trainerEvents(2)) store.recordEvent(first.id, event);
    const folder = store.runFolder(first.id);
    writeFileSync(path.join(folder, 'model.json'), '{}');

    // A run still training cannot be deleted.
    expectStoreError(() => store.deleteRun(second.id), 'conflict', /Stop it first/);
    store.deleteRun(first.id);
    expect(existsSync(folder)).toBe(false);
    expect(store.listRuns(project.id).map((r) => r.id)).toEqual([second.id]);
    expect(tableCounts(store.dataDir)).toMatchObject({ runs: 1, epochs: 0 });
    expectStoreError(() => store.deleteRun(first.id), 'not-found');
    store.close();
  });
});

describe('interrupted runs', () => {
  it('marks runs left running by a crash as failed when the store opens again', () => {
    const dataDir = path.join(tempFolder(), 'data');
    const store = testStore(dataDir);
    const { run } = newRun(store);
    const { run: done } = newRun(store, 'Done');
    for (const event of trainerEvents(2).slice(0, -1)) store.recordEvent(run.id, event);
    for (const event of trainerEvents(1)) store.recordEvent(done.id, event);
    // No close(): as after a crash, the connection is simply dropped.
    const reopened = testStore(dataDir);
    const failed = reopened.getRun(run.id);
    expect(runSchema.parse(failed)).toEqual(failed);
    expect(failed).toMatchObject({
      status: 'failed',
      epochsRun: 2,
      finalMetrics: { loss: 0.5 },
      final: { type: 'failed', code: 'run.interrupted' },
    });
    expect(failed.message).toMatch(/closed while this run was training/);
    expect(failed.endedAt).not.toBeNull();
    expect(failed.epochs).toHaveLength(2);
    expect(reopened.getRun(done.id).status).toBe('finished');
    expect(reopened.markInterruptedRuns()).toBe(0);
    reopened.close();
    store.close();
  });
});

describe('a real training run', () => {
  it('records what the training engine reports and finds the model it saved', async () => {
    const store = testStore();
    const project = store.createProject({ name: 'XOR', graph: network(4) });
    const config = { ...SMALL_CONFIG, epochs: 5 };
    const run = store.createRun({
      projectId: project.id,
      revisionId: project.revisionId,
      data: XOR_DATA,
      config,
      backendChoice: 'cpu',
    });
    const job = trainingJobSchema.parse({
      graph: project.graph,
      data: XOR_DATA,
      config,
      backend: 'cpu',
      outDir: store.runFolder(run.id),
    });
    const final = await runTraining(job, {
      controls: new TrainerControls(),
      emit: (event) => store.recordEvent(run.id, event),
    });
    store.recordEvent(run.id, final);
    const recorded = store.getRun(run.id);
    expect(runSchema.parse(recorded)).toEqual(recorded);
    expect(recorded).toMatchObject({
      status: 'finished',
      epochsRun: 5,
      backend: 'cpu',
      hasWeights: true,
    });
    expect(recorded.epochs.map((e) => e.epoch)).toEqual([1, 2, 3, 4, 5]);
    expect(recorded.finalMetrics).toHaveProperty('loss');
    // Two input features: the last epoch's decision boundary and saliency are kept with it.
    expect(recorded.liveInside).toMatchObject({ type: 'inside', epoch: 5 });
    expect(recorded.liveInside?.boundary?.values).toHaveLength(40 * 40);
    expect(recorded.liveInside?.saliency?.examples).toHaveLength(4);
    const model = JSON.parse(
      readFileSync(path.join(store.runFolder(run.id), 'model.json'), 'utf8'),
    );
    expect(model.weightsManifest[0].paths).toEqual(['weights.bin']);
    store.close();
  });
});
