import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileGraph } from '../../../src/main/engine/compiler/compile-graph';
import { kerasExporter } from '../../../src/main/engine/export/keras/keras-export';
import { INITIAL_WEIGHTS_SEED } from '../../../src/main/engine/inside/inside-model';
import { tf } from '../../../src/main/engine/tf';
import type { NetworkSteps } from '../../../src/shared/code/network-steps';
import { networkSteps } from '../../../src/shared/code/network-steps';
import type { GraphDocument } from '../../../src/shared/graph/document';
import { parseGraphDocumentOrThrow } from '../../../src/shared/graph/parse';
import { runNeurite } from '../../fixtures/cli';
import {
  argumentsAtDefault,
  expectedLayers,
  keywordsOf,
} from '../../fixtures/export/keras-expectations';
import type { KerasFileRead } from '../../fixtures/export/keras-reader';
import { readKerasFile } from '../../fixtures/export/keras-reader';
import { loadSavedModel } from '../../fixtures/saved-model';
import { tempFolder } from '../data/temp-folder';
import { trainXorModel } from '../../fixtures/export/trained-xor';

/**
 * neurite export --format keras, checked without Keras (it is not installed where Neurite is
 * tested): Python's own parser reads keras_model.py, and the test compares what it builds,
 * layer by layer, with the network the student drew; NumPy reads weights.npz, whose arrays
 * must be the network's weights, byte for byte, in the shapes TF.js gives them.
 */

const temp = tempFolder('keras-export');
afterAll(() => temp.remove());

const root = fileURLToPath(new URL('../../../', import.meta.url));
const templatesDir = path.join(root, 'resources', 'templates');
const TEMPLATES = readdirSync(templatesDir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''))
  .sort();

const loadTemplate = (name: string): GraphDocument =>
  parseGraphDocumentOrThrow(
    JSON.parse(readFileSync(path.join(templatesDir, `${name}.json`), 'utf8')),
  );

function stepsOf(document: GraphDocument): NetworkSteps {
  const steps = networkSteps(document);
  if (!steps.ok) throw new Error(steps.problems.map((p) => p.message).join(' '));
  return steps;
}

/** Writes the export of an untrained template and reads it back with Python. */
async function exportAndRead(name: string, document: GraphDocument): Promise<KerasFileRead> {
  const files = await kerasExporter.write({ document, weights: undefined });
  expect([...files.keys()]).toEqual(['keras_model.py', 'weights.npz']);
  const code = temp.write(`${name}/keras_model.py`, files.get('keras_model.py')!);
  const weights = temp.write(`${name}/weights.npz`, files.get('weights.npz')!);
  return readKerasFile(code, weights);
}

interface LayerWeights {
  /** The layer's name in the Keras code: the step's name and the TF.js layer's suffix. */
  readonly kerasName: string;
  readonly weights: readonly { shape: number[]; bytes: Buffer }[];
}

/**
 * The weights Neurite starts an untrained network from, read from the TF.js model (its layers
 * named by node id), in the order of the network's steps, for the layers that have any.
 */
