import { describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../../src/shared/inference/analyze';
import { buildGraph } from '../../fixtures/build-graph';
import { applyChange, canConnect, connect } from './model';

const out = (node: string) => ({ node, port: 'out' });
const into = (node: string, port = 'in') => ({ node, port });

/** x (784) → d1 → d2 → m (Add, in1) → d3; free: a Dense d4, a Conv2D c, an Output y. */
const doc = buildGraph(
  [
    ['x', 'Input', { form: 'vector', shape: [784] }],
    ['d1', 'Dense', { units: 16 }],
    ['d2', 'Dense', { units: 10 }],
    ['d3', 'Dense', { units: 4 }],
    ['d4', 'Dense', { units: 4 }],
    ['c', 'Conv2D', { filters: 8 }],
    ['m', 'Add'],
    ['y', 'Output', { task: 'regression', loss: 'meanSquaredError' }],
  ],
  [
    ['x', 'd1'],
    ['d1', 'd2'],
    ['d2', 'm', 'in1'],
    ['m', 'd3'],
  ],
);

describe('canConnect', () => {
  const refused: [string, string, string, string, string][] = [
    [
      'same node',
      'd1',
      'd1',
      'connection.same-node',
      'Dense "d1" cannot feed itself. Connect it to the next layer instead.',
    ],
    [
      'a cycle',
      'd3',
      'm:in2',
      'connection.cycle',
      'This connection would make a loop: Add "m" → Dense "d3" → Add "m". Data must flow one way, from Input to Output.',
    ],
    [
      'a taken input',
      'x',
      'd2',
      'connection.port-taken',
      'Dense "d2" already has an input. A layer reads one input; to combine several, connect them to an Add or Concatenate first.',
    ],
    [
      'Conv2D fed a vector',
      'x',
      'c',
      'input.rank',
      'Conv2D "c" needs a 3-D input (height, width, channels) but receives (784). Add a Reshape to 28×28×1 before it.',
    ],
    [
      'a connection into an Input',
      'd1',
      'x',
      'connection.unknown-port',
      'Input "x" is where data enters; it takes no incoming connections.',
    ],
    [
      'a connection out of an Output',
      'y',
      'd3',
      'connection.unknown-port',
      'Output "y" is where the network ends; nothing can come out of it.',
    ],
    ['an unknown node', 'ghost', 'd3', 'connection.unknown-node', 'There is no layer "ghost".'],
  ];

  it.each(refused)('refuses %s', (_name, from, to, code, reason) => {
    const [node, port] = to.split(':') as [string, string?];
    expect(canConnect(doc, out(from), into(node, port))).toEqual({ ok: false, code, reason });
  });

  it('refuses an input port the node does not have, and a taken one of several', () => {
    expect(canConnect(doc, out('d4'), into('m', 'in3'))).toMatchObject({
      ok: false,
      reason: 'Add "m" has no input "in3".',
    });
    expect(canConnect(doc, out('d4'), into('m', 'in1'))).toMatchObject({
      ok: false,
      code: 'connection.port-taken',
    });
    expect(canConnect(doc, out('d1'), into('d3', 'out'))).toMatchObject({ ok: false });
  });

  it('allows a valid Dense → Dense', () => {
    expect(canConnect(doc, out('d2'), into('d4'))).toEqual({ ok: true });
  });

  it('does not count an unfinished network against a connection', () => {
    // After this, d4 is fed but leads to no Output yet: that is work in progress, not a mistake.
    const check = canConnect(doc, out('d3'), into('d4'));
    expect(check).toEqual({ ok: true });
  });

  it('allows a connection whose target error was already there', () => {
    // d4 is fed by nothing, so "not connected to any Input" is already an error on it.
    expect(canConnect(doc, out('d4'), into('y'))).toEqual({ ok: true });
  });

  it('gives the same answer with an analysis the caller already has', () => {
    const analysis = analyzeGraph(doc);
    expect(canConnect(doc, out('x'), into('c'), { analysis })).toEqual(
      canConnect(doc, out('x'), into('c')),
    );
    expect(canConnect(doc, out('d2'), into('d4'), { analysis })).toEqual({ ok: true });
  });

  it('connect gives an addEdge change with a fresh id', () => {
    const made = connect(doc, out('d2'), into('d4'));
    expect(made).toMatchObject({
      ok: true,
      change: { type: 'addEdge', edge: { id: 'e5', source: out('d2'), target: into('d4') } },
    });
    if (!made.ok) return;
    expect(applyChange(doc, made.change).ok).toBe(true);
    expect(connect(doc, out('d1'), into('d1'))).toMatchObject({ ok: false });
  });
});
