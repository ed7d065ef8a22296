import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectBackend } from '../../../src/main/engine/backends/select-backend';
import { compileGraph } from '../../../src/main/engine/compiler/compile-graph';
import { saveModel } from '../../../src/main/engine/training/save-model';
import { ModelImportError } from '../../../src/main/model-import/import-error';
import { importLayersModel } from '../../../src/main/model-import/import-model';
import { parseGraphDocumentOrThrow } from '../../../src/shared/graph/parse';
import { tf } from '../../../src/main/engine/tf';
import { compiledWith, importedWeights } from '../../fixtures/import/import-helpers';
import { template } from '../../fixtures/training';
import { tempFolder } from '../data/temp-folder';

/**
 * Models made with plain TensorFlow.js, by a script that uses none of Neurite's code, import
 * as networks that answer exactly as TF.js did; a layer or setting Neurite does not have is
 * refused with the layer named and what to do.
 */

const temp = tempFolder('plain-tfjs');
afterAll(() => temp.remove());
const root = fileURLToPath(new URL('../../../', import.meta.url));
const script = path.join(root, 'tests', 'fixtures', 'import', 'write-tfjs-models.mjs');

beforeAll(async () => {
  await selectBackend('cpu');
  await promisify(execFile)(process.execPath, [script, temp.root], { cwd: root });
}, 120_000);

function importFolder(name: string) {
  const folder = temp.path(name);
  return importLayersModel(
    [
      { name: 'model.json', bytes: readFileSync(path.join(folder, 'model.json')) },
      { name: 'weights.bin', bytes: readFileSync(path.join(folder, 'weights.bin')) },
    ],
    `${name}.zip`,
  );
}

function refusalOf(name: string): string {
  try {
    importFolder(name);
  } catch (error) {
    expect(error).toBeInstanceOf(ModelImportError);
    return (error as Error).message;
  }
  throw new Error(`${name} was imported`);
}

/** The imported network's answers to the examples plain TF.js answered. */
function answers(name: string) {
  const imported = importFolder(name);
  const saved = JSON.parse(readFileSync(temp.path(`${name}/predictions.json`), 'utf8')) as {
    examples: unknown[];
    outputs: number[][];
  };
  const compiled = compiledWith(imported.document, importedWeights(imported));
  const input = compiled.model.inputs[0]!;
  const x = tf.tensor(
    saved.examples.flat(Infinity) as number[],
    [saved.examples.length, ...(input.shape.slice(1) as number[])],
    input.dtype,
  );
  const y = compiled.model.predict(x) as tf.Tensor;
  const ours = (y.arraySync() as number[][]).map((row) => row.flat(Infinity));
  tf.dispose([x, y]);
  compiled.model.dispose();
  return { imported, ours, theirs: saved.outputs };
}

describe('a model made with plain TensorFlow.js', () => {
  it('imports a Sequential MLP with its frozen layer, its penalty and the same answers', () => {
    const { imported, ours, theirs } = answers('sequential-mlp');
    expect(ours).toEqual(theirs);
    const nodes = imported.document.nodes;
    expect(nodes.map((n) => [n.id, n.kind])).toEqual([
      ['input', 'Input'],
      ['dense_Dense1', 'Dense'],
      ['dropout_Dropout1', 'Dropout'],
      ['dense_Dense2', 'Dense'],
      ['output', 'Output'],
    ]);
    expect(nodes[0]!.params).toEqual({ form: 'vector', shape: [4] });
    expect(nodes[1]).toMatchObject({ trainable: false, params: { units: 8, activation: 'relu' } });
    expect(nodes[3]!.params).toMatchObject({ units: 3, activation: 'softmax', l2: 0.01 });
    expect(nodes[4]!.params).toEqual({ task: 'classification', loss: 'categoricalCrossentropy' });
    expect(imported.document.metadata.name).toBe('sequential-mlp');
    expect(imported.document.metadata.description).toContain(
      "guessed it from the last activation (Softmax): classification with Categorical cross-entropy. Check the Output's task and loss before training.",
    );
  });

  it('imports a functional CNN with two branches, batch normalization and a leaky ReLU layer', () => {
    const { imported, ours, theirs } = answers('functional-cnn');
    expect(ours).toEqual(theirs);
    expect(imported.document.metadata.name).toBe('two_branches');
    const joined = imported.document.edges.filter((e) => e.target.node === 'joined');
    expect(joined.map((e) => `${e.source.node} → ${e.target.port}`)).toEqual([
      'left → in1',
      'right → in2',
    ]);
    expect(imported.document.nodes.find((n) => n.id === 'leaky')!.params).toEqual({
      activation: 'leakyRelu',
      leakyAlpha: 0.1,
    });
  });

  it('reads the numbers an Embedding reads as word ids, and a bidirectional GRU', () => {
    const { imported, ours, theirs } = answers('text-bigru');
    ours.forEach((row, i) => row.forEach((v, k) => expect(v).toBeCloseTo(theirs[i]![k]!, 6)));
    const [input, , gru] = imported.document.nodes;
    expect(input!.params).toEqual({ form: 'tokens', shape: [6] });
    expect(gru).toMatchObject({
      kind: 'GRU',
      params: { units: 4, bidirectional: true, mergeMode: 'ave' },
    });
  });

  it('refuses an LSTM with TF.js’ hard sigmoid gates, saying how to build it instead', () => {
    expect(refusalOf('lstm-hard-sigmoid')).toBe(
      `LSTM "lstm_LSTM1" uses "hard_sigmoid" in its gates; Neurite's LSTM uses the sigmoid, as Keras does. Build it with recurrent_activation="sigmoid" (TensorFlow.js: recurrentActivation: 'sigmoid'), train it again and export it again.`,
    );
  });

  it('refuses a layer Neurite has no kind for, naming the layer and its class', () => {
    const message = refusalOf('layer-normalization');
    expect(message).toMatch(
      /^The layer "layer_norm" is a LayerNormalization, which Neurite has no layer for, so the model cannot be imported\. Neurite reads models made of these TensorFlow\.js layers: InputLayer, Dense, .*BatchNormalization, Bidirectional\. Rebuild the model without it, or build the network in Neurite\.$/,
    );
  });
});

describe('a model Neurite saved after training (neurite train --out)', () => {
  it('gives back the binary step, which Neurite wrote as a layer of its own', async () => {
    const perceptron = parseGraphDocumentOrThrow(template('perceptron'));
    const compiled = compileGraph(perceptron, { seed: 1 });
    const folder = temp.path('perceptron-run');
    await saveModel(compiled.model, folder);
    compiled.model.dispose();
    const imported = importFolder('perceptron-run');
    const unit = perceptron.nodes.find((n) => n.kind === 'Dense')!;
    expect(imported.document.nodes.find((n) => n.id === unit.id)!.params).toEqual(unit.params);
    expect(imported.document.nodes.map((n) => n.kind)).toEqual(['Input', 'Dense', 'Output']);
  });
});
