import { afterAll, describe, expect, it } from 'vitest';
import type { GraphDocument } from '../../../src/shared/graph/document';
import { openInsideModel } from '../../../src/main/engine/inside/inside-model';
import { tf } from '../../../src/main/engine/tf';
import { chain } from '../../fixtures/build-graph';
import { randomWeights } from '../../fixtures/export/random-weights';
import { readFolderWeights, weightValues, writeFolderWeights } from '../../fixtures/saved-weights';
import { finished, trainInProcess } from '../../fixtures/training';
import { tempFolder } from '../data/temp-folder';

/**
 * Fine-tuning: a run starts from a project's imported weights, and the layers a student froze
 * come out of training exactly as they went in, batch normalization's statistics included,
 * while the others learn.
 */

const temp = tempFolder('frozen');
afterAll(() => temp.remove());

const XOR = { source: 'builtin', name: 'xor' } as const;
const SETTINGS = {
  epochs: 5,
  batchSize: 2,
  validation: { kind: 'none' },
  optimizer: { type: 'adam', learningRate: 0.05 },
} as const;

const network = chain(
  { form: 'vector', shape: [2] },
  [
    ['Dense', { units: 4, activation: 'tanh' }],
    ['BatchNorm'],
    ['Dense', { units: 1, activation: 'sigmoid' }],
  ],
  { task: 'classification', loss: 'binaryCrossentropy' },
);

function freeze(doc: GraphDocument, ...ids: string[]): GraphDocument {
  return {
    ...doc,
    nodes: doc.nodes.map((n) => (ids.includes(n.id) ? { ...n, trainable: false } : n)),
  };
}

/** Trains from `start` and gives back the weights the run saved, by name. */
async function trainFrom(doc: GraphDocument, start: string, name: string) {
  const out = temp.path(name);
  const run = await trainInProcess(doc, XOR, SETTINGS, { outDir: out, startingWeights: start });
  return { run, result: finished(run), after: weightValues(readFolderWeights(out)) };
}

describe('training from imported weights, with frozen layers', () => {
  it('keeps the frozen layers, moving statistics included, and changes the others', async () => {
    const start = await randomWeights(network, 3);
    const folder = writeFolderWeights(temp.path('start-1'), start);
    const before = weightValues(start);
    const { result, after } = await trainFrom(freeze(network, 'l1', 'l2'), folder, 'run-1');

    for (const name of [
      'l1/kernel',
      'l1/bias',
      'l2/gamma',
      'l2/beta',
      'l2/moving_mean',
      'l2/moving_variance',
    ]) {
      expect(after.get(name), name).toEqual(before.get(name));
    }
    expect(after.get('l3/kernel')).not.toEqual(before.get('l3/kernel'));
    expect(after.get('l3/bias')).not.toEqual(before.get('l3/bias'));
    expect(result.notes).toContain(
      'Training starts from the weights this project was imported with, in every layer (Dense "l1", BatchNorm "l2" and Dense "l3").',
    );
  });

  it('lets an unfrozen batch normalization learn and move its statistics', async () => {
    const start = await randomWeights(network, 3);
    const folder = writeFolderWeights(temp.path('start-2'), start);
    const before = weightValues(start);
    const { after } = await trainFrom(network, folder, 'run-2');
    for (const name of ['l1/kernel', 'l2/gamma', 'l2/moving_mean', 'l2/moving_variance']) {
      expect(after.get(name), name).not.toEqual(before.get(name));
    }
  });

  it('measures, with every layer frozen, the loss of the imported model itself', async () => {
    const start = await randomWeights(network, 5);
    const folder = writeFolderWeights(temp.path('start-3'), start);
    const { run, result, after } = await trainFrom(
      freeze(network, 'l1', 'l2', 'l3'),
      folder,
      'run-3',
    );
    // Every weight, in whatever order the saved model lists them.
    expect(Object.fromEntries(after)).toEqual(Object.fromEntries(weightValues(start)));
    // The imported model's own binary cross-entropy on the four rows of XOR.
    const model = openInsideModel(network, start);
    const rows = [
      [0, 0, 0],
      [0, 1, 1],
      [1, 0, 1],
      [1, 1, 0],
    ];
    const p = model.compiled.model.predict(
      tf.tensor2d(rows.map(([a, b]) => [a!, b!])),
    ) as tf.Tensor;
    const probabilities = Array.from(p.dataSync());
    p.dispose();
    model.dispose();
    const expected =
      probabilities.reduce((sum, q, i) => {
        const y = rows[i]![2]!;
        return sum - (y * Math.log(q) + (1 - y) * Math.log(1 - q));
      }, 0) / rows.length;
    expect(run.epochs[0]!.loss).toBeCloseTo(expected, 5);
    expect(result.notes.join(' ')).toContain('Every layer with weights is frozen');
  });

  it('starts a layer added after the import from fresh weights, and says which', async () => {
    const start = await randomWeights(network, 3);
    const folder = writeFolderWeights(temp.path('start-4'), start);
    const before = weightValues(start);
    // The student replaced the last layer by a new one, and froze the rest.
    const edited = freeze(
      {
        ...network,
        nodes: network.nodes.map((n) => (n.id === 'l3' ? { ...n, id: 'head' } : n)),
        edges: network.edges.map((e) => ({
          ...e,
          source: e.source.node === 'l3' ? { ...e.source, node: 'head' } : e.source,
          target: e.target.node === 'l3' ? { ...e.target, node: 'head' } : e.target,
        })),
      },
      'l1',
      'l2',
    );
    const { result, after } = await trainFrom(edited, folder, 'run-4');
    expect(after.get('l1/kernel')).toEqual(before.get('l1/kernel'));
    expect(after.get('l2/moving_mean')).toEqual(before.get('l2/moving_mean'));
    expect(result.notes).toContain(
      'Training starts from the weights this project was imported with in Dense "l1" and BatchNorm "l2"; Dense "head" starts from fresh weights, since it was added or changed after the import.',
    );
  });
});
