import { describe, expect, it } from 'vitest';
import { rawDocument } from '../../fixtures/build-graph';
import { runNeurite, tempFile } from '../../fixtures/cli';

const mlp = rawDocument(
  [
    ['x', 'Input', { form: 'vector', shape: [3] }],
    ['hidden', 'Dense', { units: 5, activation: 'relu' }],
    ['probs', 'Dense', { units: 2, activation: 'softmax' }],
    ['y', 'Output', { task: 'classification', loss: 'categoricalCrossentropy' }],
  ],
  [
    ['x', 'hidden'],
    ['hidden', 'probs'],
    ['probs', 'y'],
  ],
);

describe('neurite inspect', () => {
  it('prints a table of layers with shapes, counts and totals', async () => {
    const run = await runNeurite('inspect', tempFile('mlp.json', mlp));
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const lines = run.stdout.split('\n');
    expect(lines[0]).toBe('Test network');
    expect(lines.find((l) => l.startsWith('hidden'))).toMatch(
      /^hidden\s+Dense\s+5 units · ReLU\s+5\s+20$/,
    );
    expect(lines.find((l) => l.startsWith('probs'))).toMatch(/Dense\s+2 units · Softmax\s+2\s+12$/);
    expect(run.stdout).toContain('Total parameters:         32 (128 bytes)');
    expect(run.stdout).toContain('Trainable parameters:     32');
    expect(run.stdout).toContain('The network is valid.');
  });

  it('prints the same as JSON with --json, with the batch dimension as null', async () => {
    const run = await runNeurite('inspect', '--json', tempFile('mlp.json', mlp));
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.valid).toBe(true);
    expect(result.layers.map((l: { id: string }) => l.id)).toEqual(['x', 'hidden', 'probs', 'y']);
    expect(result.layers[1]).toMatchObject({
      kind: 'Dense',
      outputShape: [null, 5],
      params: { trainable: 20, nonTrainable: 0, total: 20 },
    });
    expect(result.totals).toMatchObject({ total: 32, trainable: 32 });
  });

  it('lists the errors of an invalid network and exits 1', async () => {
    const broken = rawDocument(
      [
        ['x', 'Input', { form: 'vector', shape: [784] }],
        ['conv', 'Conv2D', { filters: 8 }],
        ['y', 'Output', {}],
      ],
      [
        ['x', 'conv'],
        ['conv', 'y'],
      ],
    );
    const run = await runNeurite('inspect', tempFile('broken.json', broken));
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      '✗ error: Conv2D "conv" needs a 3-D input (height, width, channels) but receives (784). Add a Reshape to 28×28×1 before it.',
    );
    expect(run.stdout).toContain('The network has 1 error; fix it before training.');
    const json = JSON.parse(
      (await runNeurite('inspect', '--json', tempFile('b.json', broken))).stdout,
    );
    expect(json.valid).toBe(false);
    expect(json.issues[0]).toMatchObject({ code: 'input.rank', nodeId: 'conv', severity: 'error' });
  });

  it('explains a file that is not a valid document, naming the field', async () => {
    const run = await runNeurite(
      'inspect',
      tempFile('bad.json', '{"format": "neurite-graph", "version": 1, "nodes": [}'),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/is not a valid Neurite network \(1 problem\)/);
    expect(run.stderr).toMatch(/not valid JSON at line 1, column/);
  });

  it('says clearly when the file cannot be read, and exits 2', async () => {
    const run = await runNeurite('inspect', '/nonexistent/net.json');
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('Cannot read "/nonexistent/net.json": there is no such file.\n');
  });

  it('shows usage for wrong arguments and unknown commands', async () => {
    expect((await runNeurite('inspect')).code).toBe(2);
    expect((await runNeurite('inspect', '--bogus', 'x.json')).stderr).toContain(
      'Usage: neurite inspect',
    );
    const unknown = await runNeurite('inspekt');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown command "inspekt"');
    expect((await runNeurite('--help')).stdout).toContain('inspect');
  });
});
