import { HARD_TANH_LAYER_CLASS, STEP_LAYER_CLASS } from '../../../shared/catalog/activations';
import { tf } from '../tf';

/**
 * The two activations TF.js lacks, as layers registered for serialization so saved models
 * load again.
 */

const heaviside = (x: tf.Tensor) => tf.cast(tf.greaterEqual(x, 0), 'float32');

/**
 * Heaviside step, 1 when x ≥ 0 else 0, with its true derivative: 0 (the course's point: no
 * gradient passes a step unit, so a network of them cannot learn by gradient descent).
 */
const stepWithTrueGradient = tf.customGrad((x) => ({
  value: heaviside(x as tf.Tensor),
  gradFunc: (dy: tf.Tensor) => tf.zerosLike(dy),
}));

/**
 * The same step for the lone perceptron unit, which learns by the perceptron rule instead:
 * the gradient passes straight through, so that gradient descent on the rule's loss
 * ½·Σ(y − ŷ)² makes exactly the update w ← w + η·(y − ŷ)·x.
 */
const stepForPerceptronRule = tf.customGrad((x) => ({
  value: heaviside(x as tf.Tensor),
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

type StepConfig = ConstructorParameters<typeof tf.layers.Layer>[0] & {
  /** Set only for the lone perceptron unit (see compileGraph's perceptronRule). */
  readonly perceptronRule?: boolean;
};

export class StepActivation extends ElementwiseActivation {
  static readonly className = STEP_LAYER_CLASS;
  private readonly perceptronRule: boolean;

  constructor(config: StepConfig = {}) {
    super(config);
    this.perceptronRule = config.perceptronRule === true;
  }

  protected activate(x: tf.Tensor): tf.Tensor {
    return this.perceptronRule ? stepForPerceptronRule(x) : stepWithTrueGradient(x);
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), perceptronRule: this.perceptronRule };
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
