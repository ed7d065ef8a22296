import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatasetSpecInput } from '../../../src/shared/data/dataset-spec';
import type { TrainingConfigInput } from '../../../src/shared/training/config';
import { buildGraph } from '../../fixtures/build-graph';
import { runNeurite } from '../../fixtures/cli';
import type { TorchCase, TorchResult } from '../../fixtures/export/torch-check';
import { checkWithTorch, maxDifference, printedOutputs } from '../../fixtures/export/torch-check';
import { finished, template, trainInProcess } from '../../fixtures/training';
import { tempFolder } from '../data/temp-folder';
import { examplesFor, inputOf } from '../../fixtures/export/example-inputs';
import { neuritePredicts } from '../../fixtures/export/neurite-predicts';

/**
 * neurite export --format pytorch on the course's templates, as a student would use the
 * files: Debian's PyTorch loads weights.pt with torch.load(weights_only=True) into model.py's
 * Model, its outputs must be neurite predict's on the same inputs, predict.py must print the
 * same, and one optimizer step must change the weights. Networks with the layouts where
 * Keras and PyTorch differ are trained briefly first, so their weights (batch norm's moving
 * statistics, every gate's bias) are not the initializers' symmetric ones.
 */

const temp = tempFolder('pytorch-export');
afterAll(() => temp.remove());

interface Training {
  readonly data: DatasetSpecInput;
  readonly config: TrainingConfigInput;
}

interface TemplateCase {
  readonly name: string;
  /** The network: a template's name, or a document. */
  readonly graph: string | Record<string, unknown>;
  readonly training?: Training;
  /** Inputs for the comparison, flat; made from the input's size when absent. */
  readonly examples?: readonly (readonly number[])[];
  /** Keys weights.pt must hold, the network's names kept. */
  readonly keys: readonly string[];
}

const briefly = (epochs: number, batchSize: number): TrainingConfigInput => ({
  epochs,
  batchSize,
  validation: { kind: 'none' },
  optimizer: { type: 'adam', learningRate: 0.01 },
});

/**
 * A small CNN with batch norm after a convolution and after a Dense layer, with TensorFlow's
 * uneven "same" padding in a strided convolution and in average pooling.
 */
const batchNormCnn = buildGraph(
  [
    ['digit', 'Input', { form: 'image', shape: [28, 28, 1] }],
    ['conv', 'Conv2D', { filters: 4, kernelSize: 3, strides: 2, padding: 'same' }],
    ['conv_bn', 'BatchNorm', { momentum: 0.8 }],
    ['relu', 'Activation', { activation: 'relu' }],
    ['pool', 'AvgPool2D', { poolSize: 3, strides: 2, padding: 'same' }],
    ['flatten', 'Flatten'],
    ['hidden', 'Dense', { units: 16 }],
    ['hidden_bn', 'BatchNorm', { momentum: 0.8 }],
    ['scores', 'Dense', { units: 10, activation: 'softmax' }],
    ['class', 'Output', { task: 'classification', loss: 'categoricalCrossentropy' }],
  ],
  [
    ['digit', 'conv'],
    ['conv', 'conv_bn'],
    ['conv_bn', 'relu'],
    ['relu', 'pool'],
    ['pool', 'flatten'],
    ['flatten', 'hidden'],
    ['hidden', 'hidden_bn'],
    ['hidden_bn', 'scores'],
    ['scores', 'class'],
  ],
) as unknown as Record<string, unknown>;

const sine: DatasetSpecInput = { source: 'builtin', name: 'sine', samples: 48 };

