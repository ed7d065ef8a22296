import { describe, expect, it } from 'vitest';
import { checkFit, splitAdvice } from '../../../src/main/services/datasets/fit-check';
import type { DatasetInfo } from '../../../src/shared/data/dataset-info';
import type { DatasetFit } from '../../../src/shared/data/dataset-preview';
import type { GraphDocument } from '../../../src/shared/graph/document';
import { parseGraphDocumentOrThrow } from '../../../src/shared/graph/parse';
import { buildGraph, chain } from '../../fixtures/build-graph';

/** The data panel's fit check: the trainer's own rule, split into what is wrong and the fix. */

function info(overrides: Partial<DatasetInfo>): DatasetInfo {
  return {
    title: 'Test set',
    task: 'classification',
    featureShape: [4],
    featureType: 'float32',
    classNames: ['a', 'b', 'c'],
    targetSize: 1,
    count: 30,
    notes: [],
    ...overrides,
  };
}

/** The network with every problem's edit merged into its node's params, as the editor does. */
function withEdits(graph: GraphDocument, fit: DatasetFit): GraphDocument {
  const edits = fit.problems.flatMap((p) => (p.edit ? [p.edit] : []));
  return parseGraphDocumentOrThrow({
    ...graph,
    nodes: graph.nodes.map((node) => {
      const params = edits
        .filter((e) => e.nodeId === node.id)
        .reduce((merged, e) => ({ ...merged, ...e.params }), node.params);
      return { ...node, params };
    }),
  });
}

const softmaxHead = (units: number) => [['Dense', { units, activation: 'softmax' }]] as const;
const classify = { task: 'classification', loss: 'categoricalCrossentropy' };

