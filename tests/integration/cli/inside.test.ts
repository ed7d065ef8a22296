import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNeurite, tempFile } from '../../fixtures/cli';

/**
 * `neurite predict`, `evaluate` and `explain` as a user runs them, on models that
 * `neurite train --out` really trained: the numbers must be the ones training reported.
 */

const root = fileURLToPath(new URL('../../../', import.meta.url));
const template = (name: string) => path.join(root, 'resources/templates', name);

const folders: string[] = [];
function tempDir(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'neurite-cli-inside-'));
  folders.push(folder);
  return folder;
}
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

const json = (text: string) =>
  text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line));

/** The course's softmax example: an Activation node with nothing to learn. */
const SOFTMAX = tempFile('softmax.json', {
  format: 'neurite-graph',
  version: 1,
  metadata: { name: 'Softmax', description: '' },
  nodes: [
    { id: 'z', kind: 'Input', position: { x: 0, y: 0 }, params: { form: 'vector', shape: [4] } },
    {
      id: 'softmax',
      kind: 'Activation',
      position: { x: 0, y: 100 },
      params: { activation: 'softmax' },
    },
    {
      id: 'p',
      kind: 'Output',
      position: { x: 0, y: 200 },
      params: { task: 'classification', loss: 'categoricalCrossentropy' },
    },
  ],
  edges: [
    { id: 'e1', source: { node: 'z', port: 'out' }, target: { node: 'softmax', port: 'in' } },
    { id: 'e2', source: { node: 'softmax', port: 'out' }, target: { node: 'p', port: 'in' } },
  ],
});

describe('neurite predict on a network without weights', () => {
  it("gives the notes' softmax of z = [1, 3, 4, 7]: [0.002, 0.017, 0.047, 0.934]", async () => {
    const run = await runNeurite('predict', SOFTMAX, '--input', '1,3,4,7', '--json');
    expect(run.code).toBe(0);
    const [result] = json(run.stdout);
    expect(result.outputs[0].map((p: number) => Number(p.toFixed(3)))).toEqual([
      0.002, 0.017, 0.047, 0.934,
    ]);
    expect(result.predicted).toEqual([3]);
  });

  it('gives the formula’s values at inputs the notes do not use', async () => {
    const z = [0.5, -2, 0, 2.5];
    const run = await runNeurite('predict', SOFTMAX, '--input', JSON.stringify(z), '--json');
    const sum = z.reduce((a, b) => a + Math.exp(b), 0);
    json(run.stdout)[0].outputs[0].forEach((p: number, i: number) =>
      expect(p).toBeCloseTo(Math.exp(z[i]!) / sum, 6),
    );
  });

  it('refuses an input of the wrong length, saying what the Input takes (exit 2)', async () => {
    const run = await runNeurite('predict', SOFTMAX, '--input', '1,3');
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      "The network's Input takes 4 values, but the input has 2. Give exactly 4, row by row.\n",
    );
    const words = await runNeurite('predict', SOFTMAX, '--input', '1,x,3,4');
    expect(words.stderr).toContain('Value 2 of the input, "x", is not a number.');
  });
});

describe('neurite predict --image', () => {
  it('reads a PNG as the Input reads pixels (0 to 1, row by row): the same answer as typing them', async () => {
    // A 28 × 28 grey digit-sized image, white in its top-left quarter.
    const image = new PNG({ width: 28, height: 28 });
    const pixels: number[] = [];
    for (let y = 0; y < 28; y += 1) {
      for (let x = 0; x < 28; x += 1) {
        const white = x < 14 && y < 14;
        image.data.set(white ? [255, 255, 255, 255] : [0, 0, 0, 255], (y * 28 + x) * 4);
        pixels.push(white ? 1 : 0);
      }
    }
    const file = path.join(tempDir(), 'quarter.png');
    writeFileSync(file, PNG.sync.write(image));
    const lenet = template('lenet-5.json');
    const fromImage = await runNeurite('predict', lenet, '--image', file, '--json');
    expect(fromImage.code, fromImage.stderr).toBe(0);
    const typed = await runNeurite('predict', lenet, '--input', pixels.join(','), '--json');
    const [a] = json(fromImage.stdout);
    const [b] = json(typed.stdout);
    expect(a.outputs[0]).toHaveLength(10);
    expect(a.outputs).toEqual(b.outputs);
    expect(a.outputs[0].reduce((sum: number, p: number) => sum + p, 0)).toBeCloseTo(1, 5);
  });

  it('refuses a file that is not an image, by name, with exit code 2', async () => {
    const file = path.join(tempDir(), 'notes.png');
    writeFileSync(file, 'these are notes, not pixels');
    const run = await runNeurite('predict', template('lenet-5.json'), '--image', file);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('"notes.png" is not a PNG or JPEG image. Give a .png or .jpg file.\n');
  });
});

