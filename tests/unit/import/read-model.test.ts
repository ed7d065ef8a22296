import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ModelImportError } from '../../../src/main/model-import/import-error';
import { importLayersModel } from '../../../src/main/model-import/import-model';
import type { ModelFile } from '../../../src/main/model-import/model-files';

/**
 * Reading the files of a saved model, without TF.js: the model.json forms TF.js, Keras'
 * converter and Neurite write, where the weights go, and a sentence for everything refused.
 */

const json = (value: unknown): Uint8Array => new TextEncoder().encode(JSON.stringify(value));

/** A dense layer as TF.js saves one. */
function dense(name: string, units: number, extra: Record<string, unknown> = {}) {
  return {
    class_name: 'Dense',
    config: { name, units, activation: 'linear', use_bias: true, trainable: true, ...extra },
  };
}

/** model.json and weights.bin of a model whose weights (float32) are listed in `weights`. */
function savedModel(
  modelTopology: unknown,
  weights: { name: string; shape: number[] }[],
  extra: Record<string, unknown> = {},
): ModelFile[] {
  const bytes = weights.reduce((sum, w) => sum + 4 * w.shape.reduce((a, b) => a * b, 1), 0);
  return [
    {
      name: 'model.json',
      bytes: json({
        format: 'layers-model',
        modelTopology,
        weightsManifest: [
          { paths: ['weights.bin'], weights: weights.map((w) => ({ ...w, dtype: 'float32' })) },
        ],
        ...extra,
      }),
    },
    { name: 'weights.bin', bytes: new Uint8Array(bytes) },
  ];
}

const sequential = (...layers: unknown[]) => ({
  class_name: 'Sequential',
  config: { name: 'sequential_1', layers },
});

const twoDense = () =>
  savedModel(sequential(dense('first', 3, { batch_input_shape: [null, 2] }), dense('second', 1)), [
    { name: 'first/kernel', shape: [2, 3] },
    { name: 'first/bias', shape: [3] },
    { name: 'second/kernel', shape: [3, 1] },
    { name: 'second/bias', shape: [1] },
  ]);

function refusal(files: ModelFile[], fileName = 'model.zip'): ModelImportError {
  try {
    importLayersModel(files, fileName);
  } catch (error) {
    if (error instanceof ModelImportError) return error;
    throw error;
  }
  throw new Error('the model was imported');
}

describe('the files of a model', () => {
  it('are read as picked, or from a zip, in any folder of it', () => {
    const files = twoDense();
    const zip = zipSync({
      'my-model/model.json': files[0]!.bytes,
      'my-model/weights.bin': files[1]!.bytes,
    });
    for (const picked of [files, [{ name: 'xor.zip', bytes: zip }]]) {
      const imported = importLayersModel(picked, 'xor.zip');
      expect(imported.document.nodes.map((n) => `${n.id}:${n.kind}`)).toEqual([
        'input:Input',
        'first:Dense',
        'second:Dense',
        'output:Output',
      ]);
      expect(imported.document.metadata.name).toBe('xor');
      expect(imported.weights.data).toHaveLength(4 * (6 + 3 + 3 + 1));
    }
  });

  it('joins weights kept in several shards, in the manifest’s order', () => {
    const [modelJson] = twoDense();
    const manifest = JSON.parse(new TextDecoder().decode(modelJson!.bytes));
    manifest.weightsManifest = [
      {
        paths: ['group1-shard1of2.bin', 'group1-shard2of2.bin'],
        weights: manifest.weightsManifest[0].weights,
      },
    ];
    const shard1 = new Uint8Array(20).fill(1);
    const shard2 = new Uint8Array(32).fill(2);
    const imported = importLayersModel(
      [
        { name: 'group1-shard2of2.bin', bytes: shard2 },
        { name: 'model.json', bytes: json(manifest) },
        { name: 'group1-shard1of2.bin', bytes: shard1 },
      ],
      'model.json',
    );
    expect([...imported.weights.data]).toEqual([...shard1, ...shard2]);
    expect(imported.document.metadata.name).toBe('Imported model');
  });

  it('says which weights file is missing, and what to pick', () => {
    const error = refusal([twoDense()[0]!]);
    expect(error.message).toBe(
      'model.json keeps its weights in "weights.bin", which is not among the files. Pick the model.json together with its weights file(s) (weights.bin, or group1-shard…bin), or the zip that Neurite’s TensorFlow.js export gives.',
    );
  });

  it('refuses weights that do not belong to model.json', () => {
    const [modelJson] = twoDense();
    const error = refusal([modelJson!, { name: 'weights.bin', bytes: new Uint8Array(12) }]);
    expect(error.message).toMatch(
      /^The weights files hold 12 bytes, but model\.json describes 52: they do not belong together, or one was cut short\./,
    );
  });

  it('refuses a graph model, which holds operations rather than layers', () => {
    const error = refusal([
      { name: 'model.json', bytes: json({ format: 'graph-model', modelTopology: {} }) },
    ]);
    expect(error.code).toBe('unsupported');
    expect(error.message).toContain('is a TensorFlow.js graph model');
  });

  it('refuses a model without its weights, and files that are no model', () => {
    const noWeights = refusal([
      { name: 'model.json', bytes: json({ modelTopology: sequential(dense('d', 1)) }) },
    ]);
    expect(noWeights.message).toContain('lists no weights');
    expect(refusal([{ name: 'notes.txt', bytes: json('hello') }]).message).toMatch(
      /^There is no model\.json among these files\./,
    );
  });
});

