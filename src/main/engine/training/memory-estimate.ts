import type { GraphAnalysis } from '../../../shared/inference/analyze';
import type { OptimizerConfig } from '../../../shared/training/config';

/** Extra copies of every weight an optimizer keeps (momentum, Adam's two moments, …). */
function optimizerSlots(optimizer: OptimizerConfig): number {
  switch (optimizer.type) {
    case 'sgd':
      return optimizer.momentum > 0 ? 1 : 0;
    case 'adagrad':
      return 1;
    case 'rmsprop':
      return optimizer.momentum > 0 ? 2 : 1;
    case 'adam':
      return 2;
  }
}

/**
 * A rough upper estimate of the memory one training step needs: the weights, their gradients
 * and optimizer state, plus every layer's output for the batch kept for the backward pass
 * (×3 for the gradients flowing back and temporaries). Used to refuse a run that cannot fit
 * before anything is allocated.
 */
export function estimateTrainingBytes(
  analysis: GraphAnalysis,
  batchSize: number,
  optimizer: OptimizerConfig,
): number {
  const weights = analysis.totals.parameterBytes;
  const perWeight = 2 + optimizerSlots(optimizer); // value + gradient + slots
  return weights * perWeight + analysis.totals.activationBytesPerSample * batchSize * 3;
}