describe('a trained Iris model', () => {
  let folder: string;
  beforeAll(async () => {
    folder = path.join(tempDir(), 'iris');
    const trained = await runNeurite(
      'train',
      template('softmax-regression.json'),
      ...['--data', 'iris', '--epochs', '60', '--batch-size', '16', '--lr', '0.01'],
      ...['--validation', '0.2', '--test', '0.2', '--backend', 'cpu', '--out', folder],
    );
    expect(trained.code, trained.stderr).toBe(0);
  }, 120_000);

  it('is saved with its network and how it was trained', () => {
    const training = JSON.parse(readFileSync(path.join(folder, 'training.json'), 'utf8'));
    expect(training).toMatchObject({
      format: 'neurite-training',
      data: { source: 'builtin', name: 'iris' },
      config: { epochs: 60, test: { kind: 'split', fraction: 0.2 } },
      dataset: { classNames: ['setosa', 'versicolor', 'virginica'] },
    });
    const network = JSON.parse(readFileSync(path.join(folder, 'network.json'), 'utf8'));
    expect(network.format).toBe('neurite-graph');
  });

  it.each(['test', 'validation', 'train'] as const)(
    'evaluate --part %s gives the loss, metrics and confusion matrix that training reported',
    async (part) => {
      const reported = JSON.parse(readFileSync(path.join(folder, 'metrics.json'), 'utf8'))[part];
      const run = await runNeurite('evaluate', folder, '--part', part, '--json');
      expect(run.code, run.stderr).toBe(0);
      const [result] = json(run.stdout);
      expect(result.loss).toBeCloseTo(reported.loss, 6);
      expect(result.metrics).toEqual(reported.metrics);
      expect(result.confusionMatrix).toEqual(reported.confusionMatrix);
    },
  );

  it('predicts one flower, naming the classes, and every flower of a data set', async () => {
    const one = await runNeurite('predict', folder, '--input', '6.3,3.3,6.0,2.5', '--json');
    expect(one.code, one.stderr).toBe(0);
    const [result] = json(one.stdout);
    expect(result.classes).toEqual(['setosa', 'versicolor', 'virginica']);
    expect(result.outputs[0].reduce((a: number, b: number) => a + b, 0)).toBeCloseTo(1, 5);
    const table = await runNeurite('predict', folder, '--input', '6.3,3.3,6.0,2.5');
    expect(table.stdout).toMatch(/^class\s+probability/);
    expect(table.stdout).toContain(`Predicted: ${result.classes[result.predicted[0]]}`);

    const all = await runNeurite('predict', folder, '--data', 'iris', '--limit', '5', '--json');
    expect(json(all.stdout)[0].outputs).toHaveLength(5);
  });

  it('explain --json prints one object per example with its input and a map of the same shape', async () => {
    const run = await runNeurite('explain', folder, '--examples', '3', '--json');
    expect(run.code, run.stderr).toBe(0);
    const lines = json(run.stdout);
    expect(lines).toHaveLength(3);
    for (const line of lines) {
      expect(line).toMatchObject({ method: 'saliency', explained: 'score', inputShape: [4] });
      expect(line.input).toHaveLength(4);
      expect(line.map).toHaveLength(4);
      expect(line.mapShape).toEqual([4]);
    }
    const ig = json(
      (await runNeurite('explain', folder, '--method', 'integrated-gradients', '--json')).stdout,
    )[0];
    const sum = ig.map.reduce((a: number, b: number) => a + b, 0);
    expect(Math.abs(sum - ig.difference)).toBeLessThan(0.01 * Math.abs(ig.difference));
  });

  it('explain --summary ranks the four measurements by mean absolute saliency', async () => {
    const run = await runNeurite('explain', folder, '--examples', '30', '--summary', '--json');
    expect(run.code, run.stderr).toBe(0);
    const [summary] = json(run.stdout);
    expect(summary.examples).toBe(30);
    expect(summary.ranking.map((entry: { feature: string }) => entry.feature).sort()).toEqual(
      ['petal length (cm)', 'petal width (cm)', 'sepal length (cm)', 'sepal width (cm)'].sort(),
    );
    const values = summary.ranking.map((entry: { meanAbsolute: number }) => entry.meanAbsolute);
    expect(values).toEqual([...values].sort((a: number, b: number) => b - a));
  });

  it('refuses what does not apply with a sentence and exit code 2', async () => {
    const gradcam = await runNeurite('explain', folder, '--method', 'gradcam');
    expect(gradcam.code).toBe(2);
    expect(gradcam.stderr).toBe(
      'Grad-CAM weighs the feature maps of a convolution layer, and this network has none. Use saliency, SmoothGrad or Integrated Gradients instead.\n',
    );
    const method = await runNeurite('explain', folder, '--method', 'lime');
    expect(method.stderr).toContain(
      '--method must be one of saliency, smoothgrad, integrated-gradients, gradcam (got "lime").',
    );
    const part = await runNeurite('evaluate', folder, '--part', 'holdout');
    expect(part.code).toBe(2);
    const klass = await runNeurite('explain', folder, '--class', '3');
    expect(klass.stderr).toBe(
      'There is no class 3: the network tells 3 classes apart, numbered 0 to 2.\n',
    );
  });
});

