import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { ServiceError } from '../../../src/main/services/service-error';
import type { RequestClient } from '../../../src/main/services/workers/request-client';
import { askWorker, openRequestClient } from '../../../src/main/services/workers/request-client';
import type { WorkerChannel } from '../../../src/main/services/workers/worker-channel';
import { forkWorker } from '../../../src/main/services/workers/worker-channel';
import { forkWorkerLauncher } from '../../../src/main/services/workers/worker-launcher';
import { BACKENDS } from '../../../src/shared/training/backends';

/**
 * Main asks trainer-family processes whatever needs TF.js. These run the real worker entry
 * (and stand-ins that crash or hang), never TF.js in the test's own process.
 */

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../fixtures/trainers/${name}`, import.meta.url));

const open: RequestClient[] = [];
afterEach(() => {
  for (const client of open.splice(0)) client.close();
});

/** Resolves when the process has ended; rejects if it is still running after a while. */
function ended(channel: WorkerChannel): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the process is still running')), 10_000);
    channel.onClose(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

describe('asking a trainer-family process', () => {
  it('gets the backend report from a short-lived process, which then ends', async () => {
    let channel: WorkerChannel | undefined;
    const launch = forkWorkerLauncher();
    const report = await askWorker(() => (channel = launch()), 'backends.report', {
      choice: 'auto',
    });
    expect(BACKENDS).toContain(report.active);
    expect(report.tried.map((t) => t.backend)).toContain(report.active);
    // Every better backend that was not used says why.
    for (const attempt of report.tried.filter((t) => t.backend !== report.active)) {
      expect(attempt.reason, attempt.backend).toMatch(/\S/);
    }
    await ended(channel!);
  });

  it('answers a refused request and then the next one, from the same process', async () => {
    const client = openRequestClient(forkWorker());
    open.push(client);
    const refused = client.request('backends.report', { choice: 'quantum' as never });
    await expect(refused).rejects.toMatchObject({ code: 'invalid-input' });
    const report = await client.request('backends.report', { choice: 'cpu' });
    expect(report.active).toBe('cpu');
  });

  it('says so clearly when the process dies before answering', async () => {
    const client = openRequestClient(forkWorker({ entry: fixture('stderr-then-exit.cjs') }));
    open.push(client);
    const error = await client.request('backends.report', { choice: 'auto' }).catch((e) => e);
    expect(error).toBeInstanceOf(ServiceError);
    expect(error).toMatchObject({ code: 'unavailable' });
    expect(error.message).toMatch(/ended before it answered \(exit code 3\)/);
    expect(error.message).toContain('trainer stderr line 25');
    // A client whose process is gone refuses further questions at once, with the same reason.
    await expect(client.request('backends.report', { choice: 'auto' })).rejects.toBe(error);
  });

  it('gives up on a process that does not answer, and ends it', async () => {
    const channel = forkWorker({ entry: fixture('never-answers.cjs') });
    const client = openRequestClient(channel);
    open.push(client);
    const gone = ended(channel);
    const error = await client
      .request('backends.report', { choice: 'auto' }, { timeoutMs: 500 })
      .catch((e) => e);
    expect(error).toMatchObject({ code: 'unavailable' });
    expect(error.message).toMatch(/did not answer "backends.report" within 1 s/);
    await gone;
  });
});

describe('main', () => {
  it('answers backends.report without loading TensorFlow.js into its own process', async () => {
    const script = fileURLToPath(new URL('../../fixtures/main-without-tfjs.ts', import.meta.url));
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', script]);
    const { result, tfjsModules } = JSON.parse(stdout.trim().split('\n').pop()!);
    expect(result.ok).toBe(true);
    expect(BACKENDS).toContain(result.output.active);
    expect(tfjsModules).toEqual([]);
  });
});
