import { afterAll, describe, expect, it } from 'vitest';
import { kerasModelCode } from '../../../src/shared/code/keras-code';
import { networkSteps } from '../../../src/shared/code/network-steps';
import { LAYER_KINDS } from '../../../src/shared/catalog/registry';
import type { GraphDocument } from '../../../src/shared/graph/document';
import { chain } from '../../fixtures/build-graph';
import {
  argumentsAtDefault,
  expectedLayers,
  keywordsOf,
} from '../../fixtures/export/keras-expectations';
import { readKerasFile } from '../../fixtures/export/keras-reader';
import { tempFolder } from '../data/temp-folder';
import { networkAround } from '../../fixtures/kind-networks';

/**
 * Every kind of layer, with each of its catalog examples and the settings the templates do
 * not use (activations Keras lacks, penalties, initializers), written as Keras code as the
 * Code panel shows it (no weights) and read back by Python's parser: each layer has the
 * Keras class and arguments its settings call for, and none that repeat Keras' defaults.
 */

const temp = tempFolder('keras-code');
afterAll(() => temp.remove());

const vector = (size: number) => ({ form: 'vector', shape: [size] });

const CASES: [string, GraphDocument][] = [
  ...LAYER_KINDS.flatMap((kind) =>
    kind.examples.map((example, i): [string, GraphDocument] => [
      `${kind.kind} example ${i + 1}`,
      networkAround(kind, example),
    ]),
  ),
  [
    'Dense with leaky ReLU, hard tanh and PReLU after it',
    chain(vector(3), [
      ['Dense', { units: 4, activation: 'leakyRelu', leakyAlpha: 0.2 }],
      ['Dense', { units: 3, activation: 'hardTanh' }],
      ['Dense', { units: 2, activation: 'prelu' }],
      ['Activation', { activation: 'hardTanh' }],
    ]),
  ],
  [
    'weight penalties and initializers',
    chain(vector(3), [
      ['Dense', { units: 4, l2: 0.01, kernelInitializer: 'heNormal' }],
      ['Dense', { units: 4, l1: 0.001, biasInitializer: { type: 'constant', value: 0.5 } }],
      [
        'Dense',
        {
          units: 2,
          l1: 0.01,
          l2: 0.02,
          useBias: false,
          kernelInitializer: { type: 'randomNormal', mean: 0, stddev: 0.1 },
        },
      ],
    ]),
  ],
  [
    'recurrent layers with every setting changed',
    chain({ form: 'sequence', shape: [5, 2] }, [
      [
        'GRU',
        {
          units: 3,
          returnSequences: true,
          bidirectional: true,
          mergeMode: 'ave',
          activation: 'relu',
          dropout: 0.1,
          recurrentDropout: 0.2,
          l2: 0.01,
          recurrentInitializer: 'glorotNormal',
        },
      ],
      ['SimpleRNN', { units: 2, returnSequences: true, useBias: false }],
      ['LSTM', { units: 2, kernelInitializer: { type: 'randomUniform', limit: 0.1 } }],
    ]),
  ],
  [
    'tokens through an embedding with a penalty and its own initializer',
    chain({ form: 'tokens', shape: [6] }, [
      ['Embedding', { vocabSize: 50, dim: 4, l1: 0.01, embeddingsInitializer: 'glorotUniform' }],
      ['Conv1D', { filters: 3, kernelSize: 2, dilation: 2, padding: 'same' }],
      ['MaxPool1D', { poolSize: 3, strides: 1 }],
      ['Flatten'],
      ['Reshape', { targetShape: [-1, 3] }],
    ]),
  ],
];

describe.each(CASES)('Keras code for %s', (name, document) => {
  it('parses, and has each layer with the arguments its settings call for', async () => {
    const steps = networkSteps(document);
    if (!steps.ok) throw new Error(steps.problems.map((p) => p.message).join(' '));
    const file = temp.write(`${name.replace(/\W+/g, '-')}.py`, kerasModelCode(steps, {}));
    const read = await readKerasFile(file);

    expect(read.api).toBe(steps.isChain ? 'sequential' : 'functional');
    expect(read.imports).toEqual(['import keras', 'from keras import layers']);
    // The Code panel's code builds the network only: no weights file to load.
    expect(read.weights_file).toBeNull();
    expect(read.set_weights).toEqual([]);
    expect(read.other).toEqual(['model.summary()']);

    const byId = new Map(document.nodes.map((node) => [node.id, node]));
    const expected = steps.steps.flatMap((step) =>
      expectedLayers(byId.get(step.nodeId)!, step.name, step.output),
    );
    expect(
      read.layers.map((layer) => ({
        class: layer.class,
        name: layer.keywords['name']?.value,
        keywords: keywordsOf(layer),
        ...(layer.wraps
          ? { wraps: { class: layer.wraps.class, keywords: keywordsOf(layer.wraps) } }
          : {}),
      })),
    ).toEqual(expected);
    expect(read.layers.flatMap(argumentsAtDefault)).toEqual([]);

    // Neurite's own activations are defined once each, and only when a layer uses them.
    const uses = (fn: string) =>
      read.layers.some((layer) => layer.keywords['activation']?.source === fn);
    expect(read.functions).toEqual(['binary_step', 'hard_tanh'].filter(uses));
  });
});
