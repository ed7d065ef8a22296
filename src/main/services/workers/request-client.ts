import type {
  WorkerCallName,
  WorkerInput,
  WorkerOutput,
  WorkerRequest,
} from '../../../shared/worker/requests';
import {
  WORKER_CALLS,
  workerProgressSchema,
  workerResponseSchema,
} from '../../../shared/worker/requests';
import { ServiceError } from '../service-error';
import type { WorkerChannel } from './worker-channel';
import { stderrTail } from './worker-channel';
import type { WorkerLauncher } from './worker-launcher';

export interface RequestOptions {
  /** Give up (and say so) after this long without an answer or a progress report. */
  readonly timeoutMs?: number;
  /** How far a long request has come, as the process reports it. */
  readonly onProgress?: (done: number, total: number) => void;
}

/** A serving process of the trainer family, as main asks it questions. */
export interface RequestClient {
  request<N extends WorkerCallName>(
    call: N,
    input: WorkerInput<N>,
    options?: RequestOptions,
  ): Promise<WorkerOutput<N>>;
  /**
   * Lets the process go; whatever is still being asked fails with `reason`, or a sentence
   * saying the process was closed.
   */
  close(reason?: ServiceError): void;
}

const DEFAULT_TIMEOUT_MS = 120_000;

interface Pending {
  readonly call: string;
  resolve(output: unknown): void;
  reject(error: Error): void;
  /** The process said it is working (on this or an earlier question): wait again. */
  alive(): void;
  /** A progress report of this question, passed on. */
  progress(done: number, total: number): void;
}

/**
 * Asks a serving process questions over its channel, each answer checked against the call's
 * schema like any message from another process. A process that crashes or hangs fails the
 * questions it had, with a sentence for the user; main itself is never at risk.
 */
export function openRequestClient(channel: WorkerChannel): RequestClient {
  const pending = new Map<number, Pending>();
  const stderr = stderrTail(channel);
  let nextId = 0;
  let ended: ServiceError | undefined;

  const failAll = (error: ServiceError) => {
    ended ??= error;
    for (const entry of pending.values()) entry.reject(error);
    pending.clear();
  };

  channel.onMessage((message) => {
    const progress = workerProgressSchema.safeParse(message);
    if (progress.success) {
      // The process answers one question at a time: the ones queued behind a long one wait
      // as long as it keeps working.
      for (const entry of pending.values()) entry.alive();
      pending.get(progress.data.id)?.progress(progress.data.done, progress.data.total);
      return;
    }
    const parsed = workerResponseSchema.safeParse(message);
    if (!parsed.success) return;
    const response = parsed.data;
    const entry = pending.get(response.id);
    if (!entry) return;
    pending.delete(response.id);
    // The next question in line starts now: its wait starts again too.
    for (const waiting of pending.values()) waiting.alive();
    if (!response.ok) {
      entry.reject(new ServiceError(response.error.code, response.error.message));
      return;
    }
    const output = WORKER_CALLS[entry.call as WorkerCallName].output.safeParse(response.output);
    if (output.success) entry.resolve(output.data);
    else
      entry.reject(
        new ServiceError(
          'internal',
          `Neurite's answer to "${entry.call}" was not valid; this is a bug.`,
        ),
      );
  });
  channel.onSpawnError((error) =>
    failAll(
      new ServiceError('unavailable', `Neurite could not start a helper process: ${error.message}`),
    ),
  );
  channel.onClose((code, signal) => {
    const detail = stderr().slice(-3).join(' ');
    const how = signal ? `signal ${signal}` : `exit code ${code}`;
    failAll(
      new ServiceError(
        'unavailable',
        `Neurite's helper process ended before it answered (${how}).${detail ? ` ${detail}` : ''} Try again; nothing you made was changed.`,
      ),
    );
  });

  return {
    request(call, input, options = {}) {
      if (ended) return Promise.reject(ended);
      const id = nextId++;
      return new Promise((resolve, reject) => {
        const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
        const giveUp = () => {
          if (!pending.delete(id)) return;
          reject(
            new ServiceError(
              'unavailable',
              `Neurite's helper process did not answer "${call}" within ${Math.round(timeoutMs / 1000)} s, so it was ended. Try again.`,
            ),
          );
          channel.kill();
        };
        let timer = setTimeout(giveUp, timeoutMs);
        timer.unref?.();
        pending.set(id, {
          call,
          resolve: (output) => {
            clearTimeout(timer);
            resolve(output as WorkerOutput<typeof call>);
          },
          reject: (error) => {
            clearTimeout(timer);
            reject(error);
          },
          alive: () => {
            clearTimeout(timer);
            timer = setTimeout(giveUp, timeoutMs);
            timer.unref?.();
          },
          progress: (done, total) => options.onProgress?.(done, total),
        });
        try {
          channel.send({ type: 'request', id, call, input } satisfies WorkerRequest);
        } catch (error) {
          pending.delete(id);
          clearTimeout(timer);
          reject(
            new ServiceError(
              'unavailable',
              `Neurite's helper process could not be asked "${call}" (${(error as Error).message}). Try again.`,
            ),
          );
        }
      });
    },
    close(reason) {
      failAll(reason ?? new ServiceError('unavailable', 'The helper process was closed.'));
      channel.kill();
    },
  };
}

/** Starts a serving process, asks it one question, and lets it go: a short-lived worker. */
export async function askWorker<N extends WorkerCallName>(
  launch: WorkerLauncher,
  call: N,
  input: WorkerInput<N>,
  options?: RequestOptions,
): Promise<WorkerOutput<N>> {
  const client = openRequestClient(launch());
  try {
    return await client.request(call, input, options);
  } finally {
    client.close();
  }
}
