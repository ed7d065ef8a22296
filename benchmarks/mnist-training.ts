/**
 * What the training benchmarks (train-throughput.bench.ts, webgpu.bench.ts) train: four MNIST
 * networks built by Neurite's compiler, real digits from the `mnist` package, and the step
 * Neurite's trainer takes per batch, so that both benchmarks time the same thing.
 *
 *   mlp:   MLP 784 → Dense 128 ReLU → Dense 10 softmax
 *   cnn:   CNN 28×28×1 → Conv2D 8 3×3 ReLU → MaxPool 2 → Flatten → Dense 10 softmax
 *   cnn2:  the mnist-small-cnn template (two convolutions)
 *   lenet: the lenet-5 template
 *
 * Batch 64, Adam (lr 0.001), categorical cross-entropy, 2,048 digits.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeRequire } from '../src/main/engine/backends/node-require';
import { compileGraph } from '../src/main/engine/compiler/compile-graph';
import { tf } from '../src/main/engine/tf';
import { LOSS_FUNCTIONS } from '../src/main/engine/training/losses';
import { createOptimizer } from '../src/main/engine/training/optimizer';
import type { GraphDocument } from '../src/shared/graph/document';
import { parseGraphDocumentOrThrow } from '../src/shared/graph/parse';

export const BATCH = 64;
export const SAMPLES = 2048;
export const WARMUP_STEPS = 5;

export const MODELS = ['mlp', 'cnn', 'cnn2', 'lenet'] as const;
export type ModelName = (typeof MODELS)[number];

export const MODEL_TITLES: Record<ModelName, string> = {
  mlp: 'MLP 784-128-10',
  cnn: 'CNN conv8-pool-dense10',
  cnn2: 'CNN two convolutions',
  lenet: 'LeNet-5',
};

// ---------------------------------------------------------------------------------------
// The networks, as Neurite graph documents (compiled by Neurite's own compiler).

/** A chain of layers between an Input and a classification Output. */
function chain(
  layers: { id: string; kind: string; params: object }[],
  input: object,
): GraphDocument {
  const nodes = [
    { id: 'x', kind: 'Input', params: input },
    ...layers,
    {
      id: 'y',
      kind: 'Output',
      params: { task: 'classification', loss: 'categoricalCrossentropy' },
    },
  ];
  return parseGraphDocumentOrThrow({
    format: 'neurite-graph',
    version: 1,
    metadata: { name: 'bench' },
    nodes: nodes.map((n, i) => ({ ...n, position: { x: 0, y: i * 100 } })),
    edges: nodes.slice(1).map((n, i) => ({
      id: `e${i}`,
      source: { node: nodes[i]!.id, port: 'out' },
      target: { node: n.id, port: 'in' },
    })),
  });
}

/** A network of Neurite's template catalog, as the app opens it. */
function template(name: string): GraphDocument {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const file = path.join(here, '..', 'resources', 'templates', `${name}.json`);
  return parseGraphDocumentOrThrow(JSON.parse(readFileSync(file, 'utf8')));
}

export const NETWORKS: Record<ModelName, () => GraphDocument> = {
  mlp: () =>
    chain(
      [
        { id: 'hidden', kind: 'Dense', params: { units: 128, activation: 'relu' } },
        { id: 'digits', kind: 'Dense', params: { units: 10, activation: 'softmax' } },
      ],
      { form: 'vector', shape: [784] },
    ),
  cnn: () =>
    chain(
      [
        {
          id: 'conv',
          kind: 'Conv2D',
          params: { filters: 8, kernelSize: [3, 3], activation: 'relu' },
        },
        { id: 'pool', kind: 'MaxPool2D', params: { poolSize: [2, 2] } },
        { id: 'flat', kind: 'Flatten', params: {} },
        { id: 'digits', kind: 'Dense', params: { units: 10, activation: 'softmax' } },
      ],
      { form: 'image', shape: [28, 28, 1] },
    ),
  cnn2: () => template('mnist-small-cnn'),
  lenet: () => template('lenet-5'),
};

