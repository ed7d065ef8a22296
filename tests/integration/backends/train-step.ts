import { readdirSync, readFileSync } from 'node:fs';
import { expect, vi } from 'vitest';
import { fileURLToPath } from 'node:url';
import { compileGraph } from '../../../src/main/engine/compiler/compile-graph';
import { perceptronUnit } from '../../../src/shared/inference/perceptron';
import { tf } from '../../../src/main/engine/tf';
import type { Loss } from '../../../src/shared/catalog/losses';
import type { GraphDocument } from '../../../src/shared/graph/document';
import { parseGraphDocumentOrThrow } from '../../../src/shared/graph/parse';
import { chain } from '../../fixtures/build-graph';

/**
 * One training step of a network, as the trainer will run it: forward pass in training mode,
 * the Output node's loss, gradients of every trainable weight. Used to check that every
 * network trains on the wasm backend and gets the same gradients as on the cpu backend.
 */

const TEMPLATES_DIR = fileURLToPath(new URL('../../../resources/templates/', import.meta.url));

export const TEMPLATE_FILES = readdirSync(TEMPLATES_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort();

export function loadTemplate(file: string): GraphDocument {
  return parseGraphDocumentOrThrow(JSON.parse(readFileSync(`${TEMPLATES_DIR}${file}`, 'utf8')));
}

/** A weight's numbers, free of any backend, to start a model on another backend from them. */
export interface WeightValues {
  readonly shape: number[];
  readonly values: tf.TypedArray;
}

/**
 * Networks that, with the templates, use every layer kind, activation and loss of the
 * catalog, and the convolution and pooling geometries (strides, "same" padding, odd sizes)
 * whose gradient kernels differ between backends.
 */
export const COVERAGE_GRAPHS: Readonly<Record<string, () => GraphDocument>> = {
  'Conv1D and 1-D pooling, leaky ReLU and ELU, sparse cross-entropy': () =>
    chain(
      { form: 'sequence', shape: [25, 3] },
      [
        [
          'Conv1D',
          { filters: 6, kernelSize: [3], strides: [2], padding: 'same', activation: 'leakyRelu' },
        ],
        ['MaxPool1D', { poolSize: [2], padding: 'same' }],
        ['Conv1D', { filters: 4, kernelSize: [3], activation: 'elu' }],
        ['AvgPool1D', { poolSize: [2] }],
        ['GlobalAvgPool1D'],
        ['Dense', { units: 3, activation: 'softmax' }],
      ],
      { task: 'classification', loss: 'sparseCategoricalCrossentropy' },
    ),
  'strided Conv2D, overlapping pools, SELU and PReLU, multiclass hinge': () =>
    chain(
      { form: 'image', shape: [11, 13, 2] },
      [
        ['Conv2D', { filters: 4, kernelSize: [3, 3], strides: [2, 2], activation: 'selu' }],
        ['AvgPool2D', { poolSize: [2, 2], strides: [1, 1], padding: 'same' }],
        ['Conv2D', { filters: 3, kernelSize: [2, 2], padding: 'same', activation: 'prelu' }],
        ['MaxPool2D', { poolSize: [3, 3], strides: [2, 2] }],
        ['Flatten'],
        ['Dense', { units: 4 }],
      ],
      { task: 'classification', loss: 'multiclassHinge' },
    ),
  'hard tanh, step, sigmoid and tanh units, hinge': () =>
    chain(
      { form: 'vector', shape: [5] },
      [
        ['Dense', { units: 8, activation: 'hardTanh' }],
        ['Dense', { units: 8, activation: 'step' }],
        ['Dense', { units: 8, activation: 'sigmoid' }],
        ['Dense', { units: 1, activation: 'tanh' }],
      ],
      { task: 'classification', loss: 'hinge' },
    ),
  'squared hinge': () =>
    chain(
      { form: 'vector', shape: [4] },
      [
        ['Dense', { units: 6, activation: 'relu' }],
        ['Dense', { units: 2, activation: 'tanh' }],
      ],
      { task: 'classification', loss: 'squaredHinge' },
    ),
  'Huber loss': () =>
    chain(
      { form: 'vector', shape: [4] },
      [
        ['Dense', { units: 6, activation: 'relu' }],
        ['Dense', { units: 2 }],
      ],
      {
        task: 'regression',
        loss: 'huber',
      },
    ),
  'mean absolute error': () =>
    chain({ form: 'vector', shape: [4] }, [['Dense', { units: 3 }]], {
      task: 'regression',
      loss: 'meanAbsoluteError',
    }),
};

export interface StepResult {
  readonly loss: number;
  /** One entry per trainable weight, in the model's order. */
  readonly gradients: readonly { name: string; shape: number[]; values: Float32Array }[];
}

/** The losses of the catalog, written out with TF.js ops (mean over the batch). */
function lossFunction(loss: Loss): (y: tf.Tensor, p: tf.Tensor) => tf.Scalar {
  const mean = (t: tf.Tensor) => tf.mean<tf.Scalar>(t);
  switch (loss) {
    case 'meanSquaredError':
      return (y, p) => mean(tf.squaredDifference(y, p));
    case 'meanAbsoluteError':
      return (y, p) => mean(tf.abs(tf.sub(y, p)));
    case 'huber':
      return (y, p) => tf.losses.huberLoss<tf.Tensor, tf.Scalar>(y, p);
    case 'binaryCrossentropy':
      return (y, p) => mean(tf.metrics.binaryCrossentropy(y, p));
    case 'categoricalCrossentropy':
      return (y, p) => mean(tf.metrics.categoricalCrossentropy(y, p));
    case 'sparseCategoricalCrossentropy':
      return (y, p) =>
        mean(tf.metrics.categoricalCrossentropy(tf.oneHot(y.toInt(), p.shape.at(-1)!), p));
    case 'hinge':
      return (y, p) => mean(tf.relu(tf.sub(1, tf.mul(y, p))));
    case 'squaredHinge':
      return (y, p) => mean(tf.square(tf.relu(tf.sub(1, tf.mul(y, p)))));
    case 'multiclassHinge':
      // Weston–Watkins: Σ over wrong classes of max(0, 1 + p_j − p_true).
      return (y, p) => {
        const truth = tf.sum(tf.mul(y, p), -1, true);
        const margins = tf.relu(tf.add(tf.sub(p, truth), 1));
        return mean(tf.sum(tf.mul(margins, tf.sub(1, y)), -1));
      };
    case 'multiclassSquaredHinge':
      return (y, p) => {
        const truth = tf.sum(tf.mul(y, p), -1, true);
        const margins = tf.relu(tf.add(tf.sub(p, truth), 1));
        return mean(tf.sum(tf.square(tf.mul(margins, tf.sub(1, y))), -1));
      };
  }
}

/** A deterministic stand-in for Math.random (TF.js draws dropout masks and noise from it). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Random inputs and targets that fit a network: a batch of `batch` examples. */
export function exampleBatch(
  document: GraphDocument,
  outputShapes: readonly (number | null)[][],
  batch: number,
  seed: number,
): { xs: tf.Tensor[]; ys: tf.Tensor[] } {
  const inputs = document.nodes.filter((n) => n.kind === 'Input');
  const vocab = Math.min(
    ...document.nodes
      .filter((n) => n.kind === 'Embedding')
      .map((n) => (n.params as { vocabSize: number }).vocabSize),
    50,
  );
  const xs = inputs.map((node, i) => {
    const { form, shape } = node.params as { form: string; shape: number[] };
    const full = [batch, ...shape];
    return form === 'tokens'
      ? tf.randomUniform(full, 0, vocab, 'int32', seed + i)
      : tf.randomNormal(full, 0, 1, 'float32', seed + i);
  });
  const outputs = document.nodes.filter((n) => n.kind === 'Output');
  const ys = outputs.map((node, i) => {
    const { loss } = node.params as { loss: Loss };
    const shape = [batch, ...(outputShapes[i]!.slice(1) as number[])];
    const classes = shape[shape.length - 1]!;
    const s = seed + 100 + i;
    return tf.tidy(() => {
      switch (loss) {
        case 'categoricalCrossentropy':
        case 'multiclassHinge':
          return tf
            .oneHot(tf.randomUniform(shape.slice(0, -1), 0, classes, 'int32', s), classes)
            .toFloat();
        case 'sparseCategoricalCrossentropy':
          return tf.randomUniform(shape.slice(0, -1), 0, classes, 'int32', s).toFloat();
        case 'binaryCrossentropy':
          return tf.randomUniform(shape, 0, 1, 'float32', s).round();
        case 'hinge':
        case 'squaredHinge':
          return tf.randomUniform(shape, 0, 1, 'float32', s).round().mul(2).sub(1);
        default:
          return tf.randomNormal(shape, 0, 1, 'float32', s);
      }
    });
  });
  return { xs, ys };
}

export interface StepOptions {
  readonly batch?: number;
  readonly seed?: number;
  /** Start from these weights (another backend's), not from the seeded initializers. */
  readonly weights?: readonly WeightValues[];
  /** Also apply the gradients with Adam and return the weights after the step. */
  readonly applyAdam?: boolean;
}

/** A tensor's numbers, read as the WebGPU backend allows (it cannot read synchronously). */
async function valuesOf(tensor: tf.Tensor): Promise<tf.TypedArray> {
  return tensor.data<'float32' | 'int32'>();
}

/**
 * Builds the network on the current backend, sets its weights when given (so two backends
 * start from the same numbers) and runs one training step on a fixed batch.
 */
export async function trainStep(
  document: GraphDocument,
  options: StepOptions = {},
): Promise<StepResult & { weights: WeightValues[]; updated?: WeightValues[] }> {
  const { batch = 4, seed = 7 } = options;
  // As the trainer compiles it: a lone perceptron unit passes its gradient straight through.
  const { model } = compileGraph(document, {
    seed: 1,
    perceptronRule: perceptronUnit(document) !== undefined,
  });
  try {
    if (options.weights) {
      const tensors = options.weights.map((w) => tf.tensor(w.values, w.shape));
      model.setWeights(tensors);
      tf.dispose(tensors);
    }
    const weights = await Promise.all(
      model.getWeights().map(async (w) => ({ shape: w.shape, values: await valuesOf(w) })),
    );
    const outputs = document.nodes.filter((n) => n.kind === 'Output');
    const losses = outputs.map((n) => lossFunction((n.params as { loss: Loss }).loss));
    const { xs, ys } = exampleBatch(
      document,
      model.outputs.map((o) => o.shape),
      batch,
      seed,
    );
    const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
    const { value, grads } = tf.variableGrads(() => {
      const predicted = model.apply(xs, { training: true }) as tf.Tensor | tf.Tensor[];
      const ps = Array.isArray(predicted) ? predicted : [predicted];
      return tf.addN<tf.Scalar>(ps.map((p, i) => losses[i]!(ys[i]!, p)));
    }, variables);
    const result = {
      loss: (await valuesOf(value))[0]!,
      gradients: await Promise.all(
        model.trainableWeights.map(async (w, i) => {
          const g = grads[variables[i]!.name]!;
          return {
            name: w.originalName,
            shape: g.shape,
            values: (await valuesOf(g)) as Float32Array,
          };
        }),
      ),
      weights,
    };
    let updated: WeightValues[] | undefined;
    if (options.applyAdam) {
      const optimizer: tf.Optimizer = tf.train.adam(0.01);
      optimizer.applyGradients(grads);
      updated = await Promise.all(
        model.getWeights().map(async (w) => ({ shape: w.shape, values: await valuesOf(w) })),
      );
      optimizer.dispose();
    }
    tf.dispose([value, ...Object.values(grads), ...xs, ...ys]);
    return { ...result, ...(updated ? { updated } : {}) };
  } finally {
    model.dispose();
  }
}

/** Every template a student can open, then the networks that cover the rest of the catalog. */
export const EVERY_NETWORK: readonly [string, () => GraphDocument][] = [
  ...TEMPLATE_FILES.map((file): [string, () => GraphDocument] => [file, () => loadTemplate(file)]),
  ...Object.entries(COVERAGE_GRAPHS),
];

/**
 * One training step of `document` on `reference`, then on `other` from the same weights and
 * batch (Dropout masks and noise from the same seeded Math.random): the same loss to 4
 * decimals, every gradient within 1e-4 of the network's largest gradient, and an Adam step on
 * `other` that moves the weights without a NaN or an infinity. Mocks end with the caller's
 * vi.restoreAllMocks().
 */
export async function expectSameStep(
  document: GraphDocument,
  reference: string,
  other: string,
  batch: number,
): Promise<void> {
  // TF.js warns that orthogonal initialisation of recurrent kernels is slow; it is not news.
  const warn = console.warn.bind(console);
  vi.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
    if (!String(args[0]).startsWith('Orthogonal initializer')) warn(...args);
  });

  await tf.setBackend(reference);
  vi.spyOn(Math, 'random').mockImplementation(seededRandom(5));
  const first = await trainStep(document, { batch });

  await tf.setBackend(other);
  vi.spyOn(Math, 'random').mockImplementation(seededRandom(5));
  const second = await trainStep(document, { batch, weights: first.weights, applyAdam: true });

  expect(Number.isFinite(second.loss)).toBe(true);
  expect(second.loss).toBeCloseTo(first.loss, 4);
  let scale = 0;
  for (const g of first.gradients) for (const v of g.values) scale = Math.max(scale, Math.abs(v));
  let worst = 0;
  first.gradients.forEach((g, i) => {
    const theirs = second.gradients[i]!;
    expect(theirs.name).toBe(g.name);
    expect(theirs.shape).toEqual(g.shape);
    for (let k = 0; k < g.values.length; k++) {
      worst = Math.max(worst, Math.abs(g.values[k]! - theirs.values[k]!));
    }
  });
  expect(worst).toBeLessThanOrEqual(1e-4 * Math.max(scale, 1e-3));

  const updated = second.updated!;
  expect(updated.every((w) => w.values.every(Number.isFinite))).toBe(true);
  const moved = updated.some((w, i) => w.values.some((v, k) => v !== second.weights[i]!.values[k]));
  expect(moved).toBe(true);
}
