import { describe, expect, it } from 'vitest';
import type { GraphDocument } from '../../../src/shared/graph/document';
import { buildGraph, chain } from '../../fixtures/build-graph';
import type { DropRequest, NodeSize } from './model';
import { EditorHistory, PLACEMENT_GAP, applyChange, isNextTo, planDrop } from './model';

const vector = (n: number) => ({ form: 'vector', shape: [n] });
/** x (Input 2) at y 0 → l1 (Dense 4) at y 100 → y (Output) at y 200. */
const xor = chain(vector(2), [['Dense', { units: 4 }]]);
const sizes = new Map<string, NodeSize>([
  ['x', { width: 200, height: 80 }],
  ['l1', { width: 200, height: 80 }],
  ['y', { width: 200, height: 80 }],
]);

/** The document after the plan, its connections as "a→b:port", and the plan. */
function dropped(doc: GraphDocument, request: Partial<DropRequest> & { kind: string }) {
  const plan = planDrop(doc, { at: { x: 400, y: 40 }, sizes, ...request });
  const result = applyChange(doc, plan.change);
  if (!result.ok) throw new Error(result.message);
  const links = result.doc.edges.map((e) => `${e.source.node}→${e.target.node}:${e.target.port}`);
  return {
    plan,
    doc: result.doc,
    links,
    node: result.doc.nodes.find((n) => n.id === plan.nodeId)!,
  };
}

describe('planDrop: a new layer joins the network where it is dropped', () => {
  const wired: [string, Partial<DropRequest> & { kind: string }, string, string[]][] = [
    [
      'onto a connection: in between',
      { kind: 'Dense', ontoEdge: 'e1' },
      'between',
      ['l1→y:in', 'x→dense_1:in', 'dense_1→l1:in'],
    ],
    [
      'onto the last connection',
      { kind: 'Dropout', ontoEdge: 'e2' },
      'between',
      ['x→l1:in', 'l1→dropout_1:in', 'dropout_1→y:in'],
    ],
    [
      'next to a layer that feeds one: after it, in between',
      { kind: 'Dense', after: 'x' },
      'between',
      ['l1→y:in', 'x→dense_1:in', 'dense_1→l1:in'],
    ],
    [
      'next to a layer that feeds none: after it',
      { kind: 'Output', after: 'l1' },
      'after',
      ['x→l1:in', 'l1→y:in', 'l1→output_1:in'],
    ],
    ['nowhere special: not wired', { kind: 'Dense' }, 'none', ['x→l1:in', 'l1→y:in']],
    [
      'an Input next to a layer: not wired',
      { kind: 'Input', after: 'l1' },
      'none',
      ['x→l1:in', 'l1→y:in'],
    ],
  ];
  it.each(wired)('%s', (_, request, wiring, links) => {
    const base = request.kind === 'Output' ? { ...xor, edges: xor.edges.slice(0, 1) } : xor;
    const after = dropped(base, request);
    expect(after.plan.wiring).toBe(wiring);
    expect(after.plan.note).toBeUndefined();
    expect(after.links).toEqual(request.kind === 'Output' ? ['x→l1:in', 'l1→output_1:in'] : links);
  });

  it('makes room below: the layers after the new one move down, none overlaps', () => {
    const after = dropped(xor, { kind: 'Dense', ontoEdge: 'e1' });
    const top = (id: string) => after.doc.nodes.find((n) => n.id === id)!.position.y;
    expect(after.node.position.y).toBe(80 + PLACEMENT_GAP);
    expect(top('l1')).toBeGreaterThanOrEqual(after.node.position.y + 120 + PLACEMENT_GAP);
    expect(top('y') - top('l1')).toBe(100);
    expect(top('x')).toBe(0);
  });

  const refused: [string, Partial<DropRequest> & { kind: string }, RegExp][] = [
    ['an Input onto a connection', { kind: 'Input', ontoEdge: 'e1' }, /takes no input/],
    [
      'an Output onto a connection',
      { kind: 'Output', ontoEdge: 'e1' },
      /has no output, so it cannot go between/,
    ],
    [
      'a Conv2D onto a connection of vectors',
      { kind: 'Conv2D', ontoEdge: 'e1' },
      /was not connected: /,
    ],
  ];
  it.each(refused)('%s: added where dropped, not wired, and says why', (_, request, note) => {
    const after = dropped(xor, request);
    expect(after.plan.wiring).toBe('none');
    expect(after.plan.note).toMatch(note);
    expect(after.links).toEqual(['x→l1:in', 'l1→y:in']);
    expect(after.node.position).toEqual({ x: 400, y: 40 });
  });

  it('is one undo step, and redo brings it back', () => {
    const history = new EditorHistory(xor);
    const plan = planDrop(xor, { kind: 'Dense', at: { x: 0, y: 0 }, sizes, ontoEdge: 'e1' });
    expect(history.apply(plan.change).ok).toBe(true);
    const built = history.document;
    expect(history.undo()).toBe(true);
    expect(history.document).toEqual(xor);
    expect(history.redo()).toBe(true);
    expect(history.document).toEqual(built);
  });
});

describe('isNextTo', () => {
  const doc = buildGraph([['a', 'Dense']], []);
  const cases: [{ x: number; y: number }, boolean][] = [
    [{ x: 100, y: 40 }, true],
    [{ x: 100, y: 90 + 150 }, true],
    [{ x: 100, y: 90 + 170 }, false],
    [{ x: -170, y: 0 }, false],
  ];
  it.each(cases)('%o → %s', (point, expected) => {
    expect(isNextTo(doc, new Map(), 'a', point)).toBe(expected);
  });
});
