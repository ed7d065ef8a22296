import { describe, expect, it } from 'vitest';
import { LAYER_KINDS } from '../../../src/shared/catalog/registry';
import type { NetworkSteps } from '../../../src/shared/code/network-steps';
import { networkSteps } from '../../../src/shared/code/network-steps';
import { pytorchModelCode } from '../../../src/shared/code/pytorch-code';
import { pytorchNetwork } from '../../../src/shared/code/pytorch-network';
import { PytorchUnsupportedError } from '../../../src/shared/code/pytorch-unsupported';
import type { GraphDocument } from '../../../src/shared/graph/document';
import type { EdgeRow, NodeRow } from '../../fixtures/build-graph';
import { buildGraph, chain } from '../../fixtures/build-graph';
import { template } from '../../fixtures/training';
import { parseGraphDocumentOrThrow } from '../../../src/shared/graph/parse';

/**
 * model.py as a student reads it: attributes named like the nodes, a forward in the graph's
 * order, the channels moved where PyTorch wants them, and only the helpers it uses. Whether
 * the code computes what Neurite computes is for the integration tests, which run it.
 */

function steps(document: GraphDocument): NetworkSteps {
  const outcome = networkSteps(document);
  if (!outcome.ok) throw new Error(outcome.problems.map((p) => p.message).join('\n'));
  return outcome;
}

const code = (document: GraphDocument) => pytorchModelCode(steps(document));
const templateCode = (name: string) => code(parseGraphDocumentOrThrow(template(name)));

/** The lines of the Model class, without the blank ones. */
function modelClass(text: string): string[] {
  const start = text.indexOf('class Model(nn.Module):');
  const end = text.indexOf('\n\n\n', start);
  return text
    .slice(start, end === -1 ? undefined : end)
    .split('\n')
    .filter((line) => line.trim() !== '');
}

