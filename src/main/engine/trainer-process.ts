/**
 * Entry point of a trainer process: one training run per process, so a crash, an
 * out-of-memory or a stop never takes the app down. Started with child_process.fork (CLI,
 * tests, browser mode: messages over process.send) or Electron's utilityProcess (desktop
 * app: messages over process.parentPort).
 */
import { trainerCommandSchema } from '../../shared/training/commands';
import type { TrainerEvent } from '../../shared/training/events';
import { TrainerControls } from './training/controls';
import { runTraining } from './training/run-training';

/** Electron's port to the app in a utilityProcess; absent in a forked Node process. */
interface ParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}
const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;

function send(event: TrainerEvent): void {
  if (parentPort) parentPort.postMessage(event);
  else if (process.connected) process.send?.(event);
}

/** Ends this process once the final message is on its way. */
function finish(code: number): void {
  process.exitCode = code;
  if (parentPort) setImmediate(() => process.exit(code));
  else process.disconnect?.();
}

const controls = new TrainerControls();
let started = false;

function onCommand(message: unknown): void {
  const parsed = trainerCommandSchema.safeParse(message);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    const isStart = (message as { type?: unknown } | null)?.type === 'start';
    if (isStart && !started) {
      // A job that does not validate can never run: say so and end, rather than wait forever.
      started = true;
      send({
        type: 'failed',
        code: 'trainer.bad-job',
        message: 'The training job was not valid, so training did not start.',
        detail: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'),
      });
      finish(1);
      return;
    }
    send({
      type: 'log',
      level: 'warning',
      message: `Ignored a malformed command (${where}${issue?.message ?? 'invalid'}).`,
    });
    return;
  }
  const command = parsed.data;
  if (command.type !== 'start') {
    controls.handle(command);
    return;
  }
  if (started) {
    send({
      type: 'log',
      level: 'warning',
      message: 'This trainer is already running a job; start another process for another run.',
    });
    return;
  }
  started = true;
  // One run per process: end when it does.
  void runTraining(command.job, { emit: send, controls }).then((final) => {
    finish(final.type === 'failed' ? 1 : 0);
  });
}

if (parentPort) parentPort.on('message', (event) => onCommand(event.data));
else process.on('message', onCommand);

// Without its host nobody would see the results: stop at the next batch and end.
process.on('disconnect', () => {
  if (!started) process.exit(0);
  controls.handle({ type: 'stop' });
});
