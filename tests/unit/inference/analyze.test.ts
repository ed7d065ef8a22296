import { describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../../src/shared/inference/analyze';
import { buildGraph, chain } from '../../fixtures/build-graph';

const vector = (n: number) => ({ form: 'vector', shape: [n] });
const codes = (doc: Parameters<typeof analyzeGraph>[0]) =>
  analyzeGraph(doc).issues.map((i) => `${i.severity}:${i.code}${i.nodeId ? `@${i.nodeId}` : ''}`);

describe('analyzeGraph: whole networks', () => {
  it('gives every node its shape and count, and totals like Keras', () => {
    const doc = chain(
      vector(3),
      [
        ['Dense', { units: 5, activation: 'relu' }],
        ['Dense', { units: 2, activation: 'softmax' }],
      ],
      { task: 'classification', loss: 'categoricalCrossentropy' },
    );
    const analysis = analyzeGraph(doc);
    expect(analysis.issues).toEqual([]);
    expect(analysis.order).toEqual(['x', 'l1', 'l2', 'y']);
    expect(analysis.nodes.get('l1')).toMatchObject({
      output: { shape: [5] },
      params: { trainable: 20 },
    });
    expect(analysis.nodes.get('l2')).toMatchObject({
      output: { shape: [2] },
      params: { trainable: 12 },
    });
    expect(analysis.totals).toMatchObject({
      trainable: 32,
      nonTrainable: 0,
      total: 32,
      parameterBytes: 128,
    });
    // 3 + 5 + 2 values per example flow out of Input, l1 and l2.
    expect(analysis.totals.activationBytesPerSample).toBe((3 + 5 + 2) * 4);
  });

  it('counts BatchNorm moving statistics as non-trainable', () => {
    const analysis = analyzeGraph(chain(vector(10), [['BatchNorm']]));
    expect(analysis.totals).toMatchObject({ trainable: 20, nonTrainable: 20 });
  });

  it('reports a missing Input and a missing Output for the whole graph', () => {
    const doc = buildGraph([['d', 'Dense']], []);
    expect(codes(doc)).toEqual(
      expect.arrayContaining(['error:graph.no-input', 'error:graph.no-output']),
    );
  });

  it('says so when a layer has nothing connected to its input', () => {
    const doc = buildGraph(
      [
        ['x', 'Input', vector(2)],
        ['d', 'Dense'],
        ['y', 'Output'],
      ],
      [['d', 'y']],
    );
    const issue = analyzeGraph(doc).issues.find((i) => i.code === 'node.input-missing');
    expect(issue?.nodeId).toBe('d');
    expect(issue?.message).toContain('Dense "d" has nothing connected to its input');
  });

  it('finds cycles and names the loop', () => {
    const doc = buildGraph(
      [
        ['x', 'Input', vector(2)],
        ['a', 'Add', { inputs: 2 }],
        ['b', 'Dense', { units: 2 }],
        ['y', 'Output'],
      ],
      [
        ['x', 'a', 'in1'],
        ['b', 'a', 'in2'],
        ['a', 'b'],
        ['b', 'y'],
      ],
    );
    const analysis = analyzeGraph(doc);
    const cycle = analysis.issues.filter((i) => i.code === 'graph.cycle');
    expect(cycle.map((i) => i.nodeId).sort()).toEqual(['a', 'b']);
    expect(cycle[0]!.message).toMatch(
      /part of a loop: (Add "a" → Dense "b" → Add "a"|Dense "b" → Add "a" → Dense "b")/,
    );
    expect(analysis.issues.find((i) => i.nodeId === 'y')?.code).toBe('graph.after-cycle');
  });

  it('flags layers cut off from the Input and layers that lead nowhere', () => {
    const doc = buildGraph(
      [
        ['x', 'Input', vector(2)],
        ['d', 'Dense'],
        ['stray', 'Dense'],
        ['dead', 'Dense'],
        ['y', 'Output'],
      ],
      [
        ['x', 'd'],
        ['d', 'y'],
        ['d', 'dead'],
      ],
    );
    expect(codes(doc)).toEqual(
      expect.arrayContaining(['error:graph.not-fed@stray', 'error:graph.unused@dead']),
    );
  });

  it('refuses two connections into one input, and connections to ports a node lacks', () => {
    const doc = buildGraph(
      [
        ['x', 'Input', vector(2)],
        ['x2', 'Input', vector(2)],
        ['d', 'Dense'],
        ['m', 'Add', { inputs: 2 }],
        ['y', 'Output'],
      ],
      [
        ['x', 'd'],
        ['x2', 'd'],
        ['d', 'm', 'in1'],
        ['d', 'm', 'in3'],
        ['m', 'y'],
      ],
    );
    const found = codes(doc);
    expect(found).toContain('error:edge.port-taken@d');
    expect(found).toContain('error:edge.unknown-port@m');
  });

  it('reports a shape error once, at its source, not on every later layer', () => {
    const doc = chain(vector(784), [
      ['Conv2D', { filters: 8 }],
      ['Flatten'],
      ['Dense', { units: 10 }],
    ]);
    const analysis = analyzeGraph(doc);
    expect(analysis.errorCount).toBe(1);
    expect(analysis.issues[0]).toMatchObject({ nodeId: 'l1', code: 'input.rank' });
    expect(analysis.issues[0]!.message).toBe(
      'Conv2D "l1" needs a 3-D input (height, width, channels) but receives (784). Add a Reshape to 28×28×1 before it.',
    );
    expect(analysis.nodes.get('l3')!.output).toBeUndefined();
  });

  it('refuses a Dense layer of 10⁹ units with the memory it would need', () => {
    const analysis = analyzeGraph(chain(vector(784), [['Dense', { units: 1e9 }]]));
    const issue = analysis.issues.find((i) => i.code === 'memory.parameters');
    expect(issue?.nodeId).toBe('l1');
    // 785 × 10⁹ weights × 4 bytes ≈ 2.9 TB
    expect(issue?.message).toBe(
      'Dense "l1" would have 785,000,000,000 weights, needing 2.9 TB of memory just to store them; one layer may use at most 1.0 GB. Use fewer units or filters, or shrink its input first.',
    );
  });

  it('refuses an Input too large for one tensor', () => {
    const analysis = analyzeGraph(
      chain({ form: 'image', shape: [100_000, 100_000, 3] }, [['Flatten']]),
    );
    expect(analysis.issues.map((i) => i.code)).toContain('memory.activations');
  });

  it.each([
    [
      'categoricalCrossentropy',
      'linear',
      'expects Softmax outputs',
      'Set its activation to Softmax',
    ],
    ['binaryCrossentropy', 'relu', 'expects Sigmoid outputs', 'Set its activation to Sigmoid'],
    ['sparseCategoricalCrossentropy', 'sigmoid', 'expects Softmax outputs', 'Softmax'],
  ])('warns when %s follows a %s activation', (loss, activation, expects, fix) => {
    const doc = chain(vector(4), [['Dense', { units: 3, activation }]], {
      task: 'classification',
      loss,
    });
    const analysis = analyzeGraph(doc);
    expect(analysis.errorCount).toBe(0);
    const warning = analysis.issues.find((i) => i.code === 'output.loss-activation');
    expect(warning?.severity).toBe('warning');
    expect(warning?.message).toContain(expects);
    expect(warning?.message).toContain(fix);
  });

  it('looks through Dropout to find the final activation, and stays quiet when it fits', () => {
    const doc = chain(vector(4), [['Dense', { units: 3, activation: 'softmax' }], ['Dropout']], {
      task: 'classification',
      loss: 'categoricalCrossentropy',
    });
    expect(analyzeGraph(doc).issues).toEqual([]);
  });

  it('reports a connection to a port that does not exist once, without a cascade after it', () => {
    const doc = buildGraph(
      [
        ['x', 'Input', vector(4)],
        ['a', 'Dense', { units: 3 }],
        ['b', 'Dense', { units: 2 }],
        ['y', 'Output'],
      ],
      [
        ['x', 'a', 'input'],
        ['a', 'b'],
        ['b', 'y'],
      ],
    );
    expect(codes(doc)).toEqual(['error:edge.unknown-port@a']);
  });
});

describe('binary step units', () => {
  it('warn, on each step layer, that gradient descent cannot train them', () => {
    const analysis = analyzeGraph(
      chain({ form: 'vector', shape: [2] }, [
        ['Dense', { units: 4, activation: 'step' }],
        ['Dense', { units: 1, activation: 'sigmoid' }],
      ]),
    );
    const warnings = analysis.issues.filter((i) => i.code === 'activation.step-no-gradient');
    expect(warnings.map((w) => w.nodeId)).toEqual(['l1']);
    expect(warnings[0]!.severity).toBe('warning');
    expect(warnings[0]!.message).toMatch(/slope is 0.*sigmoid, tanh or ReLU.*perceptron rule/);
  });

  it('do not warn for the lone perceptron unit, which learns by the perceptron rule', () => {
    const analysis = analyzeGraph(
      chain({ form: 'vector', shape: [2] }, [['Dense', { units: 1, activation: 'step' }]]),
    );
    expect(analysis.issues.map((i) => i.code)).not.toContain('activation.step-no-gradient');
  });
});
