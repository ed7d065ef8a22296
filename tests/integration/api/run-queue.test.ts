import { describe, expect, it } from 'vitest';
import type { RunSummary } from '../../../src/shared/api/records';
import type { TrainerEvent } from '../../../src/shared/training/events';
import type { WorkerLauncher } from '../../../src/main/services/workers/worker-launcher';
import { forkWorkerLauncher } from '../../../src/main/services/workers/worker-launcher';
import type { TestService } from '../../fixtures/api-service';
import { apiServices, callService, refusalOf } from '../../fixtures/api-service';
import { xorTrainingStart } from '../../fixtures/xor-settings';

/**
 * More runs started at once than may train at once: the rest wait in line for a free core,
 * with real trainer processes (counted as they start and end) and a real database.
 */

const open = apiServices();

/** The real launcher, counting the trainer processes alive and which run each one trains. */
function countingLauncher() {
  const real = forkWorkerLauncher();
  const counts = { alive: 0, most: 0, started: [] as string[] };
  const launch: WorkerLauncher = () => {
    const channel = real();
    counts.alive += 1;
    counts.most = Math.max(counts.most, counts.alive);
    let ended = false;
    const end = () => {
      if (!ended) counts.alive -= 1;
      ended = true;
    };
    channel.onClose(end);
    channel.onSpawnError(end);
    return {
      send(message) {
        // The first message is the job; its output folder is named for the run.
        const job = (message as { type?: string; job?: { outDir: string } }).job;
        if (job) counts.started.push(job.outDir);
        channel.send(message);
      },
      get connected() {
        return channel.connected;
      },
      get pid() {
        return channel.pid;
      },
      onMessage: (listener) => channel.onMessage(listener),
      onStderr: (listener) => channel.onStderr(listener),
      onClose: (listener) => channel.onClose(listener),
      onSpawnError: (listener) => channel.onSpawnError(listener),
      kill: () => channel.kill(),
    };
  };
  return { launch, counts };
}

function eventsOf(events: TestService['events'], runId: string): TrainerEvent[] {
  return events
    .filter((e) => e.name === 'training.event')
    .map((e) => e.payload as { runId: string; event: TrainerEvent })
    .filter((p) => p.runId === runId)
    .map((p) => p.event);
}

const queuedPositions = (events: TestService['events'], runId: string) =>
  eventsOf(events, runId).flatMap((e) => (e.type === 'queued' ? [e.position] : []));

const ended = (events: TestService['events'], runId: string) =>
  eventsOf(events, runId).some((e) => ['finished', 'stopped', 'failed'].includes(e.type));

describe('runs beyond the limit wait for a free core', () => {
  it('trains at most `limit` at once; the rest report their place, move up and finish', async () => {
    const { launch, counts } = countingLauncher();
    const test = open(undefined, { maxRuns: 2, launchWorker: launch });
    const { service, events } = test;
    const project = await callService<{ id: string }>(service, 'projects.create', {
      name: 'Crowded classroom',
      template: 'xor-mlp',
    });
    // Five students press Train together.
    const runIds = await Promise.all(
      [1, 2, 3, 4, 5].map(async () => {
        const { runId } = await callService<{ runId: string }>(
          service,
          'training.start',
          xorTrainingStart(project.id, 200),
        );
        return runId;
      }),
    );
    const [first, second, third, fourth, fifth] = runIds as [
      string,
      string,
      string,
      string,
      string,
    ];
    expect(counts.started).toHaveLength(2);
    expect(service.isTraining()).toBe(true);
    expect(queuedPositions(events, first)).toEqual([]);
    expect(queuedPositions(events, third)).toEqual([1]);
    expect(queuedPositions(events, fourth)).toEqual([2]);
    expect(queuedPositions(events, fifth)).toEqual([3]);
    expect(eventsOf(events, third)[0]).toEqual({ type: 'queued', position: 1, limit: 2 });

    // A page that opens the run later learns its place from runs.get.
    const waitingRun = await callService<{ status: string; waiting?: unknown }>(
      service,
      'runs.get',
      { runId: fifth },
    );
    expect(waitingRun).toMatchObject({ status: 'running', waiting: { position: 3, limit: 2 } });
    expect(
      await callService<{ waiting?: unknown }>(service, 'runs.get', { runId: first }),
    ).not.toHaveProperty('waiting');

    // A queued run only stops: pausing it is refused, with why.
    const refused = await refusalOf(service, 'training.command', {
      runId: fourth,
      command: { type: 'pause' },
    });
    expect(refused.code).toBe('conflict');
    expect(refused.message).toContain('waiting for a free core');

    // The fourth student changes their mind: the run leaves the line and the fifth moves up.
    await callService(service, 'training.command', { runId: fourth, command: { type: 'stop' } });
    expect(eventsOf(events, fourth).at(-1)).toEqual({
      type: 'stopped',
      epoch: 0,
      batch: 0,
      beforeStart: true,
    });
    expect(queuedPositions(events, fifth)).toEqual([3, 2]);
    expect(queuedPositions(events, third)).toEqual([1, 1]);

    await expect
      .poll(() => runIds.every((runId) => ended(events, runId)), { timeout: 90_000 })
      .toBe(true);
    expect(service.isTraining()).toBe(false);
    // A final event comes a moment before its process has exited.
    await expect.poll(() => counts.alive, { timeout: 15_000 }).toBe(0);
    expect(counts.most).toBe(2);
    // Every run but the cancelled one got a process, in the order they were started.
    const runOf = (outDir: string) => runIds.find((id) => outDir.includes(id));
    expect(counts.started.map(runOf)).toEqual([first, second, third, fifth]);
    // The fifth heard it was next when the third started.
    expect(queuedPositions(events, fifth)).toEqual([3, 2, 1]);

    const runs = await callService<RunSummary[]>(service, 'runs.list', { projectId: project.id });
    const status = Object.fromEntries(runs.map((run) => [run.id, run.status]));
    expect(status).toEqual({
      [first]: 'finished',
      [second]: 'finished',
      [third]: 'finished',
      [fourth]: 'stopped',
      [fifth]: 'finished',
    });
    const cancelled = runs.find((run) => run.id === fourth)!;
    expect(cancelled.epochsRun).toBe(0);
    expect(cancelled.message).toBe(
      'Stopped while it waited for a free core, before it started training.',
    );
  }, 120_000);

  it('cancels the runs still waiting when Neurite closes', async () => {
    const { launch, counts } = countingLauncher();
    const { service, events } = open(undefined, { maxRuns: 1, launchWorker: launch });
    const project = await callService<{ id: string }>(service, 'projects.create', {
      name: 'One core',
      template: 'xor-mlp',
    });
    const start = () =>
      callService<{ runId: string }>(service, 'training.start', xorTrainingStart(project.id, 200));
    const training = await start();
    const waiting = await start();
    expect(queuedPositions(events, waiting.runId)).toEqual([1]);

    await service.close();
    expect(counts.started).toHaveLength(1);
    await expect.poll(() => counts.alive, { timeout: 10_000 }).toBe(0);
    expect(eventsOf(events, waiting.runId).at(-1)).toMatchObject({
      type: 'stopped',
      beforeStart: true,
    });
    expect(ended(events, training.runId)).toBe(true);
    expect(service.isTraining()).toBe(false);
  }, 60_000);
});
