import { describe, expect, it } from 'vitest';
import type { GraphDocument } from '../../../src/shared/graph/document';
import { buildGraph } from '../../fixtures/build-graph';
import type { NodeSize, Position } from './model';
import { NEW_NODE_SIZE, PLACEMENT_GAP, freePosition } from './model';

/** Layers at the given places (ids a, b, c …), with no connections. */
function layersAt(...places: Position[]): GraphDocument {
  const doc = buildGraph(
    places.map((_, i) => [String.fromCharCode(97 + i), 'Dense', { units: 2 }]),
    [],
  );
  return { ...doc, nodes: doc.nodes.map((n, i) => ({ ...n, position: places[i]! })) };
}

const card = (height: number): NodeSize => ({ width: 200, height });

function overlap(a: Position, sa: NodeSize, b: Position, sb: NodeSize): boolean {
  return (
    a.x < b.x + sb.width && b.x < a.x + sa.width && a.y < b.y + sb.height && b.y < a.y + sa.height
  );
}

describe('freePosition: a dropped layer never covers another', () => {
  const cases: {
    name: string;
    doc: GraphDocument;
    sizes: [string, NodeSize][];
    at: Position;
    expected: Position;
  }[] = [
    {
      name: 'empty canvas: where it was dropped',
      doc: layersAt(),
      sizes: [],
      at: { x: 5, y: 7 },
      expected: { x: 5, y: 7 },
    },
    {
      name: 'clear of its neighbour: where it was dropped',
      doc: layersAt({ x: 0, y: 0 }),
      sizes: [['a', card(90)]],
      at: { x: 300, y: 0 },
      expected: { x: 300, y: 0 },
    },
    {
      name: 'on a layer: just below it',
      doc: layersAt({ x: 0, y: 0 }),
      sizes: [['a', card(90)]],
      at: { x: 20, y: 30 },
      expected: { x: 20, y: 90 + PLACEMENT_GAP },
    },
    {
      name: 'on a layer made tall by its error box: below all of it',
      doc: layersAt({ x: 0, y: 0 }),
      sizes: [['a', card(260)]],
      at: { x: 0, y: 100 },
      expected: { x: 0, y: 260 + PLACEMENT_GAP },
    },
    {
      name: 'just above a layer, too close: below it',
      doc: layersAt({ x: 0, y: 100 }),
      sizes: [['a', card(90)]],
      at: { x: 0, y: 0 },
      expected: { x: 0, y: 190 + PLACEMENT_GAP },
    },
    {
      name: 'on a column of layers: below the first gap big enough',
      doc: layersAt({ x: 0, y: 0 }, { x: 0, y: 130 }, { x: 0, y: 420 }),
      sizes: [
        ['a', card(90)],
        ['b', card(90)],
        ['c', card(90)],
      ],
      at: { x: 10, y: 10 },
      expected: { x: 10, y: 220 + PLACEMENT_GAP },
    },
    {
      name: 'an unmeasured layer counts with its typical size',
      doc: layersAt({ x: 0, y: 0 }),
      sizes: [],
      at: { x: 0, y: 0 },
      expected: { x: 0, y: 90 + PLACEMENT_GAP },
    },
  ];
  it.each(cases)('$name', ({ doc, sizes, at, expected }) => {
    const sized = new Map(sizes);
    const placed = freePosition(doc, sized, at);
    expect(placed).toEqual(expected);
    for (const node of doc.nodes) {
      expect(overlap(placed, NEW_NODE_SIZE, node.position, sized.get(node.id) ?? card(90))).toBe(
        false,
      );
    }
  });
});
