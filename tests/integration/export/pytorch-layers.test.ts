import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withCompiledNetwork } from '../../../src/main/engine/export/export-network';
import { pytorchExporter } from '../../../src/main/engine/export/pytorch/pytorch-export';
import { tf } from '../../../src/main/engine/tf';
import { LAYER_KINDS } from '../../../src/shared/catalog/registry';
import type { GraphDocument } from '../../../src/shared/graph/document';
import { buildGraph, chain } from '../../fixtures/build-graph';
import type { TorchCase, TorchResult } from '../../fixtures/export/torch-check';
import { checkWithTorch, maxDifference, printedOutputs } from '../../fixtures/export/torch-check';
import { tempFolder } from '../data/temp-folder';
import { networkAround } from '../../fixtures/kind-networks';
import { RECURRENT_ACTIVATIONS } from '../../../src/shared/catalog/activations';

/**
 * Every layer Neurite has, exported to PyTorch and run by PyTorch against TF.js on the same
 * inputs: each kind's own catalog examples, then networks for each place where Keras and
 * PyTorch lay things out differently (channels, TensorFlow's uneven "same" padding, the
 * transposed convolution's cropping, recurrent directions and their merges, GRU's reset gate,
 * activations PyTorch lacks). Weights are the initializers' (seeded, random), so no two gates
 * or directions look alike. All networks go to one Python process.
 */

const temp = tempFolder('pytorch-layers');
afterAll(() => temp.remove());

const REGRESSION = { task: 'regression', loss: 'meanSquaredError' };
const image = (shape: number[]) => ({ form: 'image', shape });
const sequence = (shape: number[]) => ({ form: 'sequence', shape });
const vector = (size: number) => ({ form: 'vector', shape: [size] });

const catalogNetworks: [string, GraphDocument][] = LAYER_KINDS.filter(
  (kind) => kind.role === 'layer',
).flatMap((kind) =>
  kind.examples.map((example, i): [string, GraphDocument] => [
    `${kind.kind} example ${i + 1} ${JSON.stringify(example.params)}`,
    networkAround(kind, example),
  ]),
);

