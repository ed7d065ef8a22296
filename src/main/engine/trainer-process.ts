/**
 * Entry point of a trainer-family process, the only kind of process that loads TF.js. Its
 * first message says what it is for: `start` makes it a trainer (one training run per process,
 * so a crash, an out-of-memory or a stop never takes the app down); `request` makes it a
 * serving process that answers questions needing TF.js (the backend report) until its host
 * lets it go. Started with child_process.fork or Electron's utilityProcess (see worker/port.ts).
 */
import { hostPort } from './worker/port';
import { requestServer } from './worker/request-server';
import { trainingSession } from './worker/training-session';

// Ctrl+C in a terminal reaches every process of the command, this one too. The host decides:
// it asks for a clean stop (the weights so far are saved), which a SIGINT here would cut off.
process.on('SIGINT', () => undefined);

const port = hostPort();
let role: { handle(message: unknown): void } | undefined;

port.onMessage((message) => {
  role ??=
    (message as { type?: unknown } | null)?.type === 'request'
      ? requestServer(port)
      : trainingSession(port);
  role.handle(message);
});
