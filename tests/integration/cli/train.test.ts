import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// Registers Neurite's own layer classes (step, hard tanh) so saved models load again.
import '../../../src/main/engine/compiler/custom-activations';
import { selectBackend } from '../../../src/main/engine/backends/select-backend';
import { tf } from '../../../src/main/engine/tf';
import type { TrainerEvent } from '../../../src/shared/training/events';
import { trainerEventSchema } from '../../../src/shared/training/events';
import { runNeurite, tempFile } from '../../fixtures/cli';
import { loadSavedModel } from '../../fixtures/saved-model';

/**
 * `neurite train` as a user runs it, in-process (runNeurite) while the command itself forks the
 * real trainer process: exit codes, what it prints, and the model it saves, which must load
 * back into TensorFlow.js and predict what it learnt.
 */

const root = fileURLToPath(new URL('../../../', import.meta.url));
const template = (name: string) => path.join(root, 'resources/templates', name);
const XOR_MLP = template('xor-mlp.json');
/** A network of the student's own: not named after a template, so no template settings. */
const OWN_NETWORK = tempFile('my-network.json', {
  ...JSON.parse(readFileSync(XOR_MLP, 'utf8')),
  metadata: { name: 'My own network', description: '' },
});
/** Settings that train XOR to 100% in a second or two. */
const XOR_FLAGS = [
  ...['--data', 'xor', '--batch-size', '4', '--lr', '0.05'],
  ...['--validation', 'none', '--backend', 'cpu'],
];

const folders: string[] = [];
function tempDir(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'neurite-cli-train-'));
  folders.push(folder);
  return folder;
}
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

beforeAll(async () => {
  // The trainer's own backend set-up: cpu, without TF.js' "install tfjs-node" banner.
  await selectBackend('cpu');
});

/** The model's outputs for the four rows of a truth table, rounded to 0 or 1. */
function truthTable(model: tf.LayersModel): number[] {
  return tf.tidy(() => {
    const rows = tf.tensor2d([
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ]);
    return Array.from((model.predict(rows) as tf.Tensor).round().dataSync());
  });
}

