import { findKind } from '../../../shared/catalog/registry';
import { nodeDisplayName } from '../../../shared/graph/document';
import { tf } from '../tf';
import { InsideError } from './inside-error';
import type { InsideModel } from './inside-model';
import { nodeById, predictedClass } from './inside-model';
import { runGraph } from './run-graph';

import type { ExplainMethod } from '../../../shared/inside/inside-schemas';

export { EXPLAIN_METHODS } from '../../../shared/inside/inside-schemas';
export type { ExplainMethod };

/** Bounds that keep one explanation to seconds, not minutes. */
export const EXPLAIN_LIMITS = { steps: 500, samples: 200 } as const;

export interface ExplainOptions {
  readonly method: ExplainMethod;
  /** The class to explain (classification) or the output value (regression); default: the
   *  winning class, or the first value. */
  readonly classIndex?: number;
  /** A class's score before the last softmax or sigmoid (the notes' o_m), or its probability. */
  readonly target?: 'score' | 'probability';
  /** Integrated Gradients: steps from the baseline to the example (default 50). */
  readonly steps?: number;
  /** Integrated Gradients: the baseline's value at every input (default 0, a black image). */
  readonly baseline?: number;
  /** SmoothGrad: noisy copies averaged (default 25). */
  readonly samples?: number;
  /** SmoothGrad: the noise's spread as a share of the example's value range (default 0.15). */
  readonly noise?: number;
  /** SmoothGrad's noise is drawn from this seed, so the same request gives the same map. */
  readonly seed?: number;
  /** Grad-CAM: the convolution layer's node id (default the last convolution). */
  readonly layer?: string;
}

export interface Explanation {
  readonly method: ExplainMethod;
  /** What was differentiated: a class's score or probability, or a regression value. */
  readonly explained: 'score' | 'probability' | 'value';
  /** The class or output value explained. */
  readonly classIndex: number;
  /** The network's output for the example, every value. */
  readonly output: number[];
  /**
   * The map, flat, row-major in `mapShape`: the input's shape (saliency, SmoothGrad,
   * Integrated Gradients), the steps of a text (one value per word), or the convolution
   * layer's positions (Grad-CAM).
   */
  readonly map: number[];
  readonly mapShape: number[];
  /** Grad-CAM: the layer whose feature maps were weighed. */
  readonly layer?: string;
  /** Integrated Gradients: f(example) − f(baseline), which the map's values add up to. */
  readonly difference?: number;
}

/**
 * Why the network gives its answer for one example (`example` holds one example's values in
 * the Input's shape, row-major). Saliency is the course's definition, the gradient of the
 * explained output with respect to the input (its absolute value is what a heat map draws);
 * SmoothGrad averages it over noisy copies; Integrated Gradients adds it up along the straight
 * path from a baseline; Grad-CAM weighs a convolution layer's feature maps by their average
 * gradient and keeps the positive part. Text is explained through the word vectors, one value
 * per word (the gradient's length over each word's vector).
 */
