import { describe, expect, it } from 'vitest';
import type { GraphDocument } from '../../../src/shared/graph/document';
import { buildGraph, chain } from '../../fixtures/build-graph';
import type { Change } from './model';
import { applyChange } from './model';

const vector = (n: number) => ({ form: 'vector', shape: [n] });

/** x → l1 (Dense) → l2 (Dense) → y, with labels and metadata to restore. */
function sample(): GraphDocument {
  const doc = chain(vector(4), [
    ['Dense', { units: 8 }],
    ['Dense', { units: 2 }],
  ]);
  return { ...doc, nodes: doc.nodes.map((n) => (n.id === 'l1' ? { ...n, label: 'hidden' } : n)) };
}

function applied(doc: GraphDocument, change: Change) {
  const result = applyChange(doc, change);
  if (!result.ok) throw new Error(result.message);
  return result;
}

const dense = (id: string) => ({
  id,
  kind: 'Dense',
  position: { x: 10, y: 20 },
  params: { units: 3 },
});

describe('applyChange: every change, undone by its inverse', () => {
  const cases: [string, Change][] = [
    ['addNode at the end', { type: 'addNode', node: dense('extra') }],
    ['addNode at an index', { type: 'addNode', node: dense('extra'), index: 1 }],
    ['removeNodes (with their edges)', { type: 'removeNodes', ids: ['l1', 'y'] }],
    ['removeNodes of nothing', { type: 'removeNodes', ids: [] }],
    ['moveNodes', { type: 'moveNodes', positions: { x: { x: 5, y: 6 }, l2: { x: -1, y: 0.5 } } }],
    ['setParams', { type: 'setParams', id: 'l1', params: { units: 32, activation: 'relu' } }],
    ['setLabel (replace)', { type: 'setLabel', id: 'l1', label: 'encoder' }],
    ['setLabel (remove)', { type: 'setLabel', id: 'l1', label: undefined }],
    ['setLabel (add)', { type: 'setLabel', id: 'l2', label: ' logits ' }],
    [
      'addEdge',
      {
        type: 'addEdge',
        edge: { id: 'e9', source: { node: 'x', port: 'out' }, target: { node: 'l2', port: 'in' } },
      },
    ],
    ['removeEdges', { type: 'removeEdges', ids: ['e2', 'e1'] }],
    ['setMetadata', { type: 'setMetadata', metadata: { name: 'XOR', description: 'two bits' } }],
    [
      'setMetadata (new key)',
      { type: 'setMetadata', metadata: { created: '2025-01-02T03:04:05Z' } },
    ],
    [
      'batch',
      {
        type: 'batch',
        changes: [
          { type: 'addNode', node: dense('extra') },
          {
            type: 'addEdge',
            edge: {
              id: 'e9',
              source: { node: 'l1', port: 'out' },
              target: { node: 'extra', port: 'in' },
            },
          },
          { type: 'removeNodes', ids: ['l2'] },
          { type: 'setParams', id: 'extra', params: { units: 7 } },
        ],
      },
    ],
  ];

  it.each(cases)('%s', (_name, change) => {
    const original = sample();
    const snapshot = structuredClone(original);
    const forward = applied(original, change);
    // Immutable: the input document is never touched.
    expect(original).toStrictEqual(snapshot);
    const back = applied(forward.doc, forward.inverse);
    expect(back.doc).toStrictEqual(original);
    // And the inverse of the inverse redoes the change.
    expect(applied(back.doc, back.inverse).doc).toStrictEqual(forward.doc);
  });
});

describe('applyChange: what each change does', () => {
  it('adds a node with its params completed from the defaults', () => {
    const { doc } = applied(sample(), { type: 'addNode', node: dense('extra') });
    expect(doc.nodes.at(-1)!.params).toMatchObject({
      units: 3,
      activation: 'linear',
      useBias: true,
    });
  });

  it('removes the connections of removed nodes', () => {
    const { doc } = applied(sample(), { type: 'removeNodes', ids: ['l1'] });
    expect(doc.nodes.map((n) => n.id)).toEqual(['x', 'l2', 'y']);
    expect(doc.edges.map((e) => e.id)).toEqual(['e3']);
  });

  it('shares everything it does not change', () => {
    const original = sample();
    const { doc } = applied(original, { type: 'moveNodes', positions: { l2: { x: 1, y: 2 } } });
    expect(doc.edges).toBe(original.edges);
    expect(doc.metadata).toBe(original.metadata);
    expect(doc.nodes[0]).toBe(original.nodes[0]);
    expect(doc.nodes[2]).not.toBe(original.nodes[2]);
    expect(doc.nodes[2]!.position).toEqual({ x: 1, y: 2 });
    const edited = applied(original, { type: 'setParams', id: 'l1', params: { units: 4 } }).doc;
    expect(edited.edges).toBe(original.edges);
    expect(edited.nodes[2]).toBe(original.nodes[2]);
  });

  it('treats a blank label as none', () => {
    const { doc } = applied(sample(), { type: 'setLabel', id: 'l1', label: '   ' });
    expect(doc.nodes[1]).not.toHaveProperty('label');
  });
});

