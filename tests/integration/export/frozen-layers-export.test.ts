import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeExportFolder } from '../../../src/main/engine/export/write-export';
import { EXPORTERS } from '../../../src/main/engine/export/exporters';
import { withCompiledNetwork } from '../../../src/main/engine/export/export-network';
import { tf } from '../../../src/main/engine/tf';
import type { GraphDocument } from '../../../src/shared/graph/document';
import { buildGraph } from '../../fixtures/build-graph';
import type { KerasFileRead } from '../../fixtures/export/keras-reader';
import { readKerasFile } from '../../fixtures/export/keras-reader';
import { randomWeights } from '../../fixtures/export/random-weights';
import type { TorchResult } from '../../fixtures/export/torch-check';
import { checkWithTorch, maxDifference } from '../../fixtures/export/torch-check';
import { tempFolder } from '../data/temp-folder';

/**
 * A network whose first layers the student froze (fine-tuning): every export keeps them
 * frozen. TF.js marks the layers not trainable, Keras builds them with trainable=False, and in
 * PyTorch one training step leaves their weights and batch norm statistics as they are while
 * the rest learns.
 */

const temp = tempFolder('frozen-export');
afterAll(() => temp.remove());

function network(frozen: readonly string[]): GraphDocument {
  const document = buildGraph(
    [
      ['features', 'Input', { form: 'vector', shape: [4] }],
      ['encoder', 'Dense', { units: 3, activation: 'relu' }],
      ['norm', 'BatchNorm', {}],
      ['head', 'Dense', { units: 2 }],
      ['y', 'Output', { task: 'regression', loss: 'meanSquaredError' }],
    ],
    [
      ['features', 'encoder'],
      ['encoder', 'norm'],
      ['norm', 'head'],
      ['head', 'y'],
    ],
  );
  return {
    ...document,
    nodes: document.nodes.map((node) =>
      frozen.includes(node.id) ? { ...node, trainable: false } : node,
    ),
  };
}

const EXAMPLES = [
  [0.1, -0.4, 0.8, 0.3],
  [0.9, 0.2, -0.5, -0.1],
  [-0.3, 0.6, 0.4, 0.7],
];

/** What Neurite computes for the examples, by name of the network. */
const neurite = new Map<string, number[][]>();

async function exportAll(name: string, document: GraphDocument): Promise<string> {
  const weights = await randomWeights(document);
  mkdirSync(temp.path(name));
  for (const format of ['tfjs', 'pytorch', 'keras'] as const) {
    writeExportFolder(
      temp.path(`${name}/${format}`),
      await EXPORTERS[format].write({ document, weights }),
    );
  }
  neurite.set(
    name,
    await withCompiledNetwork({ document, weights }, async (compiled) => {
      const y = compiled.model.predict(tf.tensor2d(EXAMPLES)) as tf.Tensor;
      const rows = (await y.array()) as number[][];
      y.dispose();
      return rows;
    }),
  );
  return temp.path(name);
}

let torch: Map<string, TorchResult>;
let keras: KerasFileRead;
let frozenFolder: string;

beforeAll(async () => {
  frozenFolder = await exportAll('frozen', network(['encoder', 'norm']));
  const learning = await exportAll('learning', network([]));
  const input = [{ shape: [4], tokens: false }];
  const examples = EXAMPLES.map((example) => [example]);
  torch = await checkWithTorch(
    [
      { name: 'frozen', folder: path.join(frozenFolder, 'pytorch'), inputs: input, examples },
      { name: 'learning', folder: path.join(learning, 'pytorch'), inputs: input, examples },
    ],
    temp.root,
  );
  keras = await readKerasFile(
    path.join(frozenFolder, 'keras', 'keras_model.py'),
    path.join(frozenFolder, 'keras', 'weights.npz'),
  );
}, 120_000);

describe('exporting a network with frozen layers', () => {
  it('marks them not trainable in the TF.js model', () => {
    const modelJson = JSON.parse(
      readFileSync(path.join(frozenFolder, 'tfjs', 'model.json'), 'utf8'),
    ) as {
      modelTopology: { config: { layers: { name: string; config: { trainable: boolean } }[] } };
    };
    const trainable = Object.fromEntries(
      modelJson.modelTopology.config.layers.map((layer) => [layer.name, layer.config.trainable]),
    );
    expect(trainable).toMatchObject({ encoder: false, norm: false, head: true });
  });

  it('builds them with trainable=False in Keras, and only them', () => {
    const flags = Object.fromEntries(
      keras.layers.map((layer) => [
        String(layer.keywords['name']?.value),
        layer.keywords['trainable']?.source,
      ]),
    );
    expect(flags).toEqual({ encoder: 'False', norm: 'False', head: undefined });
  });

  it('keeps their weights and batch norm statistics through a PyTorch training step', () => {
    const frozen = torch.get('frozen')!;
    expect(frozen.error).toBeUndefined();
    expect([...frozen.training.noGradient].sort()).toEqual([
      'encoder.bias',
      'encoder.weight',
      'norm.bias',
      'norm.weight',
    ]);
    expect(frozen.training.changed).toBe(2);
    expect(frozen.training.changedBuffers).toEqual([]);
    // The same network unfrozen learns everywhere and updates its statistics.
    const learning = torch.get('learning')!;
    expect(learning.training.noGradient).toEqual([]);
    expect(learning.training.changed).toBe(6);
    expect(learning.training.changedBuffers).toEqual(
      expect.arrayContaining(['norm.running_mean', 'norm.running_var']),
    );
    // Freezing changes training only: each computes what Neurite computes.
    for (const [name, result] of [
      ['frozen', frozen],
      ['learning', learning],
    ] as const) {
      const outputs = result.outputs.map((example) => example[0]!);
      expect(maxDifference(outputs, neurite.get(name)!)).toBeLessThan(1e-5);
    }
  });
});
