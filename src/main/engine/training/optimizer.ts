import type { OptimizerConfig } from '../../../shared/training/config';
import { tf } from '../tf';
import {
  FusedAdagradOptimizer,
  FusedAdamOptimizer,
  FusedMomentumOptimizer,
  FusedRMSPropOptimizer,
  FusedSGDOptimizer,
} from './fused-optimizers';

/**
 * What the TF.js learning rate is, as a multiple of the student's α. TF.js' momentum is the
 * summing form, v ← β·v + g, w ← w − α·v. The course's averaging form, V ← β·V + (1 − β)·g,
 * keeps V = (1 − β)·v at every step (both start at 0), so W ← W − α·V is TF.js' update with
 * the rate α·(1 − β), whatever α does from step to step.
 */
const RATE_FACTOR = new WeakMap<tf.Optimizer, number>();

/**
 * TF.js optimizer for a configuration. On the wasm backend each updates the weights in one
 * pass per weight, with the same numbers as TF.js' own (see fused-optimizers.ts).
 */
export function createOptimizer(config: OptimizerConfig): tf.Optimizer {
  switch (config.type) {
    case 'sgd': {
      if (config.momentum === 0) return new FusedSGDOptimizer(config.learningRate);
      const factor = config.momentumForm === 'average' ? 1 - config.momentum : 1;
      const optimizer = new FusedMomentumOptimizer(config.learningRate * factor, config.momentum);
      RATE_FACTOR.set(optimizer, factor);
      return optimizer;
    }
    case 'adagrad':
      return new FusedAdagradOptimizer(config.learningRate, config.initialAccumulatorValue);
    case 'rmsprop':
      return new FusedRMSPropOptimizer(
        config.learningRate,
        config.rho,
        config.momentum,
        config.epsilon,
      );
    case 'adam':
      return new FusedAdamOptimizer(
        config.learningRate,
        config.beta1,
        config.beta2,
        config.epsilon,
      );
  }
}

/**
 * Changes the learning rate of a live optimizer, keeping its accumulated state (momentum,
 * Adam's moments). Every TF.js optimizer reads `learningRate` on each update; plain SGD also
 * caches it as a tensor, which `setLearningRate` renews.
 */
export function setLearningRate(optimizer: tf.Optimizer, value: number): void {
  const rate = value * (RATE_FACTOR.get(optimizer) ?? 1);
  // Not `instanceof`: TF.js optimizers answer it by duck typing, so every one claims to be SGD.
  const withSetter = optimizer as unknown as { setLearningRate?: (rate: number) => void };
  if (typeof withSetter.setLearningRate === 'function') {
    withSetter.setLearningRate(rate);
    return;
  }
  (optimizer as unknown as { learningRate: number }).learningRate = rate;
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
  if (tf.getBackend() === 'webgpu') return scaleOnDevice(grads, norm, clipping.maxNorm);
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

/**
 * Clipping by norm without reading the norm back: WebGPU cannot read synchronously in Node.js
 * (and a read would wait for the GPU every step). Each gradient is multiplied by
 * min(1, maxNorm / norm) on the device; disposes `norm` and the gradients it replaces.
 */
function scaleOnDevice(
  grads: tf.NamedTensorMap,
  norm: tf.Tensor,
  maxNorm: number,
): tf.NamedTensorMap {
  const scale = tf.tidy(() => tf.minimum(1, tf.div(maxNorm, norm)));
  norm.dispose();
  const clipped: tf.NamedTensorMap = {};
  for (const [name, grad] of Object.entries(grads)) {
    clipped[name] = tf.mul(grad, scale);
    grad.dispose();
  }
  scale.dispose();
  return clipped;
}