const CASES: readonly TemplateCase[] = [
  {
    name: 'xor-mlp',
    graph: 'xor-mlp',
    training: {
      data: { source: 'builtin', name: 'xor' },
      config: { ...briefly(200, 4), optimizer: { type: 'adam', learningRate: 0.05 } },
    },
    examples: [
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
      [0.3, 0.8],
    ],
    keys: ['hidden.weight', 'hidden.bias', 'prediction.weight', 'prediction.bias'],
  },
  {
    name: 'perceptron',
    graph: 'perceptron',
    training: { data: { source: 'builtin', name: 'and' }, config: briefly(10, 4) },
    examples: [
      [0, 0],
      [0, 1],
      [1, 1],
      [0.7, 0.6],
    ],
    keys: ['perceptron.weight', 'perceptron.bias'],
  },
  {
    name: 'lenet-5',
    graph: 'lenet-5',
    keys: ['c1.weight', 'c3.weight', 'f5.weight', 'f7.bias'],
  },
  {
    name: 'mnist-small-cnn',
    graph: 'mnist-small-cnn',
    training: { data: { source: 'builtin', name: 'mnist', limit: 64 }, config: briefly(1, 16) },
    keys: ['conv1.weight', 'conv2.bias', 'probs.weight'],
  },
  {
    name: 'batch norm CNN',
    graph: batchNormCnn,
    training: { data: { source: 'builtin', name: 'mnist', limit: 128 }, config: briefly(1, 16) },
    keys: [
      'conv_bn.weight',
      'conv_bn.running_mean',
      'conv_bn.running_var',
      'conv_bn.num_batches_tracked',
      'hidden_bn.running_var',
    ],
  },
  { name: 'alexnet-small', graph: 'alexnet-small', keys: ['conv1.weight', 'bn2.running_mean'] },
  {
    name: 'resnet-basic-block',
    graph: 'resnet-basic-block',
    keys: ['block1_conv1.weight', 'block2_proj_bn.running_var', 'classes.weight'],
  },
  {
    name: 'inception-block',
    graph: 'inception-block',
    keys: ['branch3_5x5.weight', 'branch4_1x1.bias'],
  },
  {
    name: 'denoising-autoencoder',
    graph: 'denoising-autoencoder',
    keys: ['encoder1.weight', 'reconstruction.bias'],
  },
  {
    name: 'conv-autoencoder',
    graph: 'conv-autoencoder',
    keys: ['enc_conv1.weight', 'reconstruction.weight'],
  },
  {
    name: 'lstm-sequence',
    graph: 'lstm-sequence',
    training: { data: sine, config: briefly(2, 16) },
    keys: ['lstm.weight_ih_l0', 'lstm.weight_hh_l0', 'lstm.bias_ih_l0', 'lstm.bias_hh_l0'],
  },
  {
    name: 'gru-sequence',
    graph: 'gru-sequence',
    training: { data: sine, config: briefly(2, 16) },
    keys: ['gru.weight_ih_l0', 'gru.weight_hh_l0', 'gru.bias_l0'],
  },
  {
    name: 'simple-rnn-sequence',
    graph: 'simple-rnn-sequence',
    training: { data: sine, config: briefly(2, 16) },
    keys: ['rnn.weight_ih_l0', 'rnn.bias_ih_l0'],
  },
  {
    name: 'seq2seq-encoder-decoder',
    graph: 'seq2seq-encoder-decoder',
    training: {
      data: { source: 'builtin', name: 'reverse', samples: 48 },
      config: briefly(1, 16),
    },
    keys: ['encoder.weight_ih_l0', 'decoder.weight_hh_l0', 'value.weight'],
  },
  {
    name: 'text-bilstm',
    graph: 'text-bilstm',
    keys: ['embedding.weight', 'bilstm.weight_ih_l0', 'bilstm.weight_ih_l0_reverse'],
  },
  { name: 'text-cnn', graph: 'text-cnn', keys: ['embedding.weight', 'conv.weight'] },
];

interface Prepared {
  readonly model: string;
  readonly out: string;
  readonly case: TorchCase;
  /** neurite predict's outputs, one per example. */
  readonly reference: number[][];
}

const prepared = new Map<string, Prepared>();
let results: Map<string, TorchResult>;