export function explainExample(
  model: InsideModel,
  example: Float32Array | Int32Array,
  options: ExplainOptions,
): Explanation {
  if (model.task === 'reconstruction') {
    throw new InsideError(
      'unsupported',
      `${nodeDisplayName(model.output)} reconstructs its input, so there is no class or single value to explain. Look at the reconstructions and the feature maps instead.`,
    );
  }
  const x = tf.tensor(example, [1, ...model.inputShape], model.inputDtype);
  try {
    const output = Array.from(tf.tidy(() => runGraph(model, x).output.dataSync()));
    const classIndex = chosenClass(model, output, options.classIndex);
    const explained = model.task === 'regression' ? 'value' : (options.target ?? 'score');
    const objective = (run: ReturnType<typeof runGraph>) =>
      pickValue(model, run, classIndex, explained);
    const common = { method: options.method, explained, classIndex, output } as const;
    if (options.method === 'gradcam')
      return { ...common, ...gradCam(model, x, objective, options) };
    const wrt = gradientTarget(model, x);
    const map = tf.tidy(() => {
      const start = wrt.value(x);
      const f = (value: tf.Tensor) => objective(runGraph(model, x, { nodeId: wrt.nodeId, value }));
      switch (options.method) {
        case 'saliency':
          return wrt.reduce(tf.grad(f)(start));
        case 'smoothgrad':
          return wrt.reduce(smoothGrad(f, start, options));
        case 'integrated-gradients':
          return wrt.reduce(integratedGradients(f, start, options), true);
      }
    }) as tf.Tensor;
    const values = Array.from(map.dataSync());
    const mapShape = map.shape.slice(1);
    map.dispose();
    if (options.method !== 'integrated-gradients') return { ...common, map: values, mapShape };
    const difference = tf.tidy(() => {
      const start = wrt.value(x);
      const f = (value: tf.Tensor) => objective(runGraph(model, x, { nodeId: wrt.nodeId, value }));
      const baseline = tf.fill(start.shape, options.baseline ?? 0);
      return f(start).sub(f(baseline)).dataSync()[0]!;
    });
    return { ...common, map: values, mapShape, difference };
  } finally {
    x.dispose();
  }
}

function chosenClass(model: InsideModel, output: number[], asked: number | undefined): number {
  const classes = model.task === 'classification' ? Math.max(2, output.length) : output.length;
  if (asked !== undefined) {
    if (!Number.isInteger(asked) || asked < 0 || asked >= classes) {
      throw new InsideError(
        'bad-input',
        model.task === 'classification'
          ? `There is no class ${asked}: the network tells ${classes} classes apart, numbered 0 to ${classes - 1}.`
          : `There is no output value ${asked}: the network predicts ${classes}, numbered 0 to ${classes - 1}.`,
      );
    }
    return asked;
  }
  if (model.task !== 'classification') return 0;
  return predictedClass(output, model.threshold);
}

/** The explained number for the (single) example: a class's score or probability, or a value. */
function pickValue(
  model: InsideModel,
  run: ReturnType<typeof runGraph>,
  classIndex: number,
  explained: Explanation['explained'],
): tf.Scalar {
  const source = explained === 'score' ? run.scores : run.output;
  const flat = source.reshape([-1]);
  if (model.task === 'classification' && flat.shape[0] === 1) {
    // One sigmoid output: class 1 is its score or probability, class 0 the opposite.
    const value = flat.gather(0) as tf.Scalar;
    if (classIndex === 1) return value;
    return explained === 'score' ? value.neg() : tf.sub(1, value);
  }
  return flat.gather(classIndex) as tf.Scalar;
}

interface GradientTarget {
  /** The node the gradient is taken with respect to. */
  readonly nodeId: string;
  readonly value: (x: tf.Tensor) => tf.Tensor;
  /** Turns a gradient at that node into the map: as it is, or one value per word. */
  readonly reduce: (gradient: tf.Tensor, signed?: boolean) => tf.Tensor;
}

/**
 * Numbers are explained at the Input itself. Word ids have no gradient, so a text is explained
 * at the word vectors that the first layer makes of them, one value per word.
 */
function gradientTarget(model: InsideModel, x: tf.Tensor): GradientTarget {
  if (model.inputDtype !== 'int32') {
    return { nodeId: model.input.id, value: () => x, reduce: (g) => g };
  }
  const first = model.compiled.analysis.order.find(
    (id) => model.sources.get(id)?.includes(model.input.id) ?? false,
  )!;
  return {
    nodeId: first,
    value: (input) => runGraph(model, input).values.get(first)!,
    // Integrated Gradients' attributions add up, so their sum over a word's vector is kept;
    // a gradient's direction in the vector space means nothing to a student: its length is.
    reduce: (g, signed = false) => (signed ? g.sum(-1) : g.square().sum(-1).sqrt()),
  };
}