describe('checkFit', () => {
  it('fits when the Input takes the examples and the last Dense gives one value per class', () => {
    const graph = chain({ form: 'vector', shape: [4] }, softmaxHead(3), classify);
    expect(checkFit(info({}), graph)).toEqual({
      status: 'fits',
      ok: true,
      problems: [],
      notes: [],
    });
  });

  it('notes that an MLP reads each image as one flat list', () => {
    const graph = chain({ form: 'vector', shape: [784] }, softmaxHead(10), classify);
    const digits = info({ featureShape: [28, 28, 1], classNames: [...'0123456789'] });
    expect(checkFit(digits, graph).notes).toEqual([
      'Each 28×28×1 example is read as one list of 784 values, as Input "x" expects.',
    ]);
  });

  it('offers both ways to read images with a vector Input of the wrong size', () => {
    const graph = chain({ form: 'vector', shape: [100] }, softmaxHead(10), classify);
    const digits = info({ featureShape: [28, 28, 1], classNames: [...'0123456789'] });
    const fit = checkFit(digits, graph);
    expect(fit.status).toBe('mismatch');
    expect(fit.problems).toEqual([
      {
        message:
          'The data set "Test set" gives examples of shape 28×28×1, but Input "x" expects 100.',
        fix: 'Set the shape of Input "x" to [784] (each 28×28×1 example read as one list), or set its form to "image" and its shape to [28, 28, 1].',
        // The first choice: the MLP keeps its layers.
        edit: { nodeId: 'x', params: { shape: [784] } },
      },
    ]);
    expect(checkFit(digits, withEdits(graph, fit)).status).toBe('fits');
  });

  it('tells a number Input to take tokens for a text data set', () => {
    const graph = chain({ form: 'vector', shape: [100] }, softmaxHead(2), classify);
    const texts = info({ featureType: 'int32', featureShape: [100], classNames: ['neg', 'pos'] });
    const fit = checkFit(texts, graph);
    expect(fit.problems[0]?.fix).toBe(
      'Set the form of Input "x" to "tokens" and its shape to [100], and put an Embedding after it.',
    );
    // The Embedding to add is more than a change of the Input's params.
    expect(fit.problems[0]?.edit).toBeUndefined();
  });

  it('reports the Input and the Output together, checking the Output as if the Input were fixed', () => {
    const graph = chain({ form: 'vector', shape: [2] }, softmaxHead(2), classify);
    const fit = checkFit(info({}), graph);
    expect(fit.problems.map((p) => p.fix)).toEqual([
      'Set the shape of Input "x" to [4].',
      'Set Dense "l1" to 3 units, one per class.',
    ]);
    expect(fit.problems[1]?.message).toBe(
      'The data set "Test set" has 3 classes, but the network ends with 2 values.',
    );
    expect(fit.problems.map((p) => p.edit)).toEqual([
      { nodeId: 'x', params: { shape: [4] } },
      { nodeId: 'l1', params: { units: 3 } },
    ]);
    expect(checkFit(info({}), withEdits(graph, fit))).toMatchObject({ status: 'fits', ok: true });
  });

  it('applies the Input edit alone when only the Input does not fit', () => {
    const graph = chain({ form: 'vector', shape: [7] }, softmaxHead(3), classify);
    const fit = checkFit(info({}), graph);
    expect(fit.problems.map((p) => p.edit)).toEqual([{ nodeId: 'x', params: { shape: [4] } }]);
    expect(checkFit(info({}), withEdits(graph, fit)).status).toBe('fits');
  });

  it('changes the form too when the examples have another number of axes', () => {
    const graph = chain(
      { form: 'image', shape: [28, 28, 1] },
      [['Flatten'], ['Dense', { units: 3, activation: 'softmax' }]],
      classify,
    );
    const series = info({ featureShape: [20, 2] });
    const fit = checkFit(series, graph);
    expect(fit.problems.map((p) => p.fix)).toEqual([
      'Set the form of Input "x" to "sequence" and its shape to [20, 2].',
    ]);
    expect(fit.problems[0]?.edit).toEqual({
      nodeId: 'x',
      params: { form: 'sequence', shape: [20, 2] },
    });
    expect(checkFit(series, withEdits(graph, fit)).status).toBe('fits');
  });

  it('switches the Output between regression and classification as one edit', () => {
    const graph = chain({ form: 'vector', shape: [4] }, [['Dense', { units: 3 }]], classify);
    const numbers = info({ task: 'regression', classNames: undefined, targetSize: 3 });
    const fit = checkFit(numbers, graph);
    expect(fit.problems).toEqual([
      expect.objectContaining({
        fix: 'Set the task of Output "y" to regression and its loss to Mean squared error (MSE).',
        edit: { nodeId: 'y', params: { task: 'regression', loss: 'meanSquaredError' } },
      }),
    ]);
    expect(checkFit(numbers, withEdits(graph, fit)).status).toBe('fits');
  });

  it('suggests binary cross-entropy for one output and two classes', () => {
    const graph = chain(
      { form: 'vector', shape: [4] },
      [['Dense', { units: 1, activation: 'sigmoid' }]],
      classify,
    );
    const fit = checkFit(info({ classNames: ['no', 'yes'] }), graph);
    expect(fit.problems.map((p) => p.fix)).toEqual([
      'Set the loss of Output "y" to Binary cross-entropy (with a sigmoid activation on Dense "l1"), or set Dense "l1" to 2 units, one per class.',
    ]);
    // Its first choice changes two layers: not one edit.
    expect(fit.problems[0]?.edit).toBeUndefined();
  });

  it('asks for as many linear units as numbers to predict in a regression', () => {
    const graph = chain({ form: 'vector', shape: [4] }, [['Dense', { units: 3 }]]);
    const fit = checkFit(info({ task: 'regression', classNames: undefined, targetSize: 2 }), graph);
    expect(fit.problems.map((p) => p.fix)).toEqual([
      'Set Dense "l1" to 2 units, one per number to predict, with a linear activation.',
    ]);
    expect(fit.problems[0]?.edit).toEqual({
      nodeId: 'l1',
      params: { units: 2, activation: 'linear' },
    });
  });

  it('leaves the fit unchecked while the network has errors or no network is given', () => {
    expect(checkFit(info({}), undefined).status).toBe('unchecked');
    const broken = chain({ form: 'image', shape: [4] }, softmaxHead(3), classify);
    const fit = checkFit(info({}), broken);
    expect(fit.status).toBe('unchecked');
    expect(fit.problems[0]?.message).toMatch(
      /^The network has 1 error, so its shapes are not known yet/,
    );
  });

  it('refuses a network with two Inputs, as the trainer does', () => {
    const graph = buildGraph(
      [
        ['a', 'Input', { shape: [4] }],
        ['b', 'Input', { shape: [4] }],
        ['sum', 'Add'],
        ['y', 'Output', { task: 'regression', loss: 'meanSquaredError' }],
      ],
      [
        ['a', 'sum', 'in1'],
        ['b', 'sum', 'in2'],
        ['sum', 'y'],
      ],
    );
    const fit = checkFit(info({ task: 'regression', classNames: undefined, targetSize: 4 }), graph);
    expect(fit.status).toBe('mismatch');
    expect(fit.problems[0]?.message).toBe(
      'Training on one data set needs exactly one Input and one Output; this network has 2 Inputs and 1 Output.',
    );
    expect(fit.problems[0]?.edit).toBeUndefined();
  });
});

describe('splitAdvice', () => {
  it('splits the trainer’s message at its first instruction', () => {
    expect(splitAdvice('The network ends with 4×4. Add a Flatten before the last Dense.')).toEqual({
      message: 'The network ends with 4×4.',
      fix: 'Add a Flatten before the last Dense.',
    });
  });

  it('keeps a message without an instruction whole and gives a general fix', () => {
    expect(splitAdvice('Token ids cannot be reconstructed.')).toEqual({
      message: 'Token ids cannot be reconstructed.',
      fix: 'Change the network in the Network tab, or pick a data set that fits it.',
    });
  });
});

