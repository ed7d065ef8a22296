import { beforeAll, describe, expect, it } from 'vitest';
import { startWasmBackend } from '../../../src/main/engine/backends/load-wasm';
import { quietCpuBackend } from '../../../src/main/engine/backends/quiet-cpu';
import { simdUpdatesAvailable } from '../../../src/main/engine/backends/wasm-simd-loops';
import { compileGraph } from '../../../src/main/engine/compiler/compile-graph';
import { tf } from '../../../src/main/engine/tf';
import { LOSS_FUNCTIONS } from '../../../src/main/engine/training/losses';
import { createOptimizer, setLearningRate } from '../../../src/main/engine/training/optimizer';
import type { OptimizerConfig } from '../../../src/shared/training/config';
import { chain } from '../../fixtures/build-graph';
import { seededRandom } from './train-step';

/**
 * On the wasm backend Neurite's optimizers update the weights in one pass per weight instead
 * of TF.js' kernels (fused-optimizers.ts). The weights and the optimizer's state after several
 * steps, with learning-rate changes between them, must be bit for bit those of TF.js' own
 * optimizer on the cpu backend.
 */

const random = seededRandom(20_261_207);

/** Normal-ish numbers with a few exact zeros and some large ones, as real gradients have. */
function randomValues(size: number, scale = 1): Float32Array {
  return Float32Array.from({ length: size }, () => {
    const u = random();
    if (u < 0.05) return 0;
    const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
    return normal * scale * (u > 0.95 ? 100 : 1);
  });
}

/** Weights of random shapes, and for each step a gradient per weight and maybe a new rate. */
interface Scenario {
  readonly shapes: number[][];
  readonly initial: Float32Array[];
  readonly steps: { readonly grads: Float32Array[]; readonly rate?: number }[];
}

function randomScenario(steps: number, learningRate: number): Scenario {
  const shapes: number[][] = [[1], [7], [3, 5], [2, 3, 3, 4], [40, 30]];
  const size = (shape: number[]) => shape.reduce((a, b) => a * b, 1);
  return {
    shapes,
    initial: shapes.map((shape) => randomValues(size(shape), 0.5)),
    steps: Array.from({ length: steps }, (_, step) => ({
      grads: shapes.map((shape) => randomValues(size(shape), 0.1)),
      // The rate changes mid-run, as the schedule and the user's slider change it.
      ...(step === 3 ? { rate: learningRate * 0.5 } : step === 6 ? { rate: learningRate * 3 } : {}),
    })),
  };
}

interface Outcome {
  readonly weights: Float32Array[];
  /** The optimizer's state, as getWeights gives it: the step count, then its variables. */
  readonly state: { name: string; values: Float32Array | Int32Array }[];
  /** Kernels TF.js ran for the last update. */
  readonly kernelsInLastUpdate: number;
}

async function train(
  backend: 'cpu' | 'wasm',
  config: OptimizerConfig,
  scenario: Scenario,
  beforeEachStep?: (variables: tf.Variable[]) => void,
): Promise<Outcome> {
  await tf.setBackend(backend);
  const variables = scenario.shapes.map((shape, i) =>
    tf.variable(tf.tensor(scenario.initial[i]!, shape), true, `weight${i}`),
  );
  const optimizer = createOptimizer(config);
  let kernelsInLastUpdate = -1;
  for (const step of scenario.steps) {
    if (step.rate !== undefined) setLearningRate(optimizer, step.rate);
    beforeEachStep?.(variables);
    const grads: tf.NamedTensorMap = {};
    variables.forEach((v, i) => (grads[v.name] = tf.tensor(step.grads[i]!, v.shape)));
    const profile = await tf.profile(() => optimizer.applyGradients(grads));
    kernelsInLastUpdate = profile.kernels.length;
    tf.dispose(Object.values(grads));
  }
  const weights = variables.map((v) => v.dataSync() as Float32Array);
  const state = await Promise.all(
    (await optimizer.getWeights()).map(async ({ name, tensor }) => ({
      name,
      values: (await tensor.data()) as Float32Array | Int32Array,
    })),
  );
  optimizer.dispose();
  tf.dispose(variables);
  return { weights, state, kernelsInLastUpdate };
}

/** The float32 values as their bit patterns, so that equality is exact (and −0 ≠ 0). */
function bits(values: Float32Array | Int32Array): number[] {
  return Array.from(new Uint32Array(values.buffer, values.byteOffset, values.length));
}

