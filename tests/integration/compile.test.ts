import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CompileOptions, CompiledGraph } from '../../src/main/engine/compiler/compile-graph';
import { GraphCompileError, compileGraph } from '../../src/main/engine/compiler/compile-graph';
import { tf } from '../../src/main/engine/tf';
import type { GraphDocument } from '../../src/shared/graph/document';
import { parseGraphDocumentOrThrow } from '../../src/shared/graph/parse';
import { analyzeGraph } from '../../src/shared/inference/analyze';

/** How the compiler turns a graph document into a TF.js model. */

interface NodeSpec {
  readonly id: string;
  readonly kind: string;
  readonly params?: Record<string, unknown>;
}

/** `[from, to]` into port "in", or `[from, to, port]`. */
type EdgeSpec = readonly [string, string, string?];

function graph(nodes: readonly NodeSpec[], edges: readonly EdgeSpec[]): GraphDocument {
  return parseGraphDocumentOrThrow({
    format: 'neurite-graph',
    version: 1,
    metadata: { name: 'compile test', description: '' },
    nodes: nodes.map((n, i) => ({ ...n, params: n.params ?? {}, position: { x: 0, y: i * 110 } })),
    edges: edges.map(([from, to, port], i) => ({
      id: `e${i + 1}`,
      source: { node: from, port: 'out' },
      target: { node: to, port: port ?? 'in' },
    })),
  });
}

/** Input → each node in turn → Output. */
function chain(input: Record<string, unknown>, ...layers: NodeSpec[]): GraphDocument {
  const nodes = [
    { id: 'x', kind: 'Input', params: input },
    ...layers,
    { id: 'y', kind: 'Output', params: { task: 'regression', loss: 'meanSquaredError' } },
  ];
  return graph(
    nodes,
    nodes.slice(1).map((n, i) => [nodes[i]!.id, n.id] as const),
  );
}

const vector = (n: number) => ({ form: 'vector', shape: [n] });

function size(shape: readonly (number | null)[]): number {
  return shape.reduce<number>((a, b) => a * (b ?? 0), 1);
}

const compiled: CompiledGraph[] = [];
/** Compiles and remembers the model so it is disposed after the test. */
function compile(document: GraphDocument, seed?: number): CompiledGraph {
  return compileWith(document, seed === undefined ? {} : { seed });
}

function compileWith(document: GraphDocument, options: CompileOptions): CompiledGraph {
  const result = compileGraph(document, options);
  compiled.push(result);
  return result;
}