describe('applyChange: refusals say what is wrong', () => {
  const refusals: [string, Change, string, string | undefined][] = [
    [
      'units: -3',
      { type: 'setParams', id: 'l1', params: { units: -3 } },
      'Dense "hidden": "units" must be at least 1 (got -3).',
      'units',
    ],
    [
      "units: 'abc'",
      { type: 'setParams', id: 'l1', params: { units: 'abc' } },
      'Dense "hidden": "units" must be a number (got "abc").',
      'units',
    ],
    [
      'an unknown activation',
      { type: 'setParams', id: 'l1', params: { activation: 'relux' } },
      'Did you mean "relu"?',
      'activation',
    ],
    ['an unknown parameter', { type: 'setParams', id: 'l2', params: { unit: 4 } }, 'unit', 'unit'],
    [
      'params of a missing node',
      { type: 'setParams', id: 'nope', params: {} },
      'no layer "nope"',
      undefined,
    ],
    [
      'a duplicate node id',
      { type: 'addNode', node: dense('l1') },
      'already a layer called "l1"',
      'id',
    ],
    [
      'an invalid node id',
      { type: 'addNode', node: dense('1st') },
      'must start with a letter',
      'id',
    ],
    [
      'a node of an unknown kind',
      { type: 'addNode', node: { ...dense('z'), kind: 'Densey' } },
      'not a kind of layer',
      'kind',
    ],
    [
      'a node with bad params',
      { type: 'addNode', node: { ...dense('z'), params: { units: 0 } } },
      '"units" must be at least 1',
      'units',
    ],
    [
      'removing a missing node',
      { type: 'removeNodes', ids: ['l1', 'ghost'] },
      'no layer "ghost"',
      undefined,
    ],
    [
      'moving to NaN',
      { type: 'moveNodes', positions: { l1: { x: Number.NaN, y: 0 } } },
      'not a number',
      'position',
    ],
    [
      'a label too long',
      { type: 'setLabel', id: 'l1', label: 'a'.repeat(201) },
      'at most 200',
      'label',
    ],
    [
      'a duplicate edge id',
      {
        type: 'addEdge',
        edge: { id: 'e1', source: { node: 'x', port: 'out' }, target: { node: 'l2', port: 'in' } },
      },
      'already a connection called "e1"',
      'id',
    ],
    [
      'an edge to a missing node',
      {
        type: 'addEdge',
        edge: { id: 'e9', source: { node: 'x', port: 'out' }, target: { node: 'q', port: 'in' } },
      },
      'no layer "q"',
      undefined,
    ],
    [
      'removing a missing edge',
      { type: 'removeEdges', ids: ['e7'] },
      'no connection "e7"',
      undefined,
    ],
    [
      'a name too long',
      { type: 'setMetadata', metadata: { name: 'n'.repeat(201) } },
      '"name" is too long',
      'name',
    ],
    [
      'a batch with one bad change',
      {
        type: 'batch',
        changes: [
          { type: 'setLabel', id: 'l1', label: 'ok' },
          { type: 'setParams', id: 'l2', params: { units: 1.5 } },
        ],
      },
      '"units" must be a whole number',
      'units',
    ],
  ];

  it.each(refusals)('refuses %s', (_name, change, message, field) => {
    const doc = sample();
    const result = applyChange(doc, change);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.message).toContain(message);
    expect(result.field).toBe(field);
  });

  it('names the field exactly for units: -3 and units: "abc"', () => {
    for (const units of [-3, 'abc']) {
      const result = applyChange(buildGraph([['d', 'Dense']], []), {
        type: 'setParams',
        id: 'd',
        params: { units },
      });
      expect(result).toMatchObject({ ok: false, field: 'units' });
    }
  });
});