describe('an Input fix the layers after it cannot take', () => {
  it('says so, and which data would suit the network', () => {
    const graph = chain({ form: 'sequence', shape: [20, 1] }, [
      ['LSTM', { units: 8 }],
      ['Dense', { units: 1 }],
    ]);
    const points = info({ featureShape: [2], classNames: ['0', '1'] });
    const fit = checkFit(points, graph);
    expect(fit.problems).toHaveLength(1);
    expect(fit.problems[0]?.fix).toBe(
      'Set the form of Input "x" to "vector" and its shape to [2]. The layers after it would then need changing as well, so a data set shaped like [20, 1] may suit this network better.',
    );
    // Applying the Input change alone would break the network, so it is not offered.
    expect(fit.problems[0]?.edit).toBeUndefined();
  });
});

describe('a warning that will ruin training', () => {
  it('does not say "fits" while the loss does not suit the final activation, and offers the fix', () => {
    const graph = chain({ form: 'vector', shape: [4] }, [['Dense', { units: 3 }]], classify);
    const fit = checkFit(info({}), graph);
    expect(fit.status).toBe('mismatch');
    expect(fit.problems).toHaveLength(1);
    expect(fit.problems[0]?.message).toContain('Categorical cross-entropy');
    expect(fit.problems[0]?.fix).toMatch(/^Set its activation to softmax/i);
    expect(fit.problems[0]?.edit).toEqual({ nodeId: 'l1', params: { activation: 'softmax' } });
    expect(checkFit(info({}), withEdits(graph, fit)).status).toBe('fits');
  });

  it('does not say "fits" while a step unit blocks gradient descent', () => {
    const graph = chain(
      { form: 'vector', shape: [4] },
      [['Dense', { units: 4, activation: 'step' }], ...softmaxHead(3)],
      classify,
    );
    const fit = checkFit(info({}), graph);
    expect(fit.status).toBe('mismatch');
    expect(fit.problems.map((p) => p.fix)).toEqual([
      'Pick a smooth activation to train this network.',
    ]);
  });
});

describe('"Apply all fixes", planned together', () => {
  /** The network with the planned edits applied, as the editor does. */
  const withAll = (graph: GraphDocument, fit: DatasetFit) =>
    withEdits(graph, {
      ...fit,
      problems: (fit.applyAll ?? []).map((edit) => ({ message: '', fix: '', edit })),
    });

  it('plans past what one fix reveals: a regression network given classes', () => {
    const graph = chain({ form: 'vector', shape: [4] }, [['Dense', { units: 1 }]]);
    const fit = checkFit(info({}), graph);
    // Today's one fix (task and loss) alone would leave 1 unit and a linear activation.
    expect(fit.problems).toHaveLength(1);
    expect(checkFit(info({}), withEdits(graph, fit)).status).toBe('mismatch');
    expect(fit.applyAll).toEqual([
      { nodeId: 'y', params: { task: 'classification', loss: 'categoricalCrossentropy' } },
      { nodeId: 'l1', params: { units: 3, activation: 'softmax' } },
    ]);
    expect(checkFit(info({}), withAll(graph, fit)).status).toBe('fits');
  });

  it.each([
    [
      'Iris on XOR',
      chain({ form: 'vector', shape: [2] }, [['Dense', { units: 1, activation: 'sigmoid' }]], {
        task: 'classification',
        loss: 'binaryCrossentropy',
      }),
      info({}),
    ],
    [
      'classes on a regression network',
      chain({ form: 'vector', shape: [2] }, [['Dense', { units: 1 }]]),
      info({}),
    ],
    [
      'numbers on a classifier',
      chain({ form: 'vector', shape: [4] }, softmaxHead(3), classify),
      info({ task: 'regression', classNames: undefined, targetSize: 2 }),
    ],
    [
      'digits on an MLP',
      chain({ form: 'vector', shape: [2] }, softmaxHead(2), classify),
      info({ featureShape: [28, 28, 1], classNames: [...'0123456789'] }),
    ],
  ])('never leaves a mismatch once applied: %s', (_name, graph, data) => {
    const fit = checkFit(data, graph);
    expect(fit.status).toBe('mismatch');
    expect(fit.applyAll).toBeDefined();
    expect(checkFit(data, withAll(graph, fit)).status).toBe('fits');
  });

  it('is not offered when a problem has no edit to apply', () => {
    const graph = chain({ form: 'sequence', shape: [20, 1] }, [
      ['LSTM', { units: 8 }],
      ['Dense', { units: 1 }],
    ]);
    const fit = checkFit(info({ featureShape: [2], classNames: ['0', '1'] }), graph);
    expect(fit.applyAll).toBeUndefined();
  });
});
