import { trainerCommandSchema } from '../../../shared/training/commands';
import type { TrainerEvent } from '../../../shared/training/events';
import { TrainerControls } from '../training/controls';
import { runTraining } from '../training/run-training';
import type { HostPort } from './port';

/** How long a trainer whose host is gone may take to stop and save before it just ends. */
const HOST_GONE_GRACE_MS = 10_000;

/**
 * A trainer process's one training run: a `start` command with the job, then controls (pause,
 * step, stop, a new learning rate) until the run ends, and the process with it.
 */
export function trainingSession(port: HostPort): { handle(message: unknown): void } {
  const send = (event: TrainerEvent) => port.send(event);
  const controls = new TrainerControls();
  let started = false;

  // Without its host nobody would see the results: stop at the next batch and end.
  // A stop is seen between batches; a process stuck elsewhere (loading data, saving) still
  // ends within HOST_GONE_GRACE_MS, so no trainer outlives its host for long.
  port.onHostGone(() => {
    if (!started) process.exit(0);
    controls.handle({ type: 'stop' });
    setTimeout(() => process.exit(1), HOST_GONE_GRACE_MS).unref();
  });

  return {
    handle(message) {
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
          port.finish(1);
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
        port.finish(final.type === 'failed' ? 1 : 0);
      });
    },
  };
}