/** One example's shape for a network's input. */
export const inputShape = (model: ModelName): number[] => (model === 'mlp' ? [784] : [28, 28, 1]);

// ---------------------------------------------------------------------------------------
// Data: real MNIST digits from the `mnist` package (10,000 digits, 28×28, values 0…1).

export interface Digits {
  readonly images: Float32Array;
  readonly labels: Float32Array;
}

interface MnistDigit {
  get(index: number): number[];
}

/** Real MNIST digits, round-robin over the ten classes, one-hot labels. */
export function loadDigits(count: number): Digits {
  const mnist = nodeRequire('mnist') as MnistDigit[];
  const images = new Float32Array(count * 784);
  const labels = new Float32Array(count * 10);
  for (let i = 0; i < count; i++) {
    // Round-robin over the digits, a different example of each every time.
    const digit = i % 10;
    images.set(mnist[digit]!.get(Math.floor(i / 10)), i * 784);
    labels[i * 10 + digit] = 1;
  }
  return { images, labels };
}

// ---------------------------------------------------------------------------------------
// The network, its optimizer and its step, on the active backend.

export interface BenchTraining {
  readonly net: tf.LayersModel;
  readonly optimizer: tf.Optimizer;
  readonly loss: (y: tf.Tensor, p: tf.Tensor) => tf.Tensor;
  readonly digits: Digits;
  /**
   * One step on batch `b` as the trainer takes it: the batch tensors, tf.variableGrads of the
   * loss, Neurite's optimizer, the loss and the predictions read back with await data(),
   * which every backend answers (WebGPU cannot read synchronously in Node.js). Returns the loss.
   */
  step(b: number): Promise<number>;
}

export function prepareTraining(model: ModelName): BenchTraining {
  const digits = loadDigits(SAMPLES);
  const { model: net } = compileGraph(NETWORKS[model](), { seed: 1 });
  const shape = inputShape(model);
  const optimizer = createOptimizer({
    type: 'adam',
    learningRate: 0.001,
    beta1: 0.9,
    beta2: 0.999,
    epsilon: 1e-7,
  });
  const loss = LOSS_FUNCTIONS.categoricalCrossentropy;
  const batches = SAMPLES / BATCH;
  const variables = net.trainableWeights.map((w) => w.read() as tf.Variable);

  const step = async (b: number): Promise<number> => {
    const from = (b % batches) * BATCH;
    const x = tf.tensor(digits.images.subarray(from * 784, (from + BATCH) * 784), [
      BATCH,
      ...shape,
    ]);
    const y = tf.tensor2d(digits.labels.subarray(from * 10, (from + BATCH) * 10), [BATCH, 10]);
    let prediction: tf.Tensor | undefined;
    const { value, grads } = tf.variableGrads(() => {
      prediction = tf.keep(net.apply(x, { training: true }) as tf.Tensor);
      return loss(y, prediction) as tf.Scalar;
    }, variables);
    optimizer.applyGradients(grads);
    tf.dispose(Object.values(grads));
    const [lossValue] = await Promise.all([value.data(), prediction!.data()]);
    tf.dispose([x, y, value, prediction!]);
    return lossValue[0]!;
  };
  return { net, optimizer, loss, digits, step };
}

/**
 * Warms up, then takes steps for at least `seconds` (and at least 10); `after` runs after
 * each timed step (a memory sample).
 */
export async function timeSteps(
  training: BenchTraining,
  seconds: number,
  after: () => void = () => undefined,
): Promise<{ steps: number; elapsed: number; lastLoss: number }> {
  for (let b = 0; b < WARMUP_STEPS; b++) await training.step(b);
  let steps = 0;
  let lastLoss = Number.NaN;
  const started = performance.now();
  while (steps < 10 || performance.now() - started < seconds * 1000) {
    lastLoss = await training.step(WARMUP_STEPS + steps++);
    after();
  }
  return { steps, elapsed: (performance.now() - started) / 1000, lastLoss };
}