/** Networks for the layout differences, beyond the catalog's one-layer examples. */
const layoutNetworks: [string, GraphDocument][] = [
  [
    'Conv2DTranspose 3×3 stride 2 "same": TensorFlow crops the odd extra at the end',
    chain(image([4, 5, 2]), [
      ['Conv2DTranspose', { filters: 3, kernelSize: 3, strides: 2, padding: 'same' }],
    ]),
  ],
  [
    'Conv2DTranspose 2×2 stride 1 "same"',
    chain(image([3, 3, 1]), [
      ['Conv2DTranspose', { filters: 2, kernelSize: 2, strides: 1, padding: 'same' }],
    ]),
  ],
  [
    'Conv2DTranspose 4×4 stride 2 "same", which PyTorch pads evenly',
    chain(image([3, 3, 2]), [
      ['Conv2DTranspose', { filters: 2, kernelSize: 4, strides: 2, padding: 'same' }],
    ]),
  ],
  [
    'Conv2DTranspose 2×2 stride 3 "valid", longer than its kernels reach',
    chain(image([3, 2, 1]), [
      ['Conv2DTranspose', { filters: 2, kernelSize: 2, strides: 3, activation: 'relu' }],
    ]),
  ],
  [
    'Conv2D 3×3 stride 2 "same" on an even image, then average pooling 3 stride 2 "same"',
    chain(image([6, 7, 2]), [
      ['Conv2D', { filters: 3, kernelSize: 3, strides: 2, padding: 'same', activation: 'tanh' }],
      ['AvgPool2D', { poolSize: 3, strides: 2, padding: 'same' }],
      ['Flatten'],
      ['Dense', { units: 4 }],
    ]),
  ],
  [
    'average pooling "same" that pads evenly averages without the padding',
    chain(image([5, 5, 2]), [['AvgPool2D', { poolSize: 3, strides: 1, padding: 'same' }]]),
  ],
  [
    'Conv1D 4 stride 2 "same", dilated Conv1D "same", pooling 1D "same"',
    chain(sequence([9, 2]), [
      ['Conv1D', { filters: 3, kernelSize: 4, strides: 2, padding: 'same' }],
      ['Conv1D', { filters: 2, kernelSize: 3, dilation: 2, padding: 'same', activation: 'selu' }],
      ['MaxPool1D', { poolSize: 2, padding: 'same' }],
      ['AvgPool1D', { poolSize: 2, strides: 1, padding: 'same' }],
    ]),
  ],
  [
    'max pooling 3 stride 2 "same" on an even image',
    chain(image([6, 6, 2]), [['MaxPool2D', { poolSize: 3, strides: 2, padding: 'same' }]]),
  ],
  [
    'softmax over the channels of a convolution, and leaky ReLU, hard tanh, ELU after it',
    chain(image([4, 4, 2]), [
      ['Conv2D', { filters: 3, kernelSize: 2, activation: 'softmax' }],
      [
        'Conv2D',
        { filters: 3, kernelSize: 2, padding: 'same', activation: 'leakyRelu', leakyAlpha: 0.2 },
      ],
      ['Activation', { activation: 'hardTanh' }],
      ['Activation', { activation: 'elu' }],
      ['GlobalAvgPool2D'],
    ]),
  ],
  [
    'a binary step in a hidden layer, and PReLU on a vector',
    chain(vector(3), [
      ['Dense', { units: 4, activation: 'step' }],
      ['Dense', { units: 3, activation: 'prelu' }],
      ['Dense', { units: 2, activation: 'softmax' }],
    ]),
  ],
  [
    "Dense on a convolution's feature maps, then Reshape into a sequence for an LSTM",
    chain(image([3, 3, 2]), [
      ['Conv2D', { filters: 4, kernelSize: 2, padding: 'same' }],
      ['Dense', { units: 2 }],
      ['Reshape', { targetShape: [-1, 3] }],
      ['LSTM', { units: 3 }],
    ]),
  ],
  [
    'batch norm on a sequence and on an image',
    chain(sequence([5, 3]), [
      ['BatchNorm', { momentum: 0.9, epsilon: 0.01 }],
      ['Reshape', { targetShape: [5, 3, 1] }],
      ['BatchNorm', {}],
      ['Flatten'],
    ]),
  ],
  [
    'bidirectional LSTM giving every step, averaged',
    chain(sequence([4, 2]), [
      ['LSTM', { units: 3, bidirectional: true, mergeMode: 'ave', returnSequences: true }],
    ]),
  ],
  [
    'bidirectional LSTM giving every step, side by side, then a bidirectional GRU multiplied',
    chain(sequence([4, 2]), [
      ['LSTM', { units: 3, bidirectional: true, returnSequences: true }],
      ['GRU', { units: 2, bidirectional: true, mergeMode: 'mul' }],
    ]),
  ],
  [
    'bidirectional GRU giving every step, summed, without biases',
    chain(sequence([5, 2]), [
      [
        'GRU',
        { units: 3, bidirectional: true, mergeMode: 'sum', returnSequences: true, useBias: false },
      ],
    ]),
  ],
  [
    'SimpleRNN with ReLU, bidirectional and summed; SimpleRNN with the sigmoid, side by side',
    chain(sequence([4, 2]), [
      [
        'SimpleRNN',
        {
          units: 3,
          activation: 'relu',
          bidirectional: true,
          mergeMode: 'sum',
          returnSequences: true,
        },
      ],
      ['SimpleRNN', { units: 2, activation: 'sigmoid', bidirectional: true }],
    ]),
  ],
  [
    'LSTM with ReLU (not in nn.LSTM), LSTM without biases, GRU with ELU',
    chain(sequence([4, 2]), [
      ['LSTM', { units: 3, activation: 'relu', returnSequences: true }],
      ['LSTM', { units: 3, useBias: false, returnSequences: true }],
      ['GRU', { units: 2, activation: 'elu' }],
    ]),
  ],
  [
    'Embedding, RepeatVector, a linear SimpleRNN over the repeats',
    chain({ form: 'tokens', shape: [3] }, [
      ['Embedding', { vocabSize: 6, dim: 2 }],
      ['GRU', { units: 3 }],
      ['RepeatVector', { times: 4 }],
      ['SimpleRNN', { units: 2, activation: 'linear', returnSequences: true }],
    ]),
  ],
  [
    'Concatenate and Add of feature maps with an image as it came in',
    buildGraph(
      [
        ['pixels', 'Input', image([4, 4, 2])],
        ['conv', 'Conv2D', { filters: 3, kernelSize: 3, padding: 'same' }],
        ['join', 'Concatenate', { inputs: 2 }],
        ['mix', 'Conv2D', { filters: 2, kernelSize: 1, padding: 'same' }],
        ['sum', 'Add', { inputs: 2 }],
        ['prelu', 'Activation', { activation: 'prelu' }],
        ['y', 'Output', REGRESSION],
      ],
      [
        ['pixels', 'conv'],
        ['conv', 'join', 'in1'],
        ['pixels', 'join', 'in2'],
        ['join', 'mix'],
        ['pixels', 'sum', 'in1'],
        ['mix', 'sum', 'in2'],
        ['sum', 'prelu'],
        ['prelu', 'y'],
      ],
    ),
  ],
  [
    'two inputs and two outputs (the first computed last), with names Python and PyTorch use themselves',
    buildGraph(
      [
        ['torch', 'Input', vector(3)],
        ['forward', 'Input', vector(2)],
        ['F', 'Dense', { units: 2, activation: 'tanh' }],
        ['training', 'Concatenate', { inputs: 2 }],
        ['eval', 'Dense', { units: 1 }],
        ['first', 'Output', REGRESSION],
        ['second', 'Output', REGRESSION],
      ],
      [
        ['torch', 'F'],
        ['F', 'training', 'in1'],
        ['forward', 'training', 'in2'],
        ['training', 'eval'],
        ['eval', 'first'],
        ['F', 'second'],
      ],
    ),
  ],
];

