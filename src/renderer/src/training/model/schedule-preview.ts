import type { TrainingConfig } from '../../../../shared/training/config';
import { scheduledLearningRate } from '../../../../shared/training/config';

/** How many epochs' rates the form shows under the schedule. */
export const PREVIEW_EPOCHS = 4;

/** A rate as the course notes round it: two significant figures (0.0667 → 0.067). */
export function formatRate(rate: number): string {
  return String(Number(rate.toPrecision(2)));
}

/**
 * The learning rate in each of the first epochs, before training starts, so a student can
 * check the schedule against the notes: "epoch 1: 0.1 · epoch 2: 0.067 · …".
 */
export function firstEpochRates(config: TrainingConfig, epochs = PREVIEW_EPOCHS): string {
  const count = Math.min(epochs, config.epochs);
  return Array.from({ length: count }, (_, i) => {
    const rate = scheduledLearningRate(config.optimizer.learningRate, config.schedule, i + 1);
    return `epoch ${i + 1}: ${formatRate(rate)}`;
  }).join(' · ');
}