function smoothGrad(
  f: (value: tf.Tensor) => tf.Scalar,
  start: tf.Tensor,
  options: ExplainOptions,
): tf.Tensor {
  const samples = bounded('samples', options.samples ?? 25, EXPLAIN_LIMITS.samples);
  const range = start.max().sub(start.min()).dataSync()[0]!;
  const spread = (options.noise ?? 0.15) * (range > 0 ? range : 1);
  const grad = tf.grad(f);
  let total = tf.zerosLike(start);
  for (let i = 0; i < samples; i += 1) {
    const noisy = start.add(
      tf.randomNormal(start.shape, 0, spread, 'float32', (options.seed ?? 1) + i),
    );
    total = total.add(grad(noisy));
  }
  return total.div(samples);
}

/**
 * (x − x′) times the average gradient along the straight path from the baseline x′ to x, by
 * the trapezoid rule over `steps` intervals, so the attributions add up to f(x) − f(x′).
 */
function integratedGradients(
  f: (value: tf.Tensor) => tf.Scalar,
  start: tf.Tensor,
  options: ExplainOptions,
): tf.Tensor {
  const steps = bounded('steps', options.steps ?? 50, EXPLAIN_LIMITS.steps);
  const baseline = tf.fill(start.shape, options.baseline ?? 0);
  const path = start.sub(baseline);
  const grad = tf.grad(f);
  let total = tf.zerosLike(start);
  for (let k = 0; k <= steps; k += 1) {
    const weight = k === 0 || k === steps ? 0.5 : 1;
    total = total.add(grad(baseline.add(path.mul(k / steps))).mul(weight));
  }
  return total.div(steps).mul(path);
}

function bounded(name: string, value: number, limit: number): number {
  if (!Number.isInteger(value) || value < 1 || value > limit) {
    throw new InsideError(
      'too-large',
      `${name} must be a whole number from 1 to ${limit} (got ${value}); more takes too long for one example.`,
    );
  }
  return value;
}

/** Whether a node's kind computes feature maps over positions (Grad-CAM can weigh them). */
function isConvolution(kind: string): boolean {
  return findKind(kind)?.isConvolution === true;
}

function gradCam(
  model: InsideModel,
  x: tf.Tensor,
  objective: (run: ReturnType<typeof runGraph>) => tf.Scalar,
  options: ExplainOptions,
): Pick<Explanation, 'map' | 'mapShape' | 'layer'> {
  const layer = options.layer ?? lastConvolution(model);
  const node = nodeById(model, layer);
  if (!isConvolution(node.kind)) {
    throw new InsideError(
      'unsupported',
      `Grad-CAM weighs the feature maps of a convolution layer, and ${nodeDisplayName(node)} is not one. Name a Conv1D or Conv2D layer.`,
    );
  }
  const map = tf.tidy(() => {
    const maps = runGraph(model, x).values.get(layer)!;
    const gradient = tf.grad((value: tf.Tensor) =>
      objective(runGraph(model, x, { nodeId: layer, value })),
    )(maps);
    // One weight per channel: the gradient's average over the positions.
    const positions = Array.from({ length: maps.rank - 2 }, (_, i) => i + 1);
    const weights = gradient.mean(positions, true);
    return maps.mul(weights).sum(-1).relu();
  });
  const values = Array.from(map.dataSync());
  const mapShape = map.shape.slice(1);
  map.dispose();
  return { map: values, mapShape, layer };
}

function lastConvolution(model: InsideModel): string {
  const byId = new Map(model.document.nodes.map((node) => [node.id, node]));
  const convolutions = model.compiled.analysis.order.filter((id) =>
    isConvolution(byId.get(id)!.kind),
  );
  if (convolutions.length === 0) {
    throw new InsideError(
      'unsupported',
      'Grad-CAM weighs the feature maps of a convolution layer, and this network has none. Use saliency, SmoothGrad or Integrated Gradients instead.',
    );
  }
  return convolutions[convolutions.length - 1]!;
}
