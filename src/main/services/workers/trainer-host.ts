import type { RunControl, TrainerCommand, TrainingJob } from '../../../shared/training/commands';
import type { TrainerEvent, TrainerEventOf } from '../../../shared/training/events';
import { trainerEventSchema } from '../../../shared/training/events';
import type { ForkOptions, WorkerChannel } from './worker-channel';
import { forkWorker, stderrTail } from './worker-channel';

export type FinalTrainerEvent =
  TrainerEventOf<'finished'> | TrainerEventOf<'stopped'> | TrainerEventOf<'failed'>;

export interface TrainerHandle {
  /** Sends stop, pause, resume, step or a new learning rate. */
  send(command: RunControl): void;
  /** Resolves with the run's last event; a crashed process becomes a `failed` event. */
  readonly done: Promise<FinalTrainerEvent>;
  /** Ends the process at once (the run is reported as failed, with its last words). */
  kill(): void;
  readonly pid: number | undefined;
}

export interface TrainerHostOptions extends ForkOptions {
  readonly onEvent: (event: TrainerEvent) => void;
}

/** Starts one training run in a forked Node process (the CLI and tests; the app uses its launcher). */
export function startTrainer(job: TrainingJob, options: TrainerHostOptions): TrainerHandle {
  return followTrainer(forkWorker(options), job, options.onEvent);
}

/**
 * Follows one training run: events are validated on arrival (a trainer is trusted no more
 * than anything else), and a process that ends without a final event is reported as failed,
 * with its last stderr lines.
 */
export function followTrainer(
  channel: WorkerChannel,
  job: TrainingJob,
  onEvent: (event: TrainerEvent) => void,
): TrainerHandle {
  const stderr = stderrTail(channel);

  let final: FinalTrainerEvent | undefined;
  let killedByHost = false;
  const done = new Promise<FinalTrainerEvent>((resolve) => {
    const conclude = (event: FinalTrainerEvent): void => {
      if (!final) {
        final = event;
        onEvent(event);
      }
      resolve(final);
    };
    channel.onMessage((message) => {
      const parsed = trainerEventSchema.safeParse(message);
      if (!parsed.success) {
        onEvent({
          type: 'log',
          level: 'warning',
          message: 'The trainer sent a message Neurite does not understand; it was ignored.',
        });
        return;
      }
      const event = parsed.data;
      if (event.type === 'finished' || event.type === 'stopped' || event.type === 'failed') {
        final = event;
      }
      onEvent(event);
    });
    channel.onSpawnError((error) => {
      conclude({
        type: 'failed',
        code: 'trainer.start',
        message: 'The training process could not be started.',
        detail: error.message,
      });
    });
    channel.onClose((code, signal) => {
      const lines = stderr();
      conclude({
        type: 'failed',
        code: 'trainer.crashed',
        message: crashMessage(code, signal, killedByHost),
        ...(lines.length > 0 ? { detail: lines.join('\n') } : {}),
      });
    });
  });

  channel.send({ type: 'start', job } satisfies TrainerCommand);
  return {
    send: (command) => {
      if (channel.connected) channel.send(command);
    },
    done,
    kill: () => {
      killedByHost = true;
      channel.kill();
    },
    get pid() {
      return channel.pid;
    },
  };
}

function crashMessage(
  code: number | null,
  signal: NodeJS.Signals | null,
  killedByHost: boolean,
): string {
  if (killedByHost) {
    return `The training process was ended at once (signal ${signal ?? 'SIGKILL'}), so the run has no final results. Whatever was saved before is kept.`;
  }
  if (signal === 'SIGKILL') {
    return 'The training process was killed (signal SIGKILL), most likely because the computer ran out of memory. Nothing saved before was lost; try a smaller batch size or network.';
  }
  const how = signal ? `signal ${signal}` : `exit code ${code}`;
  return `The training process ended unexpectedly (${how}). Nothing saved before was lost; the details below help to report it.`;
}
