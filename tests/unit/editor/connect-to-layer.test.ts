import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../fixtures/build-graph';
import type { DragStart } from './model';
import { connectToLayer } from './model';

/** x → d1 → m (Add, in1 taken), d2 → d3; free: an Add m2 with both inputs free, a Conv2D c, y. */
const doc = buildGraph(
  [
    ['x', 'Input', { form: 'vector', shape: [4] }],
    ['d1', 'Dense', { units: 4 }],
    ['d2', 'Dense', { units: 4 }],
    ['d3', 'Dense', { units: 4 }],
    ['m', 'Add'],
    ['m2', 'Add'],
    ['c', 'Conv2D', { filters: 8 }],
    ['y', 'Output', { task: 'regression', loss: 'meanSquaredError' }],
  ],
  [
    ['x', 'd1'],
    ['d1', 'm', 'in1'],
    ['d2', 'd3'],
  ],
);

const output = (node: string): DragStart => ({ node, port: 'out', side: 'output' });
const input = (node: string, port = 'in'): DragStart => ({ node, port, side: 'input' });

describe('connectToLayer: a connection let go on a layer, not on its dot', () => {
  const connected: [string, DragStart, string, string][] = [
    ['from an output to a layer with one input', output('d1'), 'd2', 'd1:out → d2:in'],
    ['to the one free input of a merge', output('d2'), 'm', 'd2:out → m:in2'],
    ['to an Output', output('d1'), 'y', 'd1:out → y:in'],
    ['from an input dot to a layer: its output', input('y'), 'd2', 'd2:out → y:in'],
    ['from a merge input to a layer', input('m2', 'in2'), 'd2', 'd2:out → m2:in2'],
  ];
  it.each(connected)('%s', (_, from, onto, expected) => {
    const made = connectToLayer(doc, from, onto);
    if (!made.ok) throw new Error(made.reason);
    expect(made.change.type).toBe('addEdge');
    const edge = made.change.type === 'addEdge' ? made.change.edge : undefined;
    expect(
      `${edge?.source.node}:${edge?.source.port} → ${edge?.target.node}:${edge?.target.port}`,
    ).toBe(expected);
  });

  const refused: [string, DragStart, string, string, RegExp][] = [
    [
      'a merge with two free inputs',
      output('d2'),
      'm2',
      'connection.choose-port',
      /Add "m2" has 2 free inputs \(input 1, input 2\)\. Let go on the dot/,
    ],
    [
      'a layer whose input is taken',
      output('d2'),
      'd1',
      'connection.port-taken',
      /already has an input/,
    ],
    [
      'an Input layer',
      output('d2'),
      'x',
      'connection.unknown-port',
      /takes no incoming connections/,
    ],
    ['itself', output('d2'), 'd2', 'connection.same-node', /cannot feed itself/],
    ['a loop', output('d3'), 'd2', 'connection.cycle', /would make a loop/],
    ['a shape that does not fit', output('d1'), 'c', 'input.rank', /./],
    [
      'from an input dot onto an Output',
      input('d3'),
      'y',
      'connection.unknown-port',
      /where the network ends/,
    ],
    [
      'a layer that is gone',
      output('d2'),
      'nope',
      'connection.unknown-node',
      /There is no layer "nope"/,
    ],
  ];
  it.each(refused)('refuses %s', (_, from, onto, code, reason) => {
    const made = connectToLayer(doc, from, onto);
    expect(made.ok).toBe(false);
    if (made.ok) return;
    expect(made.code).toBe(code);
    expect(made.reason).toMatch(reason);
  });
});
