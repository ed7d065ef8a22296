import { HARD_TANH_LAYER_CLASS, STEP_LAYER_CLASS } from '../../../shared/catalog/activations';
import { tf } from '../tf';

/**
 * The two activations TF.js lacks, as layers registered for serialization so saved models
 * load again.
 */

/**
 * Heaviside step, 1 when x ≥ 0 else 0. Its true derivative is 0 almost everywhere, which
 * would stop all learning; the gradient passes straight through instead, so that gradient
 * descent on a step unit performs the perceptron rule w ← w + η (y − ŷ) x.
 */
const stepWithStraightThroughGradient = tf.customGrad((x) => ({
  value: tf.cast(tf.greaterEqual(x as tf.Tensor, 0), 'float32'),
  gradFunc: (dy: tf.Tensor) => dy,
}));

abstract class ElementwiseActivation extends tf.layers.Layer {
  protected abstract activate(x: tf.Tensor): tf.Tensor;

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const x = Array.isArray(inputs) ? inputs[0]! : inputs;
    return this.activate(x);
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape | tf.Shape[] {
    return inputShape;
  }
}

export class StepActivation extends ElementwiseActivation {
  static readonly className = STEP_LAYER_CLASS;
  protected activate(x: tf.Tensor): tf.Tensor {
    return stepWithStraightThroughGradient(x);
  }
}

/** clip(x, −1, 1); TF.js' clip already passes the gradient inside (−1, 1) and 0 outside. */
export class HardTanhActivation extends ElementwiseActivation {
  static readonly className = HARD_TANH_LAYER_CLASS;
  protected activate(x: tf.Tensor): tf.Tensor {
    return tf.clipByValue(x, -1, 1);
  }
}

tf.serialization.registerClass(StepActivation);
tf.serialization.registerClass(HardTanhActivation);
