import { describe, expect, it } from 'vitest';
import type { GraphDocument } from '../../../src/shared/graph/document';
import { NODE_ID_PATTERN } from '../../../src/shared/graph/document';
import { chain } from '../../fixtures/build-graph';
import type { Change, Selection } from './model';
import {
  EditorHistory,
  EMPTY_SELECTION,
  IdAllocator,
  applyChange,
  copy,
  deleteSelection,
  duplicate,
  idBaseForKind,
  paste,
  pruneSelection,
  selectAll,
} from './model';

const start = () =>
  chain({ form: 'vector', shape: [4] }, [
    ['Dense', { units: 8 }],
    ['Dense', { units: 2 }],
  ]);

const select = (nodes: string[], edges: string[] = []): Selection => ({
  nodes: new Set(nodes),
  edges: new Set(edges),
});

function apply(doc: GraphDocument, change: Change): GraphDocument {
  const result = applyChange(doc, change);
  if (!result.ok) throw new Error(result.message);
  return result.doc;
}

describe('ids', () => {
  it.each([
    ['Dense', 'dense'],
    ['Conv2D', 'conv2d'],
    ['SimpleRNN', 'simple_rnn'],
    ['LSTM', 'lstm'],
    ['GlobalAvgPool2D', 'global_avg_pool2d'],
    ['UpSampling2D', 'up_sampling2d'],
    ['2Fast', 'layer2fast'],
  ])('%s → %s', (kind, base) => {
    expect(idBaseForKind(kind)).toBe(base);
  });

  it('takes the lowest free number and never hands out one twice', () => {
    const doc = apply(start(), {
      type: 'batch',
      changes: [
        {
          type: 'addNode',
          node: { id: 'dense_1', kind: 'Dense', position: { x: 0, y: 0 }, params: {} },
        },
        {
          type: 'addNode',
          node: { id: 'dense_3', kind: 'Dense', position: { x: 0, y: 0 }, params: {} },
        },
      ],
    });
    const ids = new IdAllocator(doc);
    expect([ids.nodeId('Dense'), ids.nodeId('Dense'), ids.nodeId('Dense')]).toEqual([
      'dense_2',
      'dense_4',
      'dense_5',
    ]);
    expect([ids.edgeId(), ids.edgeId()]).toEqual(['e4', 'e5']);
  });
});

describe('clipboard', () => {
  it('copies the selected nodes and only the connections among them', () => {
    const fragment = copy(start(), select(['l1', 'l2']));
    expect(fragment.nodes.map((n) => n.id)).toEqual(['l1', 'l2']);
    expect(fragment.edges.map((e) => e.id)).toEqual(['e2']);
  });

  it('pastes with fresh, valid ids, remapped connections and offset positions', () => {
    const doc = start();
    const fragment = copy(doc, select(['l1', 'l2']));
    const pasted = paste(doc, fragment, { x: 100, y: -10 });
    const after = apply(doc, pasted.change);

    const ids = after.nodes.map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(after.edges.map((e) => e.id)).size).toBe(after.edges.length);
    expect(ids.slice(4)).toEqual(['dense_1', 'dense_2']);
    for (const id of ids) expect(id).toMatch(NODE_ID_PATTERN);

    expect(after.edges.at(-1)).toEqual({
      id: 'e4',
      source: { node: 'dense_1', port: 'out' },
      target: { node: 'dense_2', port: 'in' },
    });
    expect(after.nodes[4]!.position).toEqual({ x: 100, y: 90 });
    expect(after.nodes[4]!.params).toEqual(doc.nodes[1]!.params);
    expect(pasted.selection).toEqual(select(['dense_1', 'dense_2'], ['e4']));
    expect(pasted.ids.get('l1')).toBe('dense_1');
  });

  it('pastes the same fragment twice without a clash', () => {
    let doc = start();
    const fragment = copy(doc, selectAll(doc));
    doc = apply(doc, paste(doc, fragment, { x: 0, y: 0 }).change);
    doc = apply(doc, paste(doc, fragment, { x: 0, y: 0 }).change);
    expect(doc.nodes).toHaveLength(12);
    expect(new Set(doc.nodes.map((n) => n.id)).size).toBe(12);
    expect(doc.edges).toHaveLength(9);
    expect(new Set(doc.edges.map((e) => e.id)).size).toBe(9);
  });

  it('duplicates as one undo step', () => {
    const original = start();
    const history = new EditorHistory(original);
    const made = duplicate(original, select(['l1', 'l2']));
    history.apply(made.change);
    expect(history.document.nodes).toHaveLength(6);
    expect(history.document.nodes[4]!.position).toEqual({
      x: original.nodes[1]!.position.x + 40,
      y: original.nodes[1]!.position.y + 40,
    });
    history.undo();
    expect(history.document).toStrictEqual(original);
  });

  it('refuses a pasted fragment with bad params, as every other edit', () => {
    const doc = start();
    const fragment = {
      nodes: [{ id: 'a', kind: 'Dense', position: { x: 0, y: 0 }, params: { units: -3 } }],
      edges: [],
    };
    expect(applyChange(doc, paste(doc, fragment, { x: 0, y: 0 }).change)).toMatchObject({
      ok: false,
      field: 'units',
    });
  });

  it('deletes the selection, connections included, as one undo step', () => {
    const original = start();
    const history = new EditorHistory(original);
    const change = deleteSelection(original, select(['l1'], ['e3', 'e1']));
    expect(change).toBeDefined();
    history.apply(change!);
    expect(history.document.nodes.map((n) => n.id)).toEqual(['x', 'l2', 'y']);
    expect(history.document.edges).toEqual([]);
    expect(history.undoDepth).toBe(1);
    history.undo();
    expect(history.document).toStrictEqual(original);
  });

  it('has nothing to delete for an empty or stale selection', () => {
    expect(deleteSelection(start(), EMPTY_SELECTION)).toBeUndefined();
    expect(deleteSelection(start(), select(['gone'], ['e99']))).toBeUndefined();
  });

  it('selects all, and prunes what no longer exists', () => {
    const doc = start();
    const all = selectAll(doc);
    expect([...all.nodes]).toEqual(['x', 'l1', 'l2', 'y']);
    expect([...all.edges]).toEqual(['e1', 'e2', 'e3']);
    expect(pruneSelection(doc, all)).toBe(all);
    const smaller = apply(doc, { type: 'removeNodes', ids: ['l2'] });
    expect(pruneSelection(smaller, all)).toEqual(select(['x', 'l1', 'y'], ['e1']));
  });
});