describe('models that are not models', () => {
  it('a folder without model.json, a missing path and an older folder without its network', async () => {
    const empty = tempDir();
    const notModel = await runNeurite('predict', empty, '--input', '1');
    expect(notModel.code).toBe(2);
    expect(notModel.stderr).toContain('is not a saved model: it has no model.json.');
    const missing = await runNeurite('evaluate', path.join(empty, 'nope'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('does not exist.');
    const older = tempDir();
    mkdirSync(older, { recursive: true });
    writeFileSync(path.join(older, 'model.json'), '{}');
    const old = await runNeurite('predict', older, '--input', '1');
    expect(old.stderr).toContain('has no network.json');
  });
});

describe('a trained text model', () => {
  it('reads a typed sentence with the vocabulary it was trained with', async () => {
    const folder = path.join(tempDir(), 'reviews');
    const trained = await runNeurite(
      'train',
      template('text-cnn.json'),
      // WebAssembly, as a student's laptop trains it: the cpu backend's 1-D convolution is slow.
      ...['--epochs', '3', '--out', folder],
    );
    expect(trained.code, trained.stderr).toBe(0);
    const training = JSON.parse(readFileSync(path.join(folder, 'training.json'), 'utf8'));
    expect(training.dataset.vocabulary).toHaveLength(1998);
    const positive = async (sentence: string) => {
      const run = await runNeurite('predict', folder, '--text', sentence, '--json');
      expect(run.code, run.stderr).toBe(0);
      return json(run.stdout)[0].outputs[0][0] as number;
    };
    expect(
      await positive('I loved it, excellent food and wonderful friendly service'),
    ).toBeGreaterThan(await positive('terrible, awful and the worst waste of money'));
    const unknown = await runNeurite('predict', folder, '--text', 'zzyzx great');
    expect(unknown.stderr).toContain('read as "unknown" (id 1): zzyzx');
  }, 240_000);
});
