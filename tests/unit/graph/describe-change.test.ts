import { describe, expect, it } from 'vitest';
import type { GraphDocument } from '../../../src/shared/graph/document';
import { describeGraphChange } from '../../../src/shared/graph/describe-change';
import type { EdgeRow, NodeRow } from '../../fixtures/build-graph';
import { buildGraph } from '../../fixtures/build-graph';

/** What the history list says changed from one version of a network to the next. */

const input: NodeRow = ['x', 'Input', { shape: [2] }];
const hidden = (params: Record<string, unknown> = {}): NodeRow => [
  'hidden',
  'Dense',
  { units: 8, activation: 'relu', ...params },
];
const output: NodeRow = ['y', 'Output', { task: 'classification', loss: 'binaryCrossentropy' }];
/** Each layer keeps its place on the canvas from version to version, as in the editor. */
const PLACES = ['x', 'hidden', 'h2', 'y'];
const xor = (nodes: readonly NodeRow[] = [input, hidden(), output], edges?: EdgeRow[]) => {
  const doc = buildGraph(
    nodes,
    edges ?? [
      ['x', 'hidden'],
      ['hidden', 'y'],
    ],
  );
  return {
    ...doc,
    nodes: doc.nodes.map((node) => ({
      ...node,
      position: { x: 0, y: 100 * PLACES.indexOf(node.id) },
    })),
  };
};

const base = xor();
const withLabel = (doc: GraphDocument, id: string, label: string): GraphDocument => ({
  ...doc,
  nodes: doc.nodes.map((node) => (node.id === id ? { ...node, label } : node)),
});
const moved: GraphDocument = {
  ...base,
  nodes: base.nodes.map((node) => ({ ...node, position: { x: node.position.x + 40, y: 0 } })),
};
const frozen: GraphDocument = {
  ...base,
  nodes: base.nodes.map((node) => (node.id === 'hidden' ? { ...node, trainable: false } : node)),
};

describe('describeGraphChange', () => {
  it.each<[string, GraphDocument | undefined, GraphDocument, string[]]>([
    ['the first version', undefined, base, ['first saved version']],
    [
      'nothing but the name',
      base,
      { ...base, metadata: { ...base.metadata, name: 'Other' } },
      ['no change to the layers'],
    ],
    [
      'a number setting',
      base,
      xor([input, hidden({ units: 16 }), output]),
      ['hidden: units 8 → 16'],
    ],
    [
      'a choice, in its words',
      base,
      xor([input, hidden({ activation: 'tanh' }), output]),
      ['hidden: activation ReLU → Tanh'],
    ],
    [
      'an added layer, without its connections',
      xor([input, output], [['x', 'y']]),
      base,
      ['added Dense', 'disconnected x → y'],
    ],
    [
      'a removed layer',
      base,
      xor([input, output], [['x', 'y']]),
      ['removed Dense', 'connected x → y'],
    ],
    [
      'two layers of a kind at once',
      xor([input, output], [['x', 'y']]),
      xor(
        [input, hidden(), ['h2', 'Dense', { units: 4 }], output],
        [
          ['x', 'hidden'],
          ['hidden', 'h2'],
          ['h2', 'y'],
        ],
      ),
      ['added 2 Dense', 'disconnected x → y'],
    ],
    ['a new label', base, withLabel(base, 'hidden', 'encoder'), ['renamed hidden to encoder']],
    ['a frozen layer', base, frozen, ['froze hidden']],
    ['layers moved on the canvas', base, moved, ['moved layers']],
    [
      'more changes than fit',
      base,
      withLabel(
        withLabel(
          xor([input, hidden({ units: 3, activation: 'sigmoid', useBias: false }), output]),
          'x',
          'inputs',
        ),
        'hidden',
        'encoder',
      ),
      [
        'renamed x to inputs',
        'renamed hidden to encoder',
        'encoder: units 8 → 3',
        'and 2 more changes',
      ],
    ],
  ])('%s', (_, before, after, expected) => {
    expect(describeGraphChange(before, after)).toEqual(expected);
  });
});
