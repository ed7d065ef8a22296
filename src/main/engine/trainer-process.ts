/**
 * Entry point of a trainer process: one training run per process, so a crash, an
 * out-of-memory or a stop never takes the app down. Started with child_process.fork (CLI,
 * tests, browser mode) or Electron's utilityProcess (desktop app); both give process.send.
 */
import { trainerCommandSchema } from '../../shared/training/commands';
import type { TrainerEvent } from '../../shared/training/events';
import { TrainerControls } from './training/controls';
import { runTraining } from './training/run-training';

function send(event: TrainerEvent): void {
  if (process.connected) process.send?.(event);
}

const controls = new TrainerControls();
let started = false;

process.on('message', (message: unknown) => {
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
      process.exitCode = 1;
      process.disconnect?.();
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
  void runTraining(command.job, { emit: send, controls }).then((final) => {
    // Let the last message reach the host, then end: one run per process.
    process.exitCode = final.type === 'failed' ? 1 : 0;
    process.disconnect?.();
  });
});

// Without its host nobody would see the results: stop at the next batch and end.
process.on('disconnect', () => {
  if (!started) process.exit(0);
  controls.handle({ type: 'stop' });
});
