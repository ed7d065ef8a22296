import type { TrainerCommand } from '../../../shared/training/commands';

/**
 * The commands a running trainer obeys between batches: pause, resume, step one batch while
 * paused, stop, and a new learning rate. The loop awaits `beforeBatch` before every batch;
 * that also yields to the event loop so commands arriving over IPC are handled promptly.
 */
export class TrainerControls {
  private paused = false;
  private stepsAllowed = 0;
  private stopRequested = false;
  private learningRate: number | undefined;
  private wake: (() => void) | undefined;

  handle(command: Exclude<TrainerCommand, { type: 'start' }>): void {
    switch (command.type) {
      case 'stop':
        this.stopRequested = true;
        break;
      case 'pause':
        this.paused = true;
        break;
      case 'resume':
        this.paused = false;
        break;
      case 'step':
        if (this.paused) this.stepsAllowed += 1;
        break;
      case 'setLearningRate':
        this.learningRate = command.value;
        break;
    }
    this.wake?.();
  }

  /**
   * Resolves 'run' when the next batch may be trained, 'stop' when the run must end.
   * `onPause` is called each time the loop starts waiting, `onResume` when it goes on.
   */
  async beforeBatch(onPause: () => void, onResume: () => void): Promise<'run' | 'stop'> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    let waited = false;
    for (;;) {
      if (this.stopRequested) return 'stop';
      if (!this.paused || this.stepsAllowed > 0) {
        if (this.paused) this.stepsAllowed -= 1;
        else if (waited) onResume();
        return 'run';
      }
      if (!waited) onPause();
      waited = true;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
      this.wake = undefined;
    }
  }

  /** A learning rate the user set since the last call, once. */
  takeLearningRate(): number | undefined {
    const value = this.learningRate;
    this.learningRate = undefined;
    return value;
  }

  get stopping(): boolean {
    return this.stopRequested;
  }
}