describe('the layers of a model', () => {
  it('become valid ids where TF.js names are not, and their weights follow them', () => {
    const files = savedModel(sequential(dense('dense/1', 2, { batch_input_shape: [null, 3] })), [
      { name: 'dense/1/kernel', shape: [3, 2] },
      { name: 'dense/1/bias', shape: [2] },
    ]);
    const imported = importLayersModel(files, 'model.zip');
    expect(imported.document.nodes[1]!.id).toBe('dense_1');
    expect(imported.weights.specs.map((s) => s.name)).toEqual(['dense_1/kernel', 'dense_1/bias']);
  });

  it('read a Keras model converted with its model_config, cell weights and initializers', () => {
    const keras = {
      keras_version: '2.15.0',
      backend: 'tensorflow',
      model_config: {
        class_name: 'Functional',
        config: {
          name: 'model',
          layers: [
            {
              class_name: 'InputLayer',
              name: 'series',
              config: { batch_input_shape: [null, 5, 2], dtype: 'float32', name: 'series' },
              inbound_nodes: [],
            },
            {
              class_name: 'LSTM',
              name: 'lstm',
              config: {
                name: 'lstm',
                units: 3,
                activation: 'tanh',
                recurrent_activation: 'sigmoid',
                kernel_initializer: { class_name: 'GlorotUniform', config: { seed: null } },
                recurrent_initializer: { class_name: 'Orthogonal', config: { gain: 1 } },
                bias_initializer: { class_name: 'Zeros', config: {} },
                unit_forget_bias: true,
                return_sequences: false,
                trainable: false,
              },
              inbound_nodes: [[['series', 0, 0, {}]]],
            },
          ],
          input_layers: [['series', 0, 0]],
          output_layers: [['lstm', 0, 0]],
        },
      },
    };
    const files = savedModel(keras, [
      { name: 'lstm/lstm_cell/kernel', shape: [2, 12] },
      { name: 'lstm/lstm_cell/recurrent_kernel', shape: [3, 12] },
      { name: 'lstm/lstm_cell/bias', shape: [12] },
    ]);
    const imported = importLayersModel(files, 'forecast.zip');
    expect(imported.document.metadata.name).toBe('forecast');
    expect(imported.document.nodes[1]).toMatchObject({
      id: 'lstm',
      kind: 'LSTM',
      trainable: false,
      params: { units: 3, kernelInitializer: { type: 'glorotUniform' } },
    });
    expect(imported.weights.specs.map((s) => s.name)).toEqual([
      'lstm/kernel',
      'lstm/recurrent_kernel',
      'lstm/bias',
    ]);
    // Three numbers in a row: a regression, guessed and said so.
    expect(imported.document.nodes[2]!.params).toEqual({
      task: 'regression',
      loss: 'meanSquaredError',
    });
  });

  it('refuse a model inside a model, and a layer used twice', () => {
    const nested = refusal(
      savedModel(
        sequential(dense('d', 2, { batch_input_shape: [null, 2] }), {
          class_name: 'Sequential',
          config: { name: 'inner', layers: [] },
        }),
        [],
      ),
    );
    expect(nested.message).toMatch(
      /^The layer "inner" is a whole model \(Sequential\) used inside this one/,
    );
    const shared = refusal(
      savedModel(
        {
          class_name: 'Model',
          config: {
            layers: [
              {
                class_name: 'InputLayer',
                name: 'x',
                config: { batch_input_shape: [null, 2], name: 'x' },
                inbound_nodes: [],
              },
              {
                ...dense('twice', 2),
                name: 'twice',
                inbound_nodes: [[['x', 0, 0, {}]], [['twice', 0, 0, {}]]],
              },
            ],
            input_layers: [['x', 0, 0]],
            output_layers: [['twice', 1, 0]],
          },
        },
        [],
      ),
    );
    expect(shared.message).toBe(
      'The layer "twice" (Dense) is used 2 times with the same weights, which a Neurite network cannot draw: each of its layers is used once. Give each use its own layer, train the model again and export it again.',
    );
  });

  it('keep a frozen layer frozen, and a frozen layer without weights as any other', () => {
    const files = savedModel(
      sequential(dense('kept', 2, { batch_input_shape: [null, 2], trainable: false }), {
        class_name: 'Dropout',
        config: { name: 'drop', rate: 0.5, trainable: false },
      }),
      [
        { name: 'kept/kernel', shape: [2, 2] },
        { name: 'kept/bias', shape: [2] },
      ],
    );
    const nodes = importLayersModel(files, 'frozen.zip').document.nodes;
    expect(nodes.find((n) => n.id === 'kept')!.trainable).toBe(false);
    expect('trainable' in nodes.find((n) => n.id === 'drop')!).toBe(false);
  });

  it('refuse an input whose size is left open, naming it', () => {
    const error = refusal(
      savedModel(sequential(dense('d', 2, { batch_input_shape: [null, null, 3] })), []),
    );
    expect(error.message).toBe(
      'InputLayer "input" takes examples of shape (?, 3), with a size left open. Neurite needs every size of an example: build the model with a fixed input shape, train it again and export it again.',
    );
  });

  it('refuse an activation Neurite does not have, naming the layer', () => {
    const error = refusal(
      savedModel(
        sequential(dense('soft', 2, { batch_input_shape: [null, 2], activation: 'softplus' })),
        [],
      ),
    );
    expect(error.message).toMatch(
      /^Dense "soft" uses the activation "softplus", which Neurite does not have\. Neurite's layers can use Linear \(none\), ReLU, Sigmoid, Tanh, Softmax, ELU, SELU/,
    );
  });
});