function initialWeights(document: GraphDocument, steps: NetworkSteps): LayerWeights[] {
  const compiled = compileGraph(document, { seed: INITIAL_WEIGHTS_SEED });
  try {
    return steps.steps.flatMap((step) =>
      (compiled.layersByNode.get(step.nodeId) ?? [])
        .map((tfjsName) => ({
          kerasName: `${step.name}${tfjsName.slice(step.nodeId.length)}`,
          weights: compiled.model
            .getLayer(tfjsName)
            .getWeights()
            .map((tensor) => ({
              shape: tensor.shape,
              bytes: Buffer.from((tensor.dataSync() as Float32Array).buffer.slice(0)),
            })),
        }))
        .filter((layer) => layer.weights.length > 0),
    );
  } finally {
    compiled.model.dispose();
  }
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('the templates cover both of Keras’ ways to build a model', () => {
  it('has chains (Sequential API) and networks that branch (Functional API)', () => {
    const chains = TEMPLATES.map((name) => stepsOf(loadTemplate(name)).isChain);
    expect(chains).toContain(true);
    expect(chains).toContain(false);
  });
});

describe.each(TEMPLATES)('keras export of the template %s', (name) => {
  const document = loadTemplate(name);
  const steps = stepsOf(document);
  const byId = new Map(document.nodes.map((node) => [node.id, node]));
  let read: KerasFileRead;
  beforeAll(async () => {
    read = await exportAndRead(name, document);
  });

  it(`is a Python file that builds the network with the ${steps.isChain ? 'Sequential' : 'Functional'} API`, () => {
    expect(read.api).toBe(steps.isChain ? 'sequential' : 'functional');
    expect(read.imports).toEqual([
      'from pathlib import Path',
      'import keras',
      'import numpy as np',
      'from keras import layers',
    ]);
    // Nothing the reader does not know: only the summary is printed at the end.
    expect(read.other).toEqual(['model.summary()']);
    const usesStep = document.nodes.some((n) => n.params['activation'] === 'step');
    const usesHardTanh = document.nodes.some((n) => n.params['activation'] === 'hardTanh');
    expect(read.functions).toEqual([
      ...(usesStep ? ['binary_step'] : []),
      ...(usesHardTanh ? ['hard_tanh'] : []),
    ]);
  });

  it('has a keras.Input of the shape and kind of data of each Input', () => {
    expect(
      read.inputs.map((input) => ({
        name: input.keywords['name']?.value,
        shape: input.keywords['shape']?.value,
        dtype: input.keywords['dtype']?.value ?? 'float32',
      })),
    ).toEqual(
      steps.inputs.map((step) => {
        const params = byId.get(step.nodeId)!.params;
        return {
          name: step.name,
          shape: params['shape'],
          dtype: params['form'] === 'tokens' ? 'int32' : 'float32',
        };
      }),
    );
  });

  it("names every layer as the network does, with the student's settings as Keras arguments", () => {
    const expected = steps.steps.flatMap((step) =>
      expectedLayers(byId.get(step.nodeId)!, step.name, step.output),
    );
    const found = read.layers.map((layer) => ({
      class: layer.class,
      name: layer.keywords['name']?.value,
      keywords: keywordsOf(layer),
      ...(layer.wraps
        ? { wraps: { class: layer.wraps.class, keywords: keywordsOf(layer.wraps) } }
        : {}),
    }));
    expect(found).toEqual(expected);
  });

  it('writes no argument that only repeats Keras’ default', () => {
    expect(read.layers.flatMap(argumentsAtDefault)).toEqual([]);
  });

  it('calls each layer on the layers that feed it (Functional API)', () => {
    if (steps.isChain) return;
    const variables = steps.steps
      .filter((step) => step.role === 'layer')
      .flatMap((step) =>
        step.layers.map((_, i) => ({
          variable: step.name,
          // A split-off activation is called on what its own layer gave.
          calledOn: i === 0 ? step.inputs : [step.name],
        })),
      );
    expect(read.layers.map((l) => ({ variable: l.variable, calledOn: l.called_on }))).toEqual(
      variables,
    );
    expect(read.inputs.map((input) => input.variable)).toEqual(steps.inputs.map((s) => s.name));
    expect(read.model).toEqual({
      inputs: steps.inputs.map((s) => s.name),
      outputs: steps.outputs.map((s) => s.inputs[0]),
    });
  });

  it("loads weights.npz into every layer that has weights, each array the TF.js weight's shape and values", () => {
    expect(read.weights_file).toBe('weights.npz');
    expect(read.weights_from_script_folder).toBe(true);
    const neurite = initialWeights(document, steps);
    // Each layer gets its arrays in order, and weights.npz holds exactly those.
    expect(read.set_weights).toEqual(
      neurite.map(({ kerasName, weights }) => ({
        layer: kerasName,
        keys: weights.map((_, i) => `${kerasName}/${i}`),
        from: ['trained'],
      })),
    );
    const arrays = read.arrays!;
    expect(Object.keys(arrays)).toEqual(read.set_weights.flatMap((s) => s.keys));
    for (const { kerasName, weights } of neurite) {
      weights.forEach((weight, i) => {
        const key = `${kerasName}/${i}`;
        const array = arrays[key]!;
        expect({ key, dtype: array.dtype, shape: array.shape }).toEqual({
          key,
          dtype: 'float32',
          shape: weight.shape,
        });
        expect(Buffer.from(array.base64, 'base64').equals(weight.bytes), `${key} values`).toBe(
          true,
        );
      });
    }
  });
});

describe('neurite export --format keras of a trained run', () => {
  let run: string;
  beforeAll(async () => {
    run = temp.path('xor-run');
    await trainXorModel(run);
  }, 120_000);

  it('writes keras_model.py and weights.npz with the trained weights, and says how to run it', async () => {
    const out = temp.path('xor-keras');
    const cli = await runNeurite('export', run, '--format', 'keras', '--out', out);
    expect(cli.code, cli.stderr).toBe(0);
    expect(cli.stdout).toContain(`as Keras to ${out}: keras_model.py, weights.npz.`);
    expect(cli.stdout).toContain(`Run python3 ${out}/keras_model.py with Keras 3`);

    const read = await readKerasFile(
      path.join(out, 'keras_model.py'),
      path.join(out, 'weights.npz'),
    );
    const saved = await loadSavedModel(run);
    try {
      for (const layer of ['hidden', 'prediction']) {
        saved
          .getLayer(layer)
          .getWeights()
          .forEach((tensor, i) => {
            const array = read.arrays![`${layer}/${i}`]!;
            expect(array.shape).toEqual(tensor.shape);
            const bytes = Buffer.from((tensor.dataSync() as Float32Array).buffer.slice(0));
            expect(Buffer.from(array.base64, 'base64').equals(bytes), `${layer}/${i}`).toBe(true);
          });
      }
    } finally {
      saved.dispose();
    }
  });

  it('writes the same bytes every time', async () => {
    const first = temp.path('again-1');
    const second = temp.path('again-2');
    for (const out of [first, second]) {
      const cli = await runNeurite('export', run, '--format', 'keras', '--out', out);
      expect(cli.code, cli.stderr).toBe(0);
    }
    for (const file of ['keras_model.py', 'weights.npz']) {
      expect(readFileSync(path.join(first, file))).toEqual(readFileSync(path.join(second, file)));
    }
  });
});