/** Every activation a recurrent cell may have, in each cell, one way and both ways. */
const cellActivationNetworks: [string, GraphDocument][] = RECURRENT_ACTIVATIONS.map(
  (activation): [string, GraphDocument] => [
    `recurrent cells with ${activation}`,
    chain(sequence([3, 2]), [
      ['SimpleRNN', { units: 2, activation, bidirectional: true, returnSequences: true }],
      ['LSTM', { units: 2, activation, returnSequences: true }],
      ['LSTM', { units: 2, activation, bidirectional: true, returnSequences: true }],
      ['GRU', { units: 2, activation, bidirectional: true, returnSequences: true }],
      ['GRU', { units: 2, activation }],
      // A linear head, so a step of training has a gradient even where ReLU cells are silent.
      ['Dense', { units: 2 }],
    ]),
  ],
);

const networks = [...catalogNetworks, ...layoutNetworks, ...cellActivationNetworks];

/** Seeded inputs of the model's shapes: small whole numbers for token inputs. */
function exampleInputs(model: tf.LayersModel, count: number): number[][][] {
  return Array.from({ length: count }, (_, n) =>
    model.inputs.map((input, i) => {
      const size = (input.shape.slice(1) as number[]).reduce((a, b) => a * b, 1);
      return Array.from({ length: size }, (_, k) => {
        const noise = Math.sin((k + 1) * 12.9898 + (n + 1) * 78.233 + i * 37.719) * 43758.5453;
        const unit = noise - Math.floor(noise);
        return input.dtype === 'int32' ? Math.floor(unit * 5) : unit * 4 - 2;
      });
    }),
  );
}

interface Prepared {
  readonly case: TorchCase;
  /** TF.js' outputs: per example, per output, flat. */
  readonly expected: number[][][];
}

const prepared = new Map<string, Prepared>();
let results: Map<string, TorchResult>;

beforeAll(async () => {
  await tf.setBackend('cpu');
  for (const [index, [name, document]] of networks.entries()) {
    const folder = temp.path(`network-${index}`);
    mkdirSync(folder);
    const files = await pytorchExporter.write({ document, weights: undefined });
    for (const [file, bytes] of files) writeFileSync(path.join(folder, file), bytes);
    const { examples, expected, inputs } = await withCompiledNetwork(
      { document, weights: undefined },
      (compiled) => {
        const model = compiled.model;
        const examples = exampleInputs(model, 3);
        const tensors = model.inputs.map((input, i) =>
          tf.tensor(
            examples.flatMap((example) => example[i]!),
            [examples.length, ...(input.shape.slice(1) as number[])],
            input.dtype,
          ),
        );
        const outputs = [model.predict(tensors.length === 1 ? tensors[0]! : tensors)].flat();
        const perOutput = outputs.map((output) => {
          const flat = Array.from(output.dataSync());
          const size = flat.length / examples.length;
          return examples.map((_, n) => flat.slice(n * size, (n + 1) * size));
        });
        tf.dispose([...tensors, ...outputs]);
        return {
          examples,
          expected: examples.map((_, n) => perOutput.map((rows) => rows[n]!)),
          inputs: model.inputs.map((input) => ({
            shape: input.shape.slice(1) as number[],
            tokens: input.dtype === 'int32',
          })),
        };
      },
    );
    prepared.set(name, {
      case: { name, folder, inputs, examples, predictScript: index % 7 === 0 },
      expected,
    });
  }
  results = await checkWithTorch(
    [...prepared.values()].map((p) => p.case),
    temp.root,
  );
}, 300_000);

describe.each(networks.map(([name]) => [name]))('%s', (name) => {
  it('loads in PyTorch and computes what TF.js computes', () => {
    const result = results.get(name)!;
    expect(result.error).toBeUndefined();
    expect(result.stateDictType).toBe('OrderedDict');
    const { expected } = prepared.get(name)!;
    const difference = Math.max(
      ...expected.map((outputs, n) => maxDifference(result.outputs[n]!, outputs)),
    );
    expect(difference).toBeLessThan(1e-4);
    if (result.predictScript) {
      expect(maxDifference(printedOutputs(result), expected[0]!)).toBeLessThan(1e-4);
    }
  });

  it('takes a step of training in PyTorch', () => {
    const { training } = results.get(name)!;
    expect(typeof training.loss).toBe('number');
    if (training.parameters > 0) expect(training.changed).toBeGreaterThan(0);
  });
});
