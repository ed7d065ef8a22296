import { describe, expect, it } from 'vitest';
import { parseGraphDocument } from '../../../src/shared/graph/parse';
import { rawDocument } from '../../fixtures/build-graph';

const xor = () =>
  rawDocument(
    [
      ['x', 'Input', { form: 'vector', shape: [2] }],
      ['h', 'Dense', { units: 4, activation: 'tanh' }],
      ['o', 'Dense', { units: 1, activation: 'sigmoid' }],
      ['y', 'Output', { task: 'classification', loss: 'binaryCrossentropy' }],
    ],
    [
      ['x', 'h'],
      ['h', 'o'],
      ['o', 'y'],
    ],
  );

function problemsOf(input: unknown) {
  const result = parseGraphDocument(input);
  if (result.ok) throw new Error('expected problems, but the document parsed');
  return result.problems;
}

describe('parseGraphDocument', () => {
  it('reads a valid document and fills every parameter default', () => {
    const result = parseGraphDocument(JSON.stringify(xor()));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const hidden = result.document.nodes[1]!;
    expect(hidden.params).toMatchObject({
      units: 4,
      activation: 'tanh',
      useBias: true,
      kernelInitializer: { type: 'glorotUniform' },
      biasInitializer: { type: 'zeros' },
      l1: 0,
      l2: 0,
    });
  });

  it('accepts an initializer written as a plain name', () => {
    const doc = xor();
    (doc['nodes'] as { params: Record<string, unknown> }[])[1]!.params['kernelInitializer'] =
      'heNormal';
    const result = parseGraphDocument(doc);
    expect(result.ok && result.document.nodes[1]!.params['kernelInitializer']).toEqual({
      type: 'heNormal',
    });
  });

  it.each([
    ['{"format": "neurite-graph", "version": 1, "nodes": [', /not valid JSON/],
    ['{"format": "neurite-graph",\n "version": 1,\n "nodes": [] "edges": []}', /line 3, column/],
    ['[1, 2, 3]', /one JSON object/],
    ['42', /one JSON object/],
  ])('explains malformed JSON %#', (text, message) => {
    const problems = problemsOf(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(message);
  });

  it('refuses a file that is not a Neurite network', () => {
    const [problem] = problemsOf({ format: 'keras', nodes: [] });
    expect(problem).toMatchObject({ path: 'format' });
    expect(problem!.message).toContain('"format" must be "neurite-graph"');
  });

  it('refuses a file from a newer version without touching it, and says to update', () => {
    const doc = { ...xor(), version: 7 };
    const before = JSON.stringify(doc);
    const [problem] = problemsOf(doc);
    expect(problem!.path).toBe('version');
    expect(problem!.message).toMatch(/newer Neurite \(format version 7\).*Update Neurite/);
    expect(JSON.stringify(doc)).toBe(before);
  });

  it('names the node and the field for every bad parameter, all at once', () => {
    const doc = rawDocument(
      [
        ['x', 'Input', { form: 'vector', shape: [2] }],
        ['h', 'Dense', { units: -4, activation: 'relu' }],
        ['o', 'Dense', { units: 2.5, activation: 'sigmoidd' }],
        ['p', 'Dense', { units: '8' }],
        ['q', 'Dense', { units: Number.NaN }],
        ['y', 'Output', {}],
      ],
      [],
    );
    const problems = problemsOf(doc);
    const byPath = Object.fromEntries(problems.map((p) => [p.path, p.message]));
    expect(byPath['nodes[1].params.units']).toBe('Dense "h": "units" must be at least 1 (got -4).');
    expect(byPath['nodes[2].params.units']).toBe(
      'Dense "o": "units" must be a whole number (got 2.5).',
    );
    expect(byPath['nodes[2].params.activation']).toContain('Did you mean "sigmoid"?');
    expect(byPath['nodes[3].params.units']).toBe('Dense "p": "units" must be a number (got "8").');
    expect(byPath['nodes[4].params.units']).toMatch(/must be a number \(got NaN\)/);
  });

  it('suggests the right name for a misspelt parameter or kind', () => {
    const problems = problemsOf(
      rawDocument(
        [
          ['x', 'Input', { form: 'vector', shape: [2] }],
          ['h', 'Dense', { unit: 4 }],
          ['c', 'Conv2d', {}],
        ],
        [],
      ),
    );
    expect(problems.map((p) => p.message)).toEqual([
      'Dense "h": there is no parameter "unit". Did you mean "units"?',
      'Layer "c" has an unknown kind "Conv2d". Did you mean "Conv2D"?',
    ]);
  });

  it('finds duplicate ids and connections to layers that do not exist', () => {
    const doc = rawDocument(
      [
        ['x', 'Input', { form: 'vector', shape: [2] }],
        ['x', 'Dense', {}],
      ],
      [['x', 'hiden']],
    );
    const problems = problemsOf(doc);
    expect(problems).toContainEqual({
      path: 'nodes[1].id',
      message: 'Two layers are called "x"; every layer needs its own id.',
    });
    expect(problems.find((p) => p.path === 'edges[0].target.node')?.message).toContain(
      'a layer "hiden" that does not exist',
    );
  });

  it('refuses ids that cannot name a TensorFlow layer', () => {
    const doc = xor();
    (doc['nodes'] as { id: string }[])[1]!.id = 'hidden layer!';
    const problems = problemsOf(doc);
    expect(problems[0]!.path).toBe('nodes[1].id');
    expect(problems[0]!.message).toMatch(/must start with a letter/);
  });

  it('refuses absurd sizes at the schema when they are not whole positive numbers', () => {
    const problems = problemsOf(
      rawDocument([['x', 'Input', { form: 'image', shape: [28, 0, 1] }]], []),
    );
    expect(problems[0]).toMatchObject({ path: 'nodes[0].params.shape[1]' });
    expect(problems[0]!.message).toContain('must be at least 1 (got 0)');
  });

  it('never throws, whatever it is given', () => {
    for (const input of [
      undefined,
      null,
      '',
      'null',
      '{}',
      { format: 'neurite-graph' },
      [],
      5,
      true,
    ]) {
      expect(() => parseGraphDocument(input)).not.toThrow();
      expect(parseGraphDocument(input).ok).toBe(false);
    }
  });

  it('names the field and lists the choices for an unknown initializer', () => {
    const doc = xor();
    (doc['nodes'] as { params: Record<string, unknown> }[])[1]!.params['kernelInitializer'] =
      'heNormall';
    const [problem] = problemsOf(doc);
    expect(problem!.message).toMatch(
      /^Dense "h": "kernelInitializer" must be one of "glorotUniform", .*"randomNormal" \(got "heNormall"\)\. Did you mean "heNormal"\?$/,
    );
  });

  it('reports envelope and parameter problems together, in one pass', () => {
    const doc: Record<string, unknown> = {
      ...xor(),
      metadata: { name: 'XOR', created: '15/01/2025' },
    };
    (doc['nodes'] as { params: Record<string, unknown> }[])[1]!.params['units'] = 0;
    expect(problemsOf(doc)).toEqual([
      {
        path: 'metadata.created',
        message:
          '"created" must be a date and time like "2026-09-01T09:30:00Z" (got "15/01/2025").',
      },
      { path: 'nodes[1].params.units', message: 'Dense "h": "units" must be at least 1 (got 0).' },
    ]);
  });
});
