import { describe, expect, it } from 'vitest';
import type { GraphDocument } from '../../../src/shared/graph/document';
import { buildGraph } from '../../fixtures/build-graph';
import { applyChange, autoLayout } from './model';

function tidied(doc: GraphDocument) {
  const change = autoLayout(doc, new Map());
  const result = change ? applyChange(doc, change) : { ok: true as const, doc };
  if (!result.ok) throw new Error(result.message);
  return (id: string) => result.doc.nodes.find((n) => n.id === id)!.position;
}

/** Every layer at the same place, as if dropped on one spot. */
function piled(doc: GraphDocument): GraphDocument {
  return { ...doc, nodes: doc.nodes.map((n) => ({ ...n, position: { x: 0, y: 0 } })) };
}

describe('autoLayout: top to bottom, following the ports', () => {
  it('stacks layers that are not connected in one column, in the order they were added', () => {
    const at = tidied(
      piled(
        buildGraph(
          [
            ['x', 'Input', { shape: [2] }],
            ['h', 'Dense', { units: 4 }],
            ['o', 'Dense', { units: 1 }],
            ['y', 'Output'],
          ],
          [],
        ),
      ),
    );
    expect(at('h').x).toBe(at('x').x);
    expect(at('o').x).toBe(at('x').x);
    expect(at('y').x).toBe(at('x').x);
    expect(at('x').y).toBeLessThan(at('h').y);
    expect(at('h').y).toBeLessThan(at('o').y);
    expect(at('o').y).toBeLessThan(at('y').y);
  });

  it('puts the layer on a merge’s first input on its left, as its dots are', () => {
    // b is added first but feeds the second input; dagre alone puts it on the left.
    const at = tidied(
      piled(
        buildGraph(
          [
            ['x', 'Input', { shape: [4] }],
            ['b', 'Dense', { units: 4 }],
            ['a', 'Dense', { units: 4 }],
            ['sum', 'Add'],
          ],
          [
            ['x', 'a'],
            ['x', 'b'],
            ['b', 'sum', 'in2'],
            ['a', 'sum', 'in1'],
          ],
        ),
      ),
    );
    expect(at('a').y).toBe(at('b').y);
    expect(at('a').x).toBeLessThan(at('b').x);
    expect(at('sum').y).toBeGreaterThan(at('a').y);
  });

  it('lays a connected part and loose layers out without overlapping', () => {
    const at = tidied(
      piled(
        buildGraph(
          [
            ['x', 'Input', { shape: [2] }],
            ['h', 'Dense', { units: 4 }],
            ['loose1', 'Dense'],
            ['loose2', 'Dropout'],
          ],
          [['x', 'h']],
        ),
      ),
    );
    const ids = ['x', 'h', 'loose1', 'loose2'];
    for (const a of ids) {
      for (const b of ids) {
        if (a >= b) continue;
        const apart = Math.abs(at(a).x - at(b).x) >= 200 || Math.abs(at(a).y - at(b).y) >= 90;
        expect(apart, `${a} and ${b}`).toBe(true);
      }
    }
    expect(at('loose1').y).toBeLessThan(at('loose2').y);
  });
});
