import path from 'node:path';
import { utilityProcess } from 'electron';
import type { WorkerChannel } from '../services/workers/worker-channel';
import { builtWorkerEntry } from '../services/workers/worker-entry';
import type { WorkerLauncher } from '../services/workers/worker-launcher';

/**
 * In the desktop app each trainer-family process (a training run, or a process that answers
 * questions needing TF.js) is an Electron utilityProcess: a Node process that Electron manages
 * and shows in its task manager, running the same entry as the CLI's fork.
 */
export function utilityWorkerLauncher(): WorkerLauncher {
  return () => {
    const entry = builtWorkerEntry() ?? path.join(__dirname, 'trainer.js');
    const child = utilityProcess.fork(entry, [], { stdio: 'pipe', serviceName: 'Neurite trainer' });
    let alive = true;
    child.stderr?.setEncoding('utf8');
    const channel: WorkerChannel = {
      send: (message) => child.postMessage(message),
      get connected() {
        return alive;
      },
      get pid() {
        return child.pid;
      },
      onMessage: (listener) => child.on('message', listener),
      onStderr: (listener) => child.stderr?.on('data', listener),
      onClose: (listener) =>
        child.on('exit', (code) => {
          alive = false;
          listener(code, null);
        }),
      onSpawnError: () => undefined,
      kill: () => child.kill(),
    };
    return channel;
  };
}
