import { describe, expect, it } from 'vitest';
import type { GraphDocument } from '../../../src/shared/graph/document';
import { parseGraphDocument } from '../../../src/shared/graph/parse';
import { analyzeGraph } from '../../../src/shared/inference/analyze';
import { chain, rawDocument } from '../../fixtures/build-graph';

/** The same network with the named layers frozen. */
function freeze(doc: GraphDocument, ...ids: string[]): GraphDocument {
  return {
    ...doc,
    nodes: doc.nodes.map((n) => (ids.includes(n.id) ? { ...n, trainable: false } : n)),
  };
}

const mlp = chain({ form: 'vector', shape: [3] }, [
  ['Dense', { units: 5, activation: 'relu' }],
  ['BatchNorm'],
  ['Dense', { units: 2, activation: 'prelu' }],
]);

describe('a frozen layer in the analysis', () => {
  it('counts every weight of a frozen layer as non-trainable, as Keras does', () => {
    const before = analyzeGraph(mlp);
    expect(before.nodes.get('l1')!.params).toEqual({ trainable: 20, nonTrainable: 0 });
    expect(before.totals).toMatchObject({ trainable: 20 + 10 + 14, nonTrainable: 10 });

    const after = analyzeGraph(freeze(mlp, 'l1', 'l2'));
    expect(after.nodes.get('l1')!.params).toEqual({ trainable: 0, nonTrainable: 20 });
    // Batch normalization's scale and shift join its moving statistics.
    expect(after.nodes.get('l2')!.params).toEqual({ trainable: 0, nonTrainable: 20 });
    // The PReLU slopes belong to their layer, which still learns.
    expect(after.nodes.get('l3')!.params).toEqual({ trainable: 14, nonTrainable: 0 });
    expect(after.totals).toMatchObject({ trainable: 14, nonTrainable: 40, total: 54 });
    expect(after.issues).toEqual([]);
  });

  it('says when every layer with weights is frozen, and how to let the network learn', () => {
    const analysis = analyzeGraph(freeze(mlp, 'l1', 'l2', 'l3'));
    expect(analysis.totals.trainable).toBe(0);
    expect(analysis.issues.map((i) => [i.code, i.message])).toEqual([
      [
        'graph.no-weights',
        'Every layer with weights is frozen, so training only measures how well the network does as it is. Unfreeze a layer (its "Trainable" switch) for it to learn.',
      ],
    ]);
  });
});

describe('trainable in a network file', () => {
  const parsed = (trainable: unknown) => {
    const raw = rawDocument(
      [
        ['x', 'Input', { form: 'vector', shape: [2] }],
        ['d', 'Dense', { units: 1 }],
        ['y', 'Output'],
      ],
      [
        ['x', 'd'],
        ['d', 'y'],
      ],
    );
    (raw['nodes'] as Record<string, unknown>[])[1]!['trainable'] = trainable;
    return parseGraphDocument(raw);
  };

  it('is kept only where a layer is frozen', () => {
    const frozen = parsed(false);
    expect(frozen.ok && frozen.document.nodes[1]).toMatchObject({ id: 'd', trainable: false });
    const learning = parsed(true);
    expect(learning.ok && 'trainable' in learning.document.nodes[1]!).toBe(false);
  });

  it('is refused with its place when it is not true or false', () => {
    const wrong = parsed('no');
    expect(wrong.ok).toBe(false);
    expect(!wrong.ok && wrong.problems.map((p) => p.path)).toEqual(['nodes[1].trainable']);
  });
});
