import type { WorkerCallName, WorkerInput, WorkerOutput } from '../../../shared/worker/requests';
import { ServiceError } from '../service-error';
import type { RequestClient, RequestOptions } from './request-client';
import { openRequestClient } from './request-client';
import type { WorkerLauncher } from './worker-launcher';

/** A serving process kept for a run of related questions (a student clicking through a run). */
export interface KeptWorker {
  ask<N extends WorkerCallName>(
    call: N,
    input: WorkerInput<N>,
    options?: RequestOptions,
  ): Promise<WorkerOutput<N>>;
  /**
   * Stops what the process is working on by letting it go: its questions fail with `reason`
   * and the next question starts a fresh process. Says whether there was anything to stop.
   */
  stop(reason: ServiceError): boolean;
  /** Lets the process go now. */
  close(): void;
}

/**
 * Keeps one serving process while questions keep coming, so a model it opened stays open
 * between them, and lets it go after `idleMs` without a question. A process that crashed or
 * hung is replaced on the next question; the question it had fails with a sentence.
 */
export function keptWorker(launch: WorkerLauncher, idleMs = 60_000): KeptWorker {
  let client: RequestClient | undefined;
  let idle: ReturnType<typeof setTimeout> | undefined;
  let busy = 0;

  const close = () => {
    if (idle) clearTimeout(idle);
    idle = undefined;
    client?.close();
    client = undefined;
  };

  return {
    async ask(call, input, options) {
      if (idle) clearTimeout(idle);
      idle = undefined;
      client ??= openRequestClient(launch());
      const asked = client;
      busy += 1;
      try {
        return await asked.request(call, input, options);
      } catch (error) {
        // A process that ended cannot answer again: the next question starts a new one.
        if (error instanceof ServiceError && error.code === 'unavailable' && client === asked) {
          client = undefined;
          asked.close();
        }
        throw error;
      } finally {
        busy -= 1;
        if (busy === 0 && client) {
          idle = setTimeout(close, idleMs);
          idle.unref?.();
        }
      }
    },
    stop(reason) {
      if (!client || busy === 0) return false;
      const stopped = client;
      client = undefined;
      stopped.close(reason);
      return true;
    },
    close,
  };
}
