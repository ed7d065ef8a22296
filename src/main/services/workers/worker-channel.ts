import { fork } from 'node:child_process';
import { defaultWorkerEntry } from './worker-entry';

/**
 * A trainer-family process as its host sees it. Node's child_process.fork and Electron's
 * utilityProcess both provide one, so what follows a trainer or asks a serving process works
 * the same on either.
 */
export interface WorkerChannel {
  send(message: unknown): void;
  readonly connected: boolean;
  readonly pid: number | undefined;
  onMessage(listener: (message: unknown) => void): void;
  onStderr(listener: (chunk: string) => void): void;
  /** After the process has ended and all its output and messages have arrived. */
  onClose(listener: (code: number | null, signal: NodeJS.Signals | null) => void): void;
  /** The process could not be started at all (no close follows). */
  onSpawnError(listener: (error: Error) => void): void;
  /** Ends the process at once. */
  kill(): void;
}

export interface ForkOptions {
  /** The process entry; defaults to the built trainer.js (see worker-entry.ts). */
  readonly entry?: string;
  /** Extra Node flags, e.g. ['--import', 'tsx'] to run the TypeScript entry in tests. */
  readonly execArgv?: readonly string[];
  /** Heap limit in MB, so a runaway process fails cleanly instead of swapping. */
  readonly maxMemoryMb?: number;
}

/** Starts a trainer-family process as a forked Node process. */
export function forkWorker(options: ForkOptions = {}): WorkerChannel {
  const fallback = defaultWorkerEntry();
  const entry = options.entry ?? fallback.entry;
  const child = fork(entry, [], {
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    execArgv: [
      ...(options.execArgv ?? (options.entry ? [] : fallback.execArgv)),
      ...(options.maxMemoryMb ? [`--max-old-space-size=${options.maxMemoryMb}`] : []),
    ],
  });
  child.stderr?.setEncoding('utf8');
  return {
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
}

const STDERR_LINES_KEPT = 20;

/** The last lines a process wrote to stderr, kept to explain a crash. */
export function stderrTail(channel: WorkerChannel): () => string[] {
  const lines: string[] = [];
  channel.onStderr((chunk) => {
    lines.push(
      ...String(chunk)
        .split('\n')
        .filter((line) => line.trim() !== ''),
    );
    lines.splice(0, Math.max(0, lines.length - STDERR_LINES_KEPT));
  });
  return () => [...lines];
}