describe('pytorchModelCode', () => {
  it('writes the XOR MLP as one module: a layer per node, named and titled as in the network', () => {
    expect(modelClass(templateCode('xor-mlp'))).toEqual([
      'class Model(nn.Module):',
      '    def __init__(self):',
      '        super().__init__()',
      '        self.hidden = nn.Linear(2, 4)  # Hidden layer',
      '        self.prediction = nn.Linear(4, 1)  # Prediction',
      '    def forward(self, inputs):',
      '        """inputs: (batch, 2) floats."""',
      '        hidden = torch.tanh(self.hidden(inputs))',
      '        prediction = torch.sigmoid(self.prediction(hidden))',
      '        return prediction',
    ]);
  });

  it('starts with the imports and says how to load the weights', () => {
    const text = templateCode('xor-mlp');
    expect(text).toContain('import torch\nfrom torch import nn\nimport torch.nn.functional as F\n');
    expect(text).toContain("model.load_state_dict(torch.load('weights.pt'))");
    expect(text).not.toMatch(/def channels_first|class Keras|def binary_step/);
  });

  it('moves the channels first for convolutions and back last before Flatten', () => {
    const lines = modelClass(templateCode('lenet-5'));
    expect(lines).toContain(
      '        self.c1 = nn.Conv2d(1, 6, kernel_size=(5, 5), padding=(2, 2))  # C1: 6 filters 5×5',
    );
    expect(lines).toContain('        c1 = torch.tanh(self.c1(channels_first(image)))');
    expect(lines).toContain('        s2 = self.s2(c1)');
    expect(lines).toContain(
      '        flatten = torch.flatten(channels_last(s4), 1)  # Flatten 5×5×16',
    );
    expect(lines).toContain('        f7 = torch.softmax(self.f7(f6), dim=-1)');
    expect(templateCode('lenet-5')).toContain('def channels_first(x):');
  });

  it('follows a graph with branches in order, adding and joining them', () => {
    const resnet = modelClass(templateCode('resnet-basic-block'));
    const at = (start: string) => resnet.findIndex((line) => line.startsWith(`        ${start}`));
    expect(resnet).toContain('        block1_add = block1_bn2 + stem  # Block 1: add the shortcut');
    expect(at('block1_add =')).toBeGreaterThan(at('block1_bn2 ='));
    expect(at('block2_proj =')).toBeGreaterThan(at('block1_out ='));
    expect(at('block2_add =')).toBeGreaterThan(at('block2_proj_bn ='));
    expect(resnet).toContain('        gap = block2_out.mean(dim=(2, 3))  # Global average pooling');
    const inception = modelClass(templateCode('inception-block'));
    expect(inception).toContain(
      '        concat = torch.cat([branch1_1x1, branch2_3x3, branch3_5x5, branch4_1x1], dim=1)  # Join the branches (16 + 24 + 8 + 8 channels)',
    );
  });

  it('pads as TensorFlow does: evenly in the layer, unevenly before it', () => {
    const resnet = modelClass(templateCode('resnet-basic-block'));
    expect(resnet).toContain(
      '        self.block2_conv1 = nn.Conv2d(16, 32, kernel_size=(3, 3), stride=(2, 2))  # Block 2: conv 32 × 3×3, stride 2',
    );
    expect(resnet).toContain(
      '        block2_conv1 = self.block2_conv1(F.pad(block1_out, (0, 1, 0, 1)))  # "same" padding as TensorFlow does it: more at the end than at the start',
    );
    const alexnet = modelClass(templateCode('alexnet-small'));
    expect(alexnet).toContain(
      '        pool1 = self.pool1(F.pad(bn1, (0, 1, 0, 1), value=float(\'-inf\')))  # "same" padding as TensorFlow does it: more at the end than at the start',
    );
    const uneven = code(
      chain({ form: 'image', shape: [6, 6, 1] }, [
        ['AvgPool2D', { poolSize: 3, strides: 2, padding: 'same' }],
        ['AvgPool2D', { poolSize: 3, strides: 1, padding: 'same' }],
      ]),
    );
    expect(uneven).toContain('self.l1 = AveragePoolSame((3, 3), (2, 2), (0, 1, 0, 1))');
    expect(uneven).toContain(
      'self.l2 = nn.AvgPool2d(kernel_size=(3, 3), stride=(1, 1), padding=(1, 1), count_include_pad=False)',
    );
    expect(uneven).toContain('class AveragePoolSame(nn.Module):');
  });

  it("turns batch norm's Keras momentum into PyTorch's", () => {
    expect(templateCode('resnet-basic-block')).toContain(
      'self.block1_bn1 = nn.BatchNorm2d(16, eps=0.001, momentum=0.01)',
    );
    expect(
      code(
        chain({ form: 'vector', shape: [3] }, [['BatchNorm', { momentum: 0.9, epsilon: 0.01 }]]),
      ),
    ).toContain('self.l1 = nn.BatchNorm1d(3, eps=0.01, momentum=0.1)');
  });

  it("uses nn.LSTM for Keras' LSTM, and its own GRU for Keras' GRU", () => {
    const lstm = templateCode('lstm-sequence');
    expect(lstm).toContain('self.lstm = nn.LSTM(1, 32, batch_first=True)  # LSTM, 32 units');
    expect(lstm).toContain('lstm = self.lstm(window)[0][:, -1]  # the output after the last step');
    expect(lstm).not.toContain('class Keras');
    const gru = templateCode('gru-sequence');
    expect(gru).toContain('self.gru = KerasGRU(1, 32)  # GRU, 32 units');
    expect(gru).toContain('class KerasRecurrent(nn.Module):');
    expect(gru).toContain('class KerasGRU(KerasRecurrent):');
    expect(gru).toContain('candidate = self.activation(x_h + (r * h) @ w_h.T)');
    expect(gru).not.toContain('class KerasLSTM');
  });

  it('combines the two directions of a bidirectional layer as Keras does', () => {
    expect(modelClass(templateCode('text-bilstm'))).toEqual(
      expect.arrayContaining([
        '        self.bilstm = nn.LSTM(32, 32, batch_first=True, bidirectional=True)  # Bidirectional LSTM, 32 units each way',
        '        bilstm = self.bilstm(embedding)[0]  # after every step: the forward direction, then the backward one beside it',
        '        bilstm = torch.cat([bilstm[:, -1, :32], bilstm[:, 0, 32:]], dim=-1)  # both directions side by side: forward after the last step, backward after the first',
      ]),
    );
    const summed = code(
      chain({ form: 'sequence', shape: [5, 2] }, [
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
      ]),
    );
    expect(summed).toContain(
      "self.l1 = nn.RNN(2, 3, batch_first=True, nonlinearity='relu', bidirectional=True)",
    );
    expect(summed).toContain('l1 = l1[:, :, :3] + l1[:, :, 3:]  # the sum of both directions');
  });

  it('writes the step of a lone perceptron with a straight-through gradient, elsewhere a true one', () => {
    const perceptron = templateCode('perceptron');
    expect(perceptron).toContain('perceptron = perceptron_step(self.perceptron(layer_x))');
    expect(perceptron).toContain('def perceptron_step(x):');
    const hidden = code(
      chain({ form: 'vector', shape: [2] }, [
        ['Dense', { units: 3, activation: 'step' }],
        ['Dense', { units: 1, activation: 'hardTanh' }],
      ]),
    );
    expect(hidden).toContain('l1 = binary_step(self.l1(layer_x))');
    expect(hidden).toContain('l2 = F.hardtanh(self.l2(l1))');
    expect(hidden).not.toContain('perceptron_step');
  });

  it('gives a PReLU its own attribute with a slope per value, laid out like the value', () => {
    const text = code(
      chain({ form: 'image', shape: [4, 5, 1] }, [
        ['Conv2D', { filters: 2, kernelSize: 2, activation: 'prelu' }],
      ]),
    );
    expect(text).toContain('self.l1_activation = ElementwisePReLU(2, 3, 4)  # l1: its activation');
    expect(text).toContain('l1 = self.l1_activation(self.l1(channels_first(layer_x)))');
  });

  it('renames a node whose name model.py or nn.Module needs', () => {
    const document = buildGraph(
      [
        ['torch', 'Input', { form: 'vector', shape: [2] }],
        ['forward', 'Dense', { units: 2 }],
        ['forward_layer', 'Dense', { units: 1 }],
        ['y', 'Output', { task: 'regression', loss: 'meanSquaredError' }],
      ] satisfies NodeRow[],
      [
        ['torch', 'forward'],
        ['forward', 'forward_layer'],
        ['forward_layer', 'y'],
      ] satisfies EdgeRow[],
    );
    expect(modelClass(code(document))).toEqual([
      'class Model(nn.Module):',
      '    def __init__(self):',
      '        super().__init__()',
      '        self.forward_layer_2 = nn.Linear(2, 2)  # forward',
      '        self.forward_layer = nn.Linear(2, 1)  # forward_layer',
      '    def forward(self, torch_layer):',
      '        """torch_layer: (batch, 2) floats."""',
      '        forward_layer_2 = self.forward_layer_2(torch_layer)',
      '        forward_layer = self.forward_layer(forward_layer_2)',
      '        return forward_layer',
    ]);
  });

  it('keeps float free for the padding of max pooling', () => {
    const document = buildGraph(
      [
        ['pixels', 'Input', { form: 'image', shape: [4, 4, 1] }],
        ['float', 'Conv2D', { filters: 2, kernelSize: 1 }],
        ['pool', 'MaxPool2D', { poolSize: 3, strides: 2, padding: 'same' }],
        ['y', 'Output', { task: 'regression', loss: 'meanSquaredError' }],
      ],
      [
        ['pixels', 'float'],
        ['float', 'pool'],
        ['pool', 'y'],
      ],
    );
    const lines = modelClass(code(document));
    expect(lines).toContain('        float_layer = self.float_layer(channels_first(pixels))');
    expect(lines).toContain(
      '        pool = self.pool(F.pad(float_layer, (0, 1, 0, 1), value=float(\'-inf\')))  # "same" padding as TensorFlow does it: more at the end than at the start',
    );
  });

  it('takes every Input and returns every Output, in the network’s order', () => {
    const document = buildGraph(
      [
        ['a', 'Input', { form: 'vector', shape: [3] }],
        ['b', 'Input', { form: 'tokens', shape: [4] }],
        ['words', 'Embedding', { vocabSize: 10, dim: 2 }],
        ['flat', 'Flatten'],
        ['join', 'Concatenate', { inputs: 2 }],
        ['first', 'Output', { task: 'regression', loss: 'meanSquaredError' }],
        ['second', 'Output', { task: 'regression', loss: 'meanSquaredError' }],
      ],
      [
        ['b', 'words'],
        ['words', 'flat'],
        ['a', 'join', 'in1'],
        ['flat', 'join', 'in2'],
        ['join', 'first'],
        ['a', 'second'],
      ],
    );
    const lines = modelClass(code(document));
    expect(lines).toContain('    def forward(self, a, b):');
    expect(lines).toContain(
      '        """a: (batch, 3) floats; b: (batch, 4) token ids (torch.long)."""',
    );
    expect(lines).toContain('        join = torch.cat([a, flat], dim=-1)  # join');
    expect(lines.at(-1)).toBe('        return join, a');
  });

  it('says which node it cannot write, for a layer PyTorch code has no translation of', () => {
    const document = chain({ form: 'vector', shape: [3] }, [['Dense', { units: 2 }]]);
    const network = steps(document);
    const strange: NetworkSteps = {
      ...network,
      steps: network.steps.map((step) =>
        step.nodeId === 'l1' ? { ...step, layers: [{ className: 'Swish', config: {} }] } : step,
      ),
    };
    expect(() => pytorchModelCode(strange)).toThrow(
      new PytorchUnsupportedError('l1', 'is built from the TF.js layer Swish'),
    );
    expect(() => pytorchModelCode(strange)).toThrow(
      'The node l1 is built from the TF.js layer Swish, which Neurite cannot write as PyTorch.',
    );
    // What the exporter and the Code panel show: the node as the student named it.
    let refusal: PytorchUnsupportedError | undefined;
    try {
      pytorchModelCode(strange);
    } catch (error) {
      refusal = error as PytorchUnsupportedError;
    }
    expect(refusal?.sentenceFor(document)).toBe(
      'Dense "l1" is built from the TF.js layer Swish, which Neurite cannot write as PyTorch. Choose another layer or setting for it, or export to another format.',
    );
  });

  it('writes every example of every layer kind in the catalog', () => {
    for (const kind of LAYER_KINDS.filter((k) => k.role === 'layer')) {
      for (const example of kind.examples) {
        const inputs: NodeRow[] = example.inputs.map((params, i) => [`in${i}`, 'Input', params]);
        const ports = kind.inputPorts(kind.paramsSchema.parse(example.params));
        const document = buildGraph(
          [
            ...inputs,
            ['n', kind.kind, example.params],
            ['y', 'Output', { task: 'regression', loss: 'meanSquaredError' }],
          ],
          [...inputs.map(([id], i): EdgeRow => [id, 'n', ports[i]!.id]), ['n', 'y']],
        );
        expect(
          () => code(document),
          `${kind.kind} ${JSON.stringify(example.params)}`,
        ).not.toThrow();
      }
    }
  });
});

