import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import type { RunControl, TrainerCommand, TrainingJob } from '../../shared/training/commands';
import type { TrainerEvent, TrainerEventOf } from '../../shared/training/events';
import { trainerEventSchema } from '../../shared/training/events';
import { defaultTrainerEntry } from './trainer-entry';

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

export interface TrainerHostOptions {
  readonly onEvent: (event: TrainerEvent) => void;
  /** The trainer entry; defaults to the built trainer.js (see trainer-entry.ts). */
  readonly entry?: string;
  /** Extra Node flags, e.g. ['--import', 'tsx'] to run the TypeScript entry in tests. */
  readonly execArgv?: readonly string[];
  /** Heap limit for the trainer in MB, so a runaway run fails cleanly instead of swapping. */
  readonly maxMemoryMb?: number;
}

/**
 * A trainer process as the host sees it. Node's child_process.fork and Electron's
 * utilityProcess both provide one, so the rules in followTrainer apply to either.
 */
export interface TrainerChannel {
  send(message: unknown): void;
  readonly connected: boolean;
  readonly pid: number | undefined;
  onMessage(listener: (message: unknown) => void): void;
  onStderr(listener: (chunk: string) => void): void;
  /** After the process has ended and all its output and messages have arrived. */
  onClose(listener: (code: number | null, signal: NodeJS.Signals | null) => void): void;
  /** The process could not be started at all (no close follows). */
  onSpawnError(listener: (error: Error) => void): void;
  kill(): void;
}

const STDERR_LINES_KEPT = 20;

/** Starts one training run in a forked Node process. */
export function startTrainer(job: TrainingJob, options: TrainerHostOptions): TrainerHandle {
  const fallback = defaultTrainerEntry();
  const entry = options.entry ?? fallback.entry;
  const child: ChildProcess = fork(entry, [], {
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    execArgv: [
      ...(options.execArgv ?? (options.entry ? [] : fallback.execArgv)),
      ...(options.maxMemoryMb ? [`--max-old-space-size=${options.maxMemoryMb}`] : []),
    ],
  });
  child.stderr?.setEncoding('utf8');
  const channel: TrainerChannel = {
    send: (message) => child.send(message as object),
    get connected() {
      return child.connected;
    },
    get pid() {
      return child.pid;
    },
    onMessage: (listener) => child.on('message', listener),
    onStderr: (listener) => child.stderr?.on('data', listener),
    // 'close', not 'exit': only then have all of stderr and every IPC message arrived.
    onClose: (listener) => child.on('close', listener),
    onSpawnError: (listener) =>
      child.on('error', (error) => {
        if (child.pid === undefined) listener(error);
      }),
    kill: () => child.kill('SIGKILL'),
  };
  return followTrainer(channel, job, options.onEvent);
}

/**
 * Follows one training run: events are validated on arrival (a trainer is trusted no more
 * than anything else), and a process that ends without a final event is reported as failed,
 * with its last stderr lines.
 */
export function followTrainer(
  channel: TrainerChannel,
  job: TrainingJob,
  onEvent: (event: TrainerEvent) => void,
): TrainerHandle {
  const stderr: string[] = [];
  channel.onStderr((chunk) => {
    stderr.push(
      ...String(chunk)
        .split('\n')
        .filter((line) => line.trim() !== ''),
    );
    stderr.splice(0, Math.max(0, stderr.length - STDERR_LINES_KEPT));
  });

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
      conclude({
        type: 'failed',
        code: 'trainer.crashed',
        message: crashMessage(code, signal, killedByHost),
        ...(stderr.length > 0 ? { detail: stderr.join('\n') } : {}),
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
