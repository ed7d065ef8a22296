import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNeurite } from '../../fixtures/cli';
import { checkOnnx, runOnnx } from '../../fixtures/export/onnx-runtimes';
import { XOR_ROWS, templateFile, trainXorModel } from '../../fixtures/export/trained-xor';
import { buildGraph } from '../../fixtures/build-graph';
import { tempFolder } from '../data/temp-folder';
import { neuritePredicts } from '../../fixtures/export/neurite-predicts';

/**
 * neurite export --format onnx: a trained XOR as ONNX, checked by ONNX's own checker and run by
 * ONNX Runtime, whose answers must be neurite predict's.
 */

const temp = tempFolder('export-onnx');
afterAll(() => temp.remove());

describe('neurite export --format onnx', () => {
  let xor: string;
  beforeAll(async () => {
    xor = temp.path('xor-run');
    await trainXorModel(xor);
  }, 120_000);

  it('writes a trained XOR that ONNX checks and ONNX Runtime runs exactly as Neurite does', async () => {
    const out = temp.path('xor.onnx');
    const run = await runNeurite('export', xor, '--format', 'onnx', '--out', out, '--json');
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ format: 'onnx', out, files: ['xor.onnx'] });

    const checks = await checkOnnx([out]);
    expect(checks[out]).toEqual({
      ok: true,
      ir: 8,
      opset: 13,
      inputs: [{ name: 'inputs', dims: ['batch', 2] }],
      outputs: [{ name: 'output', dims: ['batch', 1] }],
    });
    const [answer] = await runOnnx([{ model: out, inputs: [XOR_ROWS] }], temp.path('jobs.json'));
    const outputs = (answer as { outputs: number[][][] }).outputs[0]!;
    const reference = await neuritePredicts(xor, XOR_ROWS);
    outputs.forEach((output, i) =>
      output.forEach((v, k) => expect(Math.abs(v - reference[i]![k]!)).toBeLessThan(1e-6)),
    );
    // Trained: the four rows of the XOR table come out right.
    expect(outputs.slice(0, 4).map(([p]) => (p! >= 0.5 ? 1 : 0))).toEqual([0, 1, 1, 0]);
  }, 60_000);

  it('writes model.onnx into a folder, the same bytes every time, and says how to run it', async () => {
    const folder = temp.path('xor-folder');
    const first = await runNeurite('export', xor, '--format', 'onnx', '--out', folder);
    expect(first.code, first.stderr).toBe(0);
    expect(readdirSync(folder)).toEqual(['model.onnx']);
    expect(first.stdout).toContain(`as ONNX to ${folder}: model.onnx.`);
    expect(first.stdout).toContain(`onnxruntime.InferenceSession('${folder}/model.onnx')`);
    const again = temp.path('again.onnx');
    expect((await runNeurite('export', xor, '--format', 'onnx', '--out', again)).code).toBe(0);
    expect(readFileSync(again)).toEqual(readFileSync(`${folder}/model.onnx`));
  }, 60_000);

  it('writes the perceptron, whose binary step ONNX expresses, and it answers as Neurite does', async () => {
    const out = temp.path('perceptron.onnx');
    const run = await runNeurite(
      'export',
      templateFile('perceptron'),
      '--format',
      'onnx',
      '--out',
      out,
    );
    expect(run.code, run.stderr).toBe(0);
    const rows = [
      [0, 0],
      [1, 1],
      [-0.4, 0.9],
    ];
    const [answer] = await runOnnx([{ model: out, inputs: [rows] }], temp.path('jobs.json'));
    const reference = await neuritePredicts(templateFile('perceptron'), rows);
    expect((answer as { outputs: number[][][] }).outputs[0]).toEqual(reference);
  }, 60_000);

  it('refuses a cell activation ONNX cannot express, naming the layer, and writes nothing', async () => {
    const network = temp.write(
      'selu-rnn.json',
      JSON.stringify(
        buildGraph(
          [
            ['window', 'Input', { form: 'sequence', shape: [4, 2] }],
            ['memory', 'SimpleRNN', { units: 3, activation: 'selu' }],
            ['y', 'Output', { task: 'regression', loss: 'meanSquaredError' }],
          ],
          [
            ['window', 'memory'],
            ['memory', 'y'],
          ],
        ),
      ),
    );
    const out = temp.path('selu.onnx');
    const run = await runNeurite('export', network, '--format', 'onnx', '--out', out);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'SimpleRNN "memory" uses the activation selu in its cell, which ONNX cannot express. Choose tanh for it and train again, or export it as TensorFlow.js.\n',
    );
    expect(existsSync(out)).toBe(false);
  });

  it('says what is wrong with the place to write, and leaves nothing half-written', async () => {
    const missing = await runNeurite(
      'export',
      xor,
      '--format',
      'onnx',
      '--out',
      temp.path('nowhere/x.onnx'),
    );
    expect(missing.stderr).toBe(
      `The folder "${temp.path('nowhere')}" does not exist. Make it first, or give another place for "x.onnx".\n`,
    );
    const unwritable = await runNeurite('export', xor, '--format', 'onnx', '--out', '/proc/x.onnx');
    expect(unwritable.code).toBe(2);
    expect(unwritable.stderr).toMatch(
      /^The model could not be written to "\/proc\/x\.onnx" \(that folder cannot hold new files\)\. Give a place you can write to\.\n$/,
    );
    expect(readdirSync(temp.root).filter((name) => name.includes('partial'))).toEqual([]);
  });
});