describe('pytorchNetwork state dict', () => {
  it("lists every tensor with its PyTorch shape and how Keras' weights map onto it", () => {
    const network = pytorchNetwork(
      steps(
        chain({ form: 'image', shape: [5, 5, 2] }, [
          ['Conv2D', { filters: 3, kernelSize: [3, 2] }],
          ['BatchNorm', {}],
          ['Flatten'],
          ['Dense', { units: 4, useBias: false }],
        ]),
      ),
    );
    expect(
      network.stateDict.map(({ key, shape, dtype, source }) => ({ key, shape, dtype, source })),
    ).toEqual([
      {
        key: 'l1.weight',
        shape: [3, 2, 3, 2],
        dtype: 'float32',
        source: {
          kind: 'weight',
          nodeId: 'l1',
          name: 'kernel',
          layerSuffix: '',
          permutation: [3, 2, 0, 1],
        },
      },
      {
        key: 'l1.bias',
        shape: [3],
        dtype: 'float32',
        source: { kind: 'weight', nodeId: 'l1', name: 'bias', layerSuffix: '' },
      },
      {
        key: 'l2.weight',
        shape: [3],
        dtype: 'float32',
        source: { kind: 'weight', nodeId: 'l2', name: 'gamma', layerSuffix: '' },
      },
      {
        key: 'l2.bias',
        shape: [3],
        dtype: 'float32',
        source: { kind: 'weight', nodeId: 'l2', name: 'beta', layerSuffix: '' },
      },
      {
        key: 'l2.running_mean',
        shape: [3],
        dtype: 'float32',
        source: { kind: 'weight', nodeId: 'l2', name: 'moving_mean', layerSuffix: '' },
      },
      {
        key: 'l2.running_var',
        shape: [3],
        dtype: 'float32',
        source: { kind: 'weight', nodeId: 'l2', name: 'moving_variance', layerSuffix: '' },
      },
      { key: 'l2.num_batches_tracked', shape: [], dtype: 'int64', source: { kind: 'count' } },
      {
        key: 'l4.weight',
        shape: [4, 36],
        dtype: 'float32',
        source: {
          kind: 'weight',
          nodeId: 'l4',
          name: 'kernel',
          layerSuffix: '',
          permutation: [1, 0],
        },
      },
    ]);
  });

  it("gives nn.LSTM Keras' bias and zeros for the second one, both directions", () => {
    const network = pytorchNetwork(
      steps(
        chain({ form: 'sequence', shape: [4, 2] }, [['LSTM', { units: 3, bidirectional: true }]]),
      ),
    );
    expect(
      network.stateDict.map((e) => [
        e.key,
        e.shape,
        e.source.kind === 'weight' ? e.source.name : e.source.kind,
      ]),
    ).toEqual([
      ['l1.weight_ih_l0', [12, 2], 'forward/kernel'],
      ['l1.weight_hh_l0', [12, 3], 'forward/recurrent_kernel'],
      ['l1.bias_ih_l0', [12], 'forward/bias'],
      ['l1.bias_hh_l0', [12], 'zeros'],
      ['l1.weight_ih_l0_reverse', [12, 2], 'backward/kernel'],
      ['l1.weight_hh_l0_reverse', [12, 3], 'backward/recurrent_kernel'],
      ['l1.bias_ih_l0_reverse', [12], 'backward/bias'],
      ['l1.bias_hh_l0_reverse', [12], 'zeros'],
    ]);
  });
});