beforeAll(async () => {
  for (const [index, c] of CASES.entries()) {
    const graph = typeof c.graph === 'string' ? template(c.graph) : c.graph;
    let model: string;
    if (c.training) {
      model = temp.path(`run-${index}`);
      finished(await trainInProcess(graph, c.training.data, c.training.config, { outDir: model }));
    } else {
      model = temp.write(`network-${index}.json`, JSON.stringify(graph));
    }
    const out = temp.path(`export-${index}`);
    const run = await runNeurite('export', model, '--format', 'pytorch', '--out', out, '--json');
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      format: 'pytorch',
      out,
      files: ['model.py', 'weights.pt', 'predict.py'],
    });
    const input = inputOf(graph);
    const examples = c.examples ?? examplesFor(input.shape, input.tokens);
    prepared.set(c.name, {
      model,
      out,
      case: {
        name: c.name,
        folder: out,
        inputs: [input],
        examples: examples.map((example) => [example]),
        predictScript: true,
      },
      reference: await neuritePredicts(model, examples),
    });
  }
  results = await checkWithTorch(
    [...prepared.values()].map((p) => p.case),
    temp.root,
  );
}, 600_000);

describe.each(CASES.map((c) => [c.name, c] as const))('%s', (name, c) => {
  it('loads in PyTorch without custom code, its weights under the network’s names', () => {
    const result = results.get(name)!;
    expect(result.error).toBeUndefined();
    expect(result.stateDictType).toBe('OrderedDict');
    expect(result.keys).toEqual(expect.arrayContaining([...c.keys]));
    expect(readdirSync(prepared.get(name)!.out).sort()).toEqual([
      'model.py',
      'predict.py',
      'weights.pt',
    ]);
  });

  it('computes what neurite predict computes, in the module and with predict.py', () => {
    const result = results.get(name)!;
    const { reference } = prepared.get(name)!;
    const module = result.outputs.map((outputs) => outputs[0]!);
    expect(maxDifference(module, reference)).toBeLessThan(1e-4);
    expect(maxDifference(printedOutputs(result), [reference[0]!])).toBeLessThan(1e-4);
  });

  it('keeps training in PyTorch: one optimizer step changes the weights', () => {
    const { training } = results.get(name)!;
    expect(typeof training.loss).toBe('number');
    expect(training.noGradient).toEqual([]);
    expect(training.changed).toBe(training.parameters);
  });
});

describe('a PyTorch export', () => {
  it('is the same bytes every time, and may replace its own earlier export', async () => {
    const { model } = prepared.get('batch norm CNN')!;
    const first = temp.path('again-1');
    const second = temp.path('again-2');
    for (const out of [first, second, first]) {
      const run = await runNeurite('export', model, '--format', 'pytorch', '--out', out);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain(`as PyTorch to ${out}: model.py, weights.pt, predict.py.`);
    }
    for (const name of ['model.py', 'weights.pt', 'predict.py']) {
      expect(readFileSync(path.join(first, name))).toEqual(readFileSync(path.join(second, name)));
    }
  });

  it('has a predict.py that prints JSON as neurite predict does, and says what is wrong with an input', () => {
    const result = results.get('xor-mlp')!;
    expect(result.predictScript!.stdout).toMatch(/^\{"outputs": \[\[[-0-9.e]+\]\]\}\n$/);
    expect(result.predictScriptShort).toEqual({
      code: 2,
      stdout: '',
      stderr: 'inputs takes 2 values (shape (2,)) but got 1. Give exactly 2, row by row.\n',
    });
  });

  it('gives the trained XOR its four answers in PyTorch', () => {
    const outputs = results
      .get('xor-mlp')!
      .outputs.slice(0, 4)
      .map((o) => o[0]![0]!);
    expect(outputs.map((p) => (p >= 0.5 ? 1 : 0))).toEqual([0, 1, 1, 0]);
  });

  it('keeps what batch norm learnt while training: moving statistics that are not 0 and 1', () => {
    const { statistics } = results.get('batch norm CNN')!;
    expect(Object.keys(statistics).sort()).toEqual([
      'conv_bn.running_mean',
      'conv_bn.running_var',
      'hidden_bn.running_mean',
      'hidden_bn.running_var',
    ]);
    for (const [key, { min, max }] of Object.entries(statistics)) {
      const initial = key.endsWith('running_var') ? 1 : 0;
      expect(Math.max(Math.abs(min - initial), Math.abs(max - initial)), key).toBeGreaterThan(0.01);
      expect(max - min, key).toBeGreaterThan(0);
    }
  });
});
