import type { WorkerChannel } from './worker-channel';
import { forkWorker } from './worker-channel';
import { defaultWorkerEntry } from './worker-entry';

/**
 * Starts one trainer-family process. Trainers and serving processes are both started through
 * this: forked Node processes by default, Electron's utilityProcess in the desktop app.
 */
export type WorkerLauncher = () => WorkerChannel;

export function forkWorkerLauncher(): WorkerLauncher {
  const entry = defaultWorkerEntry();
  return () => forkWorker({ entry: entry.entry, execArgv: entry.execArgv });
}
