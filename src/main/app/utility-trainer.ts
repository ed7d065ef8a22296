import path from 'node:path';
import { utilityProcess } from 'electron';
import type { TrainerChannel } from '../services/trainer-host';
import { followTrainer } from '../services/trainer-host';
import type { TrainerLauncher } from '../services/trainer-launcher';
import { builtTrainerEntry } from '../services/trainer-entry';

/**
 * In the desktop app each run is an Electron utilityProcess (a Node process that Electron
 * manages and shows in its task manager) running the same trainer entry as the CLI's fork.
 */
export function utilityTrainerLauncher(): TrainerLauncher {
  return (job, onEvent) => {
    const entry = builtTrainerEntry() ?? path.join(__dirname, 'trainer.js');
    const child = utilityProcess.fork(entry, [], { stdio: 'pipe', serviceName: 'Neurite trainer' });
    let alive = true;
    child.stderr?.setEncoding('utf8');
    const channel: TrainerChannel = {
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
    return followTrainer(channel, job, onEvent);
  };
}