const CONFIGS: Record<string, OptimizerConfig> = {
  'plain gradient descent': { type: 'sgd', learningRate: 0.1, momentum: 0, momentumForm: 'sum' },
  'momentum, the course notes’ averaging form': {
    type: 'sgd',
    learningRate: 0.05,
    momentum: 0.9,
    momentumForm: 'average',
  },
  'momentum, the summing form of Keras and TF.js': {
    type: 'sgd',
    learningRate: 0.01,
    momentum: 0.8,
    momentumForm: 'sum',
  },
  Adagrad: { type: 'adagrad', learningRate: 0.05, initialAccumulatorValue: 0.1 },
  RMSProp: { type: 'rmsprop', learningRate: 0.001, rho: 0.9, momentum: 0, epsilon: 1e-7 },
  'RMSProp with momentum': {
    type: 'rmsprop',
    learningRate: 0.002,
    rho: 0.95,
    momentum: 0.5,
    epsilon: 1e-6,
  },
  Adam: { type: 'adam', learningRate: 0.001, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 },
  'Adam with other betas': {
    type: 'adam',
    learningRate: 0.01,
    beta1: 0.8,
    beta2: 0.95,
    epsilon: 1e-4,
  },
};

beforeAll(async () => {
  quietCpuBackend();
  const started = await startWasmBackend();
  if (!started.ok) throw new Error(started.reason);
});

describe('optimizers on the wasm backend', () => {
  it('run their updates four weights at a time with WebAssembly SIMD', async () => {
    await tf.setBackend('wasm');
    expect(simdUpdatesAvailable(tf.backend() as never)).toBe(true);
  });

  for (const [title, config] of Object.entries(CONFIGS)) {
    it(`${title}: the same weights and state, bit for bit, as TF.js on the cpu backend`, async () => {
      const scenario = randomScenario(8, config.learningRate);
      const expected = await train('cpu', config, scenario);
      const actual = await train('wasm', config, scenario);

      expect(actual.state.map((s) => s.name)).toEqual(expected.state.map((s) => s.name));
      actual.weights.forEach((weights, i) =>
        expect(bits(weights)).toEqual(bits(expected.weights[i]!)),
      );
      actual.state.forEach((slot, i) =>
        expect(bits(slot.values)).toEqual(bits(expected.state[i]!.values)),
      );
      // The update ran in one pass, not as TF.js' kernels.
      expect(actual.kernelsInLastUpdate).toBe(0);
    });
  }

  it('leaves a tensor that shares a weight’s values (a reshape held by the caller) as it was', async () => {
    const config = CONFIGS['Adam']!;
    const scenario = randomScenario(4, config.learningRate);
    const expected = await train('cpu', config, scenario);
    const held: { tensor: tf.Tensor; before: Float32Array }[] = [];
    const actual = await train('wasm', config, scenario, (variables) => {
      // On wasm a reshape shares the weight's buffer; writing the update in place would
      // change it too.
      const tensor = variables[3]!.reshape([-1]);
      held.push({ tensor, before: tensor.dataSync() as Float32Array });
    });

    actual.weights.forEach((weights, i) =>
      expect(bits(weights)).toEqual(bits(expected.weights[i]!)),
    );
    for (const { tensor, before } of held) {
      expect(bits(tensor.dataSync() as Float32Array)).toEqual(bits(before));
    }
    tf.dispose(held.map((h) => h.tensor));
  });

  it('trains a convolutional network to the same losses and weights as TF.js’ own Adam', async () => {
    await tf.setBackend('wasm');
    // Conv2D and Dense weights are the ones XNNPACK packs and caches between steps.
    const network = chain(
      { form: 'image', shape: [8, 8, 1] },
      [
        ['Conv2D', { filters: 4, kernelSize: [3, 3], activation: 'relu' }],
        ['MaxPool2D', { poolSize: [2, 2] }],
        ['Flatten'],
        ['Dense', { units: 3, activation: 'softmax' }],
      ],
      { task: 'classification', loss: 'categoricalCrossentropy' },
    );
    const x = tf.tensor(randomValues(16 * 64), [16, 8, 8, 1]);
    const y = tf.oneHot(
      tf.tensor1d(
        Array.from({ length: 16 }, (_, i) => i % 3),
        'int32',
      ),
      3,
    );
    const run = (optimizer: tf.Optimizer) => {
      const { model } = compileGraph(network, { seed: 1 });
      const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
      const losses: number[] = [];
      for (let step = 0; step < 6; step++) {
        const { value, grads } = tf.variableGrads(
          () =>
            LOSS_FUNCTIONS.categoricalCrossentropy(
              y,
              model.apply(x, { training: true }) as tf.Tensor,
            ) as tf.Scalar,
          variables,
        );
        optimizer.applyGradients(grads);
        losses.push(value.dataSync()[0]!);
        tf.dispose([value, ...Object.values(grads)]);
      }
      const weights = variables.map((v) => v.dataSync() as Float32Array);
      optimizer.dispose();
      model.dispose();
      return { losses, weights };
    };
    const config = CONFIGS['Adam'] as Extract<OptimizerConfig, { type: 'adam' }>;
    const expected = run(
      tf.train.adam(config.learningRate, config.beta1, config.beta2, config.epsilon),
    );
    const actual = run(createOptimizer(config));

    expect(actual.losses).toEqual(expected.losses);
    // It learns: the loss goes down.
    expect(actual.losses[5]).toBeLessThan(actual.losses[0]!);
    actual.weights.forEach((weights, i) =>
      expect(bits(weights)).toEqual(bits(expected.weights[i]!)),
    );
    tf.dispose([x, y]);
  });
});
