import { execFile } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNeurite } from '../../fixtures/cli';
import { XOR_ROWS, templateFile, trainXorModel } from '../../fixtures/export/trained-xor';
import { tempFolder } from '../data/temp-folder';
import { neuritePredicts } from '../../fixtures/export/neurite-predicts';

/**
 * neurite export --format tfjs: the files are proved by loading them with plain TensorFlow.js
 * in another Node process (none of Neurite's code), whose answers must be neurite predict's.
 */

const temp = tempFolder('export');
afterAll(() => temp.remove());

const root = fileURLToPath(new URL('../../../', import.meta.url));
const template = templateFile;
const loader = path.join(root, 'tests', 'fixtures', 'export', 'load-tfjs.mjs');

/** What plain TF.js computes with the exported files. */
async function loadAndPredict(folder: string, examples: number[][]): Promise<number[][]> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [loader, folder, JSON.stringify(examples)],
    { cwd: root },
  );
  const last = stdout.trim().split('\n').at(-1)!;
  return (JSON.parse(last) as { outputs: number[][] }).outputs;
}

describe('neurite export --format tfjs', () => {
  let xor: string;
  beforeAll(async () => {
    xor = temp.path('xor-run');
    await trainXorModel(xor);
  }, 120_000);

  it('writes a trained XOR that plain TensorFlow.js loads and answers exactly as Neurite does', async () => {
    const out = temp.path('xor-tfjs');
    const run = await runNeurite('export', xor, '--format', 'tfjs', '--out', out, '--json');
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      format: 'tfjs',
      out,
      files: ['model.json', 'weights.bin'],
    });
    expect(readdirSync(out).sort()).toEqual(['model.json', 'weights.bin']);
    // The layers keep the network's names.
    const topology = JSON.parse(readFileSync(path.join(out, 'model.json'), 'utf8'));
    const names = topology.modelTopology.config.layers.map((l: { name: string }) => l.name);
    expect(names).toEqual(expect.arrayContaining(['hidden', 'prediction']));

    const rows = XOR_ROWS;
    const loaded = await loadAndPredict(out, rows);
    const reference = await neuritePredicts(xor, rows);
    loaded.forEach((output, i) =>
      output.forEach((v, k) => expect(v).toBeCloseTo(reference[i]![k]!, 5)),
    );
    // Trained: the four rows of the XOR table come out right.
    expect(loaded.slice(0, 4).map(([p]) => (p! >= 0.5 ? 1 : 0))).toEqual([0, 1, 1, 0]);
  }, 60_000);

  it('writes the same bytes every time, and may write over its own earlier export', async () => {
    const first = temp.path('again-1');
    const second = temp.path('again-2');
    for (const out of [first, second, first]) {
      const run = await runNeurite('export', xor, '--format', 'tfjs', '--out', out);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain(`as TensorFlow.js to ${out}: model.json, weights.bin.`);
    }
    for (const name of ['model.json', 'weights.bin']) {
      expect(readFileSync(path.join(first, name))).toEqual(readFileSync(path.join(second, name)));
    }
    // The earlier export stepped aside and went; no staging folder stayed behind.
    expect(readdirSync(temp.root).filter((name) => name.startsWith('again'))).toEqual([
      'again-1',
      'again-2',
    ]);
  }, 60_000);

  it('exports an untrained LeNet-5 network file with its convolutions, loaded and run elsewhere', async () => {
    const out = temp.path('lenet-tfjs');
    const run = await runNeurite('export', template('lenet-5'), '--format', 'tfjs', '--out', out);
    expect(run.code, run.stderr).toBe(0);
    const digit = Array.from({ length: 784 }, (_, i) => ((i * 37) % 100) / 100);
    const [loaded] = await loadAndPredict(out, [digit]);
    const [reference] = await neuritePredicts(template('lenet-5'), [digit]);
    expect(loaded).toHaveLength(10);
    loaded!.forEach((v, k) => expect(v).toBeCloseTo(reference![k]!, 5));
  }, 60_000);

  it('refuses a layer only Neurite has, naming it and the standard activation to use', async () => {
    const out = temp.path('perceptron-tfjs');
    const run = await runNeurite(
      'export',
      template('perceptron'),
      '--format',
      'tfjs',
      '--out',
      out,
    );
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      'Dense "Threshold unit" uses the binary step, which TensorFlow.js does not have, so other programs could not load the model. Choose the activation sigmoid (the nearest standard one) for it and train again.\n',
    );
    expect(existsSync(out)).toBe(false);
  });

  it('says what is wrong with the format or the folder, and writes nothing', async () => {
    const noFormat = await runNeurite('export', xor, '--out', temp.path('x'));
    expect(noFormat).toMatchObject({
      code: 2,
      stderr:
        'Give the format to write with --format (tfjs, onnx, pytorch, keras, predictions, figures).\n',
    });
    const unknown = await runNeurite('export', xor, '--format', 'keras3', '--out', temp.path('y'));
    expect(unknown.stderr).toBe(
      'Neurite cannot export to "keras3". Choose one of: tfjs, onnx, pytorch, keras, predictions, figures.\n',
    );
    const busy = temp.write('busy/notes.txt', 'mine');
    const full = await runNeurite('export', xor, '--format', 'tfjs', '--out', path.dirname(busy));
    expect(full.code).toBe(2);
    expect(full.stderr).toContain('already holds other files (notes.txt). Give a new folder');
    expect(readdirSync(path.dirname(busy))).toEqual(['notes.txt']);
    const unwritable = await runNeurite(
      'export',
      xor,
      '--format',
      'tfjs',
      '--out',
      '/proc/neurite',
    );
    expect(unwritable.code).toBe(2);
    expect(unwritable.stderr).toMatch(
      /^The model could not be written to "\/proc\/neurite" \(that folder cannot hold new files\)\. Give a folder you can write to\.\n$/,
    );
    const nowhere = temp.path('missing/model');
    const missing = await runNeurite('export', xor, '--format', 'tfjs', '--out', nowhere);
    expect(missing.stderr).toBe(
      `The folder "${temp.path('missing')}" does not exist. Make it first, or give another place for "model".\n`,
    );
    expect(existsSync(temp.path('x'))).toBe(false);
    expect(existsSync(temp.path('missing'))).toBe(false);
  });
});