function weightValues(result: CompiledGraph): Float32Array[] {
  return result.model.getWeights().map((w) => w.dataSync() as Float32Array);
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

afterEach(() => {
  for (const result of compiled.splice(0)) result.model.dispose();
});

describe('compileGraph', () => {
  it('refuses a graph with errors and lists every one of them', () => {
    const document = graph(
      [
        { id: 'x', kind: 'Input', params: vector(4) },
        // A Conv2D needs an image; a vector is the wrong rank.
        { id: 'conv', kind: 'Conv2D', params: { filters: 2 } },
        { id: 'y', kind: 'Output' },
        // Fed by nothing.
        { id: 'orphan', kind: 'Dense', params: { units: 2 } },
      ],
      [
        ['x', 'conv'],
        ['conv', 'y'],
      ],
    );
    const expected = analyzeGraph(document).issues.filter((i) => i.severity === 'error');
    expect(expected.length).toBeGreaterThanOrEqual(2);

    let thrown: unknown;
    try {
      compileGraph(document);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(GraphCompileError);
    const error = thrown as GraphCompileError;
    expect(error.issues).toEqual(expected);
    expect(error.issues.map((i) => i.code)).toEqual(
      expect.arrayContaining(['input.rank', 'graph.not-fed']),
    );
    expect(error.message).toContain(`${expected.length} errors`);
    for (const issue of expected) expect(error.message).toContain(issue.message);
  });

  it('names every TF.js layer after its node id', () => {
    const document = graph(
      [
        { id: 'pixels', kind: 'Input', params: { form: 'image', shape: [8, 8, 1] } },
        { id: 'conv_1', kind: 'Conv2D', params: { filters: 4, activation: 'leakyRelu' } },
        { id: 'flat', kind: 'Flatten' },
        { id: 'hidden-layer', kind: 'Dense', params: { units: 8, activation: 'relu' } },
        { id: 'Scores2', kind: 'Dense', params: { units: 3, activation: 'softmax' } },
        { id: 'out', kind: 'Output' },
      ],
      [
        ['pixels', 'conv_1'],
        ['conv_1', 'flat'],
        ['flat', 'hidden-layer'],
        ['hidden-layer', 'Scores2'],
        ['Scores2', 'out'],
      ],
    );
    const { model, layersByNode, inputNodeIds, outputNodeIds } = compile(document);
    for (const id of ['pixels', 'conv_1', 'flat', 'hidden-layer', 'Scores2']) {
      expect(layersByNode.get(id)?.[0]).toBe(id);
      expect(model.getLayer(id).name).toBe(id);
    }
    expect(layersByNode.get('conv_1')).toEqual(['conv_1', 'conv_1_activation']);
    expect(layersByNode.has('out')).toBe(false);
    expect(model.layers.map((l) => l.name).sort()).toEqual(
      ['pixels', 'conv_1', 'conv_1_activation', 'flat', 'hidden-layer', 'Scores2'].sort(),
    );
    expect(inputNodeIds).toEqual(['pixels']);
    expect(outputNodeIds).toEqual(['out']);
  });

  describe('seeds', () => {
    const document = graph(
      [
        { id: 'image', kind: 'Input', params: { form: 'image', shape: [8, 8, 1] } },
        { id: 'conv', kind: 'Conv2D', params: { filters: 4, activation: 'relu' } },
        { id: 'bn', kind: 'BatchNorm' },
        { id: 'flat', kind: 'Flatten' },
        { id: 'hidden', kind: 'Dense', params: { units: 8, activation: 'prelu' } },
        { id: 'drop', kind: 'Dropout', params: { rate: 0.3 } },
        {
          id: 'scores',
          kind: 'Dense',
          params: {
            units: 3,
            activation: 'softmax',
            biasInitializer: { type: 'randomNormal', stddev: 0.1 },
          },
        },
        { id: 'y', kind: 'Output' },
      ],
      [
        ['image', 'conv'],
        ['conv', 'bn'],
        ['bn', 'flat'],
        ['flat', 'hidden'],
        ['hidden', 'drop'],
        ['drop', 'scores'],
        ['scores', 'y'],
      ],
    );

    it('gives identical initial weights for the same seed', () => {
      const a = weightValues(compile(document, 42));
      const b = weightValues(compile(document, 42));
      expect(a.length).toBeGreaterThan(0);
      a.forEach((values, i) => expect(Array.from(values)).toEqual(Array.from(b[i]!)));
    });

    it('gives different initial weights for a different seed, or none', () => {
      const first = compile(document, 42);
      const a = weightValues(first);
      const b = weightValues(compile(document, 43));
      const c = weightValues(compile(document));
      const names = first.model.weights.map((w) => w.originalName);
      // Every randomly initialised weight changes; zeros/ones stay as they are.
      for (const random of ['conv/kernel', 'hidden/kernel', 'scores/kernel', 'scores/bias']) {
        const i = names.indexOf(random);
        expect(i, random).toBeGreaterThanOrEqual(0);
        expect(Array.from(a[i]!), random).not.toEqual(Array.from(b[i]!));
        expect(Array.from(a[i]!), random).not.toEqual(Array.from(c[i]!));
      }
    });

    it('seeds recurrent weights too, and gives the two directions of a Bidirectional their own', () => {
      const recurrent = graph(
        [
          { id: 'seq', kind: 'Input', params: { form: 'sequence', shape: [5, 3] } },
          { id: 'rnn', kind: 'SimpleRNN', params: { units: 4, returnSequences: true } },
          { id: 'gru', kind: 'GRU', params: { units: 4, returnSequences: true } },
          { id: 'bi', kind: 'LSTM', params: { units: 4, bidirectional: true } },
          { id: 'y', kind: 'Output', params: { task: 'regression', loss: 'meanSquaredError' } },
        ],
        [
          ['seq', 'rnn'],
          ['rnn', 'gru'],
          ['gru', 'bi'],
          ['bi', 'y'],
        ],
      );
      const first = compile(recurrent, 7);
      const a = weightValues(first);
      const b = weightValues(compile(recurrent, 7));
      const names = first.model.weights.map((w) => w.originalName);
      expect(names.filter((n) => n.includes('recurrent_kernel'))).toHaveLength(4);
      a.forEach((values, i) => expect(Array.from(values), names[i]).toEqual(Array.from(b[i]!)));
      const forward = a[names.findIndex((n) => n.includes('forward_') && n.endsWith('/kernel'))]!;
      const backward = a[names.findIndex((n) => n.includes('backward_') && n.endsWith('/kernel'))]!;
      expect(forward.length).toBe(backward.length);
      expect(Array.from(forward)).not.toEqual(Array.from(backward));
    });
  });

  describe('activations the engine adds', () => {
    /** d/dw and d/db of Σ step(x·w + b) over the rows, for the step's two gradients. */
    function stepGradients(perceptronRule: boolean) {
      const { model, layersByNode } = compileWith(
        chain(vector(2), { id: 'unit', kind: 'Dense', params: { units: 1, activation: 'step' } }),
        { seed: 7, perceptronRule },
      );
      expect(layersByNode.get('unit')).toEqual(['unit', 'unit_activation']);
      expect(model.getLayer('unit_activation').getClassName()).toBe('NeuriteStep');

      const rows = [
        [0, 0],
        [1, 2],
        [-1, -2],
        [3, -1],
        [-3, 1],
        [0.25, -4],
      ];
      const x = tf.tensor2d(rows);
      const predicted = model.predict(x) as tf.Tensor;
      const values = Array.from(predicted.dataSync());
      predicted.dispose();
      expect(values.every((v) => v === 0 || v === 1)).toBe(true);
      // The bias starts at 0, so the zero input sits on the threshold: step(0) = 1.
      expect(values[0]).toBe(1);
      // x and −x fall on opposite sides of the line through the origin.
      expect(values[1]! + values[2]!).toBe(1);

      // A LayerVariable reads as the tf.Variable that holds its value.
      const [kernel, bias] = model
        .getLayer('unit')
        .trainableWeights.map((w) => w.read() as tf.Variable);
      const { grads } = tf.variableGrads(
        () => tf.sum<tf.Scalar>(model.apply(x, { training: true }) as tf.Tensor),
        [kernel!, bias!],
      );
      const kernelGrad = Array.from(grads[kernel!.name]!.dataSync());
      const biasGrad = Array.from(grads[bias!.name]!.dataSync());
      Object.values(grads).forEach((g) => g.dispose());
      x.dispose();
      return { kernelGrad, biasGrad, sums: [0, 1].map((j) => rows.reduce((s, r) => s + r[j]!, 0)) };
    }

    it('a step unit outputs exactly 0 or 1, with the true derivative 0: no gradient passes it', () => {
      const { kernelGrad, biasGrad } = stepGradients(false);
      expect(kernelGrad).toEqual([0, 0]);
      expect(biasGrad).toEqual([0]);
    });

    it('the lone perceptron unit passes the gradient straight through, for the perceptron rule', () => {
      // d/dw Σ step(x·w + b) straight through is Σ x; d/db is the number of rows.
      const { kernelGrad, biasGrad, sums } = stepGradients(true);
      expect(kernelGrad).toEqual(sums);
      expect(biasGrad).toEqual([6]);
      expect(kernelGrad.some((g) => g !== 0)).toBe(true);
    });

    it('hard tanh clips to [−1, 1] and passes the gradient only inside', () => {
      const { model, layersByNode } = compile(
        chain(vector(6), { id: 'clip', kind: 'Activation', params: { activation: 'hardTanh' } }),
      );
      expect(layersByNode.get('clip')).toEqual(['clip']);
      expect(model.getLayer('clip').getClassName()).toBe('NeuriteHardTanh');
      const input = [-3, -1, -0.5, 0, 0.5, 2];
      const x = tf.tensor2d([input]);
      const y = model.predict(x) as tf.Tensor;
      expect(Array.from(y.dataSync())).toEqual([-1, -1, -0.5, 0, 0.5, 1]);

      const wide = tf.mul(tf.randomNormal([64, 6], 0, 1, 'float32', 3), 10);
      const clipped = model.predict(wide) as tf.Tensor;
      const values = Array.from(clipped.dataSync());
      expect(Math.max(...values)).toBe(1);
      expect(Math.min(...values)).toBe(-1);

      const layer = model.getLayer('clip');
      const grad = tf.grad((t: tf.Tensor) => tf.sum(layer.apply(t) as tf.Tensor))(
        tf.tensor1d([-3, -0.5, 0.5, 2]),
      );
      expect(Array.from(grad.dataSync())).toEqual([0, 1, 1, 0]);
      tf.dispose([x, y, wide, clipped, grad]);
    });

    it('a Dense with hard tanh gets a NeuriteHardTanh layer after it', () => {
      const { model, layersByNode } = compile(
        chain(vector(2), { id: 'h', kind: 'Dense', params: { units: 3, activation: 'hardTanh' } }),
      );
      expect(layersByNode.get('h')).toEqual(['h', 'h_activation']);
      expect(model.getLayer('h_activation').getClassName()).toBe('NeuriteHardTanh');
    });

    it('leaky ReLU becomes a weightless <id>_activation layer with the chosen slope', () => {
      const document = chain(vector(2), {
        id: 'leaky',
        kind: 'Dense',
        params: { units: 3, activation: 'leakyRelu', leakyAlpha: 0.2 },
      });
      const analysis = analyzeGraph(document);
      const { model, layersByNode } = compile(document);
      expect(layersByNode.get('leaky')).toEqual(['leaky', 'leaky_activation']);
      const activation = model.getLayer('leaky_activation');
      expect(activation.getClassName()).toBe('LeakyReLU');
      expect(activation.countParams()).toBe(0);
      expect(model.getLayer('leaky').countParams()).toBe(9); // 2·3 + 3
      expect(analysis.nodes.get('leaky')!.params).toEqual({ trainable: 9, nonTrainable: 0 });
      const out = activation.apply(tf.tensor2d([[-1, 0, 2]])) as tf.Tensor;
      const values = Array.from(out.dataSync());
      expect(values[0]).toBeCloseTo(-0.2, 6);
      expect(values.slice(1)).toEqual([0, 2]);
      out.dispose();
    });

    it('PReLU learns one slope per output value, in <id>_activation', () => {
      const dense = chain(vector(3), {
        id: 'para',
        kind: 'Dense',
        params: { units: 4, activation: 'prelu' },
      });
      const conv = chain(
        { form: 'image', shape: [6, 6, 1] },
        { id: 'cp', kind: 'Conv2D', params: { filters: 2, kernelSize: 3, activation: 'prelu' } },
      );
      const standalone = chain(vector(5), {
        id: 'act',
        kind: 'Activation',
        params: { activation: 'prelu' },
      });
      const cases = [
        // 3·4 + 4 weights and biases, then 4 slopes.
        { document: dense, id: 'para', main: 16, slopes: 4, names: ['para', 'para_activation'] },
        // 3·3·1·2 + 2 weights and biases; valid 6 − 3 + 1 = 4, so 4·4·2 = 32 slopes.
        { document: conv, id: 'cp', main: 20, slopes: 32, names: ['cp', 'cp_activation'] },
        // A stand-alone Activation is the PReLU itself: 5 slopes, no suffix.
        { document: standalone, id: 'act', main: 5, slopes: 0, names: ['act'] },
      ];
      for (const { document, id, main, slopes, names } of cases) {
        const analysis = analyzeGraph(document);
        const { model, layersByNode } = compile(document);
        expect(layersByNode.get(id), id).toEqual(names);
        const prelu = model.getLayer(names[names.length - 1]!);
        expect(prelu.getClassName(), id).toBe('PReLU');
        expect(model.getLayer(id).countParams(), id).toBe(main);
        if (names.length > 1) expect(prelu.countParams(), id).toBe(slopes);
        expect(analysis.nodes.get(id)!.params.trainable, id).toBe(main + slopes);
        expect(model.countParams(), id).toBe(analysis.totals.total);
      }
    });
  });

  it('builds a multi-input model with its inputs in document order', () => {
    const document = graph(
      [
        { id: 'first', kind: 'Input', params: vector(3) },
        { id: 'second', kind: 'Input', params: vector(5) },
        { id: 'from_second', kind: 'Dense', params: { units: 4, activation: 'relu' } },
        { id: 'from_first', kind: 'Dense', params: { units: 2, activation: 'relu' } },
        { id: 'join', kind: 'Concatenate', params: { inputs: 2 } },
        { id: 'head', kind: 'Dense', params: { units: 1, activation: 'sigmoid' } },
        { id: 'y', kind: 'Output', params: { loss: 'binaryCrossentropy' } },
      ],
      [
        // The second input feeds the merge's first port, so port order ≠ document order.
        ['second', 'from_second'],
        ['first', 'from_first'],
        ['from_second', 'join', 'in1'],
        ['from_first', 'join', 'in2'],
        ['join', 'head'],
        ['head', 'y'],
      ],
    );
    const { model, inputNodeIds, layersByNode } = compile(document);
    expect(inputNodeIds).toEqual(['first', 'second']);
    expect(model.inputNames).toEqual(['first', 'second']);
    expect(model.inputs.map((t) => t.shape)).toEqual([
      [null, 3],
      [null, 5],
    ]);
    expect(model.getLayer(layersByNode.get('join')![0]!).outputShape).toEqual([null, 6]);
    const inputs = [tf.ones([2, 3]), tf.ones([2, 5])];
    const y = model.predict(inputs) as tf.Tensor;
    expect(y.shape).toEqual([2, 1]);
    tf.dispose([...inputs, y]);
  });

  it('runs a model with an Add merge and returns the inferred shape', () => {
    const document = graph(
      [
        { id: 'image', kind: 'Input', params: { form: 'image', shape: [8, 8, 4] } },
        {
          id: 'conv',
          kind: 'Conv2D',
          params: { filters: 4, kernelSize: 3, padding: 'same', activation: 'relu' },
        },
        { id: 'skip', kind: 'Add', params: { inputs: 2 } },
        { id: 'y', kind: 'Output', params: { task: 'regression', loss: 'meanSquaredError' } },
      ],
      [
        ['image', 'conv'],
        ['conv', 'skip', 'in1'],
        ['image', 'skip', 'in2'],
        ['skip', 'y'],
      ],
    );
    const inferred = analyzeGraph(document).nodes.get('skip')!.output!.shape;
    expect(inferred).toEqual([8, 8, 4]);
    const { model } = compile(document, 1);
    const zeros = tf.zeros([3, 8, 8, 4]);
    const y = model.predict(zeros) as tf.Tensor;
    expect(y.shape).toEqual([3, ...inferred]);
    // Zero in, zero bias, ReLU: the convolution adds nothing to the zeros passed round it.
    expect(Array.from(y.dataSync()).every((v) => v === 0)).toBe(true);
    expect(size(y.shape)).toBe(3 * 8 * 8 * 4);
    tf.dispose([zeros, y]);
  });
});