describe('neurite train', () => {
  it('trains the XOR template, prints one line per epoch and saves a model that loads', async () => {
    const out = tempDir();
    const run = await runNeurite('train', XOR_MLP, ...XOR_FLAGS, '--epochs', '300', '--out', out);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);

    // Not a terminal: no progress bar, one line per epoch, then the final metrics.
    expect(run.stdout).not.toContain('\r');
    expect(run.stdout).toMatch(
      /^Training with the data set and settings of the "XOR with a small MLP" template; options given here override them\.\nTraining on CPU \(plain JavaScript\)\n/,
    );
    const epochLines = run.stdout.split('\n').filter((line) => line.startsWith('Epoch '));
    expect(epochLines).toHaveLength(300);
    expect(epochLines.map((line) => /^Epoch (\d+)\/300 {2}loss \d/.exec(line)?.[1])).toEqual(
      Array.from({ length: 300 }, (_, i) => String(i + 1)),
    );
    expect(run.stdout).toContain(`Saved the model to ${path.resolve(out)}\n`);
    expect(run.stdout).toMatch(
      /\nFinished 300 epochs\.\n {2}training: {3}loss 0\.\d{4} accuracy 100\.00%/,
    );

    // model.json in the TF.js layers format, its layers named after the graph's nodes.
    const model = JSON.parse(readFileSync(path.join(out, 'model.json'), 'utf8'));
    expect(model.format).toBe('layers-model');
    const layers = model.modelTopology.config.layers.map((l: { name: string }) => l.name);
    expect(layers).toEqual(['inputs', 'hidden', 'prediction']);
    // weights.bin: 4 bytes for each of the 2·4 + 4 + 4·1 + 1 = 17 parameters.
    expect(statSync(path.join(out, 'weights.bin')).size).toBe(4 * 17);
    const metrics = JSON.parse(readFileSync(path.join(out, 'metrics.json'), 'utf8'));
    expect(metrics.type).toBe('finished');
    expect(metrics.epochsRun).toBe(300);
    expect(metrics.train.metrics.accuracy).toBe(1);

    const loaded = await loadSavedModel(out);
    expect(truthTable(loaded)).toEqual([0, 1, 1, 0]);
    loaded.dispose();
  });

  it('saves a perceptron with its step activation, and it loads back', async () => {
    const out = tempDir();
    const run = await runNeurite(
      'train',
      template('perceptron.json'),
      ...['--data', 'and', '--epochs', '20', '--batch-size', '1', '--lr', '0.1'],
      ...['--validation', 'none', '--backend', 'cpu', '--out', out],
    );
    expect(run.code).toBe(0);
    const model = JSON.parse(readFileSync(path.join(out, 'model.json'), 'utf8'));
    expect(model.modelTopology.config.layers.map((l: { name: string }) => l.name)).toEqual([
      'x',
      'perceptron',
      'perceptron_activation',
    ]);
    const loaded = await loadSavedModel(out);
    expect(truthTable(loaded)).toEqual([0, 0, 0, 1]);
    loaded.dispose();
  });

  it('--json prints one valid event per line, from started to finished', async () => {
    const run = await runNeurite('train', XOR_MLP, ...XOR_FLAGS, '--epochs', '5', '--json');
    expect(run.code).toBe(0);
    expect(run.stdout.endsWith('\n')).toBe(true);
    const events: TrainerEvent[] = run.stdout
      .trimEnd()
      .split('\n')
      .map((line) => trainerEventSchema.parse(JSON.parse(line)));
    expect(events[0]!.type).toBe('started');
    expect(events.at(-1)!.type).toBe('finished');
    expect(events.filter((e) => e.type === 'epoch').map((e) => e.epoch)).toEqual([1, 2, 3, 4, 5]);
  });

  it('shows its usage with --help', async () => {
    const run = await runNeurite('train', '--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: neurite train <network\.json> \[--data <data>\]/);
  });

  it.each([
    ['an unknown flag', [XOR_MLP, '--data', 'xor', '--bogus'], "Unknown option '--bogus'"],
    ['no --data for a network of its own', [OWN_NETWORK], 'neurite train needs --data'],
    [
      'no --data for a template without a built-in data set',
      [template('alexnet-small.json')],
      'no built-in data set fits the',
    ],
    ['two network files', [XOR_MLP, XOR_MLP, '--data', 'xor'], 'needs one network file'],
  ])('exits 2 with the usage for %s', async (_, args, message) => {
    const run = await runNeurite('train', ...args);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain('Usage: neurite train <network.json> [--data <data>] [options]');
  });

  it.each([
    ['--epochs ten', ['--epochs', 'ten'], '--epochs must be a number (got "ten").'],
    ['--epochs 0', ['--epochs', '0'], 'config.epochs: "epochs" must be at least 1 (got 0).'],
    ['--optimizer lbfgs', ['--optimizer', 'lbfgs'], 'config.optimizer'],
    ['--backend quantum', ['--backend', 'quantum'], 'backend: "backend" must be one of'],
    ['--data nosuch', ['--data', 'nosuch'], '--data "nosuch" is neither a built-in data set'],
  ])('exits 2 and says what is wrong with %s', async (_, flags, message) => {
    const run = await runNeurite('train', XOR_MLP, '--data', 'xor', ...flags);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
  });

  it('exits 2 with a clear message when the network file is missing', async () => {
    const missing = path.join(tempDir(), 'nope.json');
    const run = await runNeurite('train', missing, '--data', 'xor');
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`Cannot read "${missing}": there is no such file.\n`);
  });

  it('exits 2 when the network file is not JSON, and points to neurite inspect', async () => {
    const file = tempFile('broken.json', '{ "format": ');
    const run = await runNeurite('train', file, '--data', 'xor');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`Run "neurite inspect ${file}" to see what is wrong.`);
  });

  it('exits 1 with the errors of an invalid network', async () => {
    const run = await runNeurite(
      'train',
      path.join(root, 'tests/fixtures/graphs/conv-on-vector.json'),
      ...XOR_FLAGS,
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Training failed: Fix the network first: ');
    expect(run.stderr).toContain('Conv2D "conv" needs a 3-D input');
    expect(run.stderr).toContain('Add a Reshape to 28×28×1 before it.');
  });
});
