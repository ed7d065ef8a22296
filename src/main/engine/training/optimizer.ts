import type { OptimizerConfig } from '../../../shared/training/config';
import { tf } from '../tf';

/** TF.js optimizer for a configuration. TF.js' momentum is v ← β·v + g, w ← w − α·v. */
export function createOptimizer(config: OptimizerConfig): tf.Optimizer {
  switch (config.type) {
    case 'sgd':
      return config.momentum > 0
        ? tf.train.momentum(config.learningRate, config.momentum)
        : tf.train.sgd(config.learningRate);
    case 'adagrad':
      return tf.train.adagrad(config.learningRate, config.initialAccumulatorValue);
    case 'rmsprop':
      return tf.train.rmsprop(config.learningRate, config.rho, config.momentum, config.epsilon);
    case 'adam':
      return tf.train.adam(config.learningRate, config.beta1, config.beta2, config.epsilon);
  }
}

/**
 * Changes the learning rate of a live optimizer, keeping its accumulated state (momentum,
 * Adam's moments). Every TF.js optimizer reads `learningRate` on each update; plain SGD also
 * caches it as a tensor, which `setLearningRate` renews.
 */
export function setLearningRate(optimizer: tf.Optimizer, value: number): void {
  // Not `instanceof`: TF.js optimizers answer it by duck typing, so every one claims to be SGD.
  const withSetter = optimizer as unknown as { setLearningRate?: (rate: number) => void };
  if (typeof withSetter.setLearningRate === 'function') {
    withSetter.setLearningRate(value);
    return;
  }
  (optimizer as unknown as { learningRate: number }).learningRate = value;
}

export type GradientClipping =
  | { readonly type: 'none' }
  | { readonly type: 'value'; readonly limit: number }
  | { readonly type: 'norm'; readonly maxNorm: number };

/**
 * Clips gradients in place of the map: by value, each component into [−limit, limit]; by
 * norm, the whole gradient (all weights together) is scaled by maxNorm/‖g‖ when ‖g‖ > maxNorm.
 */
export function clipGradients(
  grads: tf.NamedTensorMap,
  clipping: GradientClipping,
): tf.NamedTensorMap {
  if (clipping.type === 'none') return grads;
  const names = Object.keys(grads);
  if (clipping.type === 'value') {
    const clipped: tf.NamedTensorMap = {};
    for (const name of names) {
      clipped[name] = tf.clipByValue(grads[name]!, -clipping.limit, clipping.limit);
      grads[name]!.dispose();
    }
    return clipped;
  }
  const norm = tf.tidy(() => tf.sqrt(tf.addN(names.map((n) => tf.sum(tf.square(grads[n]!))))));
  const value = norm.dataSync()[0]!;
  norm.dispose();
  if (value <= clipping.maxNorm) return grads;
  const scale = clipping.maxNorm / value;
  const clipped: tf.NamedTensorMap = {};
  for (const name of names) {
    clipped[name] = tf.mul(grads[name]!, scale);
    grads[name]!.dispose();
  }
  return clipped;
}
