import type { TrainingConfig } from '../../../shared/training/config';
import { tf } from '../tf';

type Settings = TrainingConfig['earlyStopping'];

/** Whether a larger value of the monitored quantity is better. */
function higherIsBetter(monitor: string): boolean {
  return /accuracy|f1/.test(monitor);
}

/**
 * Watches one quantity after each epoch, keeps a copy of the best weights, and says when
 * `patience` epochs have passed without an improvement. TF.js' own callback cannot restore
 * the best weights, hence this.
 */
export class EarlyStopping {
  private best: number | undefined;
  private bestWeights: tf.Tensor[] | undefined;
  private sinceBest = 0;
  bestEpoch = -1;

  constructor(private readonly settings: Settings) {}

  /** Records an epoch's value; returns true when this epoch is the best so far. */
  observe(epoch: number, value: number, model: tf.LayersModel): boolean {
    const better = higherIsBetter(this.settings.monitor)
      ? this.best === undefined || value > this.best + this.settings.minDelta
      : this.best === undefined || value < this.best - this.settings.minDelta;
    if (!better || !Number.isFinite(value)) {
      this.sinceBest += 1;
      return false;
    }
    this.best = value;
    this.bestEpoch = epoch;
    this.sinceBest = 0;
    if (this.settings.restoreBestWeights) {
      this.bestWeights?.forEach((t) => t.dispose());
      this.bestWeights = model.getWeights().map((w) => tf.clone(w));
    }
    return true;
  }

  shouldStop(): boolean {
    return this.settings.enabled && this.sinceBest >= this.settings.patience;
  }

  /** Puts the best weights back into the model; false when there is nothing to restore. */
  restoreBest(model: tf.LayersModel): boolean {
    if (!this.bestWeights) return false;
    model.setWeights(this.bestWeights);
    return true;
  }

  dispose(): void {
    this.bestWeights?.forEach((t) => t.dispose());
    this.bestWeights = undefined;
  }
}

/** The value of a monitored name ("val_loss", "accuracy", …) from an epoch's numbers. */
export function monitoredValue(
  monitor: string,
  train: { loss: number; metrics: Record<string, number> },
  validation?: { loss: number; metrics: Record<string, number> },
): number | undefined {
  const fromValidation = monitor.startsWith('val_');
  const source = fromValidation ? validation : train;
  if (!source) return undefined;
  const name = fromValidation ? monitor.slice(4) : monitor;
  return name === 'loss' ? source.loss : source.metrics[name];
}
