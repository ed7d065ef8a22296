import type { WorkerCallName, WorkerInput, WorkerOutput } from '../../../shared/worker/requests';
import { ServiceError } from '../service-error';
import type { RequestClient, RequestOptions } from './request-client';
import { openRequestClient } from './request-client';
import type { WorkerLauncher } from './worker-launcher';

/** How a question is asked of the kept process. */
export interface KeptRequestOptions extends RequestOptions {
  /** Whose question it is (a run's id): what `stop` names. */
  readonly tag?: string;
}

/** A serving process kept for a run of related questions (a student clicking through a run). */
export interface KeptWorker {
  ask<N extends WorkerCallName>(
    call: N,
    input: WorkerInput<N>,
    options?: KeptRequestOptions,
  ): Promise<WorkerOutput<N>>;
  /**
   * Stops the questions tagged `tag`: the process cannot be interrupted, so it is let go, those
   * questions fail with `reason`, and the others it had are asked again of a fresh process.
   * Says whether there was anything to stop.
   */
  stop(tag: string, reason: ServiceError): boolean;
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
  /** Questions waiting on each process, by tag. */
  const waiting = new Map<RequestClient, Map<string, number>>();
  /** Processes let go by `stop`, with whose questions were stopped. */
  const stopped = new WeakMap<RequestClient, { tag: string; reason: ServiceError }>();

  const count = (asked: RequestClient, tag: string, by: number) => {
    const tags = waiting.get(asked) ?? new Map<string, number>();
    const left = (tags.get(tag) ?? 0) + by;
    if (left > 0) tags.set(tag, left);
    else tags.delete(tag);
    if (tags.size > 0) waiting.set(asked, tags);
    else waiting.delete(asked);
  };

  const close = () => {
    if (idle) clearTimeout(idle);
    idle = undefined;
    client?.close();
    client = undefined;
  };

  return {
    async ask(call, input, options = {}) {
      if (idle) clearTimeout(idle);
      idle = undefined;
      const tag = options.tag ?? '';
      busy += 1;
      try {
        for (;;) {
          client ??= openRequestClient(launch());
          const asked = client;
          count(asked, tag, 1);
          try {
            return await asked.request(call, input, options);
          } catch (error) {
            const stop = stopped.get(asked);
            if (stop) {
              if (stop.tag === tag) throw stop.reason;
              // Someone else's question was stopped: this one is asked again.
              continue;
            }
            // A process that ended cannot answer again: the next question starts a new one.
            if (error instanceof ServiceError && error.code === 'unavailable' && client === asked) {
              client = undefined;
              asked.close();
            }
            throw error;
          } finally {
            count(asked, tag, -1);
          }
        }
      } finally {
        busy -= 1;
        if (busy === 0 && client) {
          idle = setTimeout(close, idleMs);
          idle.unref?.();
        }
      }
    },
    stop(tag, reason) {
      if (!client || !waiting.get(client)?.has(tag)) return false;
      const letGo = client;
      client = undefined;
      stopped.set(letGo, { tag, reason });
      letGo.close(reason);
      return true;
    },
    close,
  };
}
