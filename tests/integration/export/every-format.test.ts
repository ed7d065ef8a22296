import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatasetSpec } from '../../../src/shared/data/dataset-spec';
import { loadDataset } from '../../../src/main/data/load-dataset';
import { EXPORT_FORMATS } from '../../../src/shared/export/formats';
import {
  TEMPLATES_WITH_DEFAULTS,
  templateDefaults,
} from '../../../src/shared/training/template-defaults';
import { runNeurite } from '../../fixtures/cli';
import { examplesFor, inputOf } from '../../fixtures/export/example-inputs';
import type { KerasFileRead } from '../../fixtures/export/keras-reader';
import { readKerasFile } from '../../fixtures/export/keras-reader';
import type { OnnxAnswer, OnnxCheck } from '../../fixtures/export/onnx-runtimes';
import { checkOnnx, runOnnx } from '../../fixtures/export/onnx-runtimes';
import type { TorchResult } from '../../fixtures/export/torch-check';
import { checkWithTorch, maxDifference } from '../../fixtures/export/torch-check';
import { templateFile } from '../../fixtures/export/trained-xor';
import { trainInProcess } from '../../fixtures/training';
import { tempFolder } from '../data/temp-folder';
import { neuritePredicts } from '../../fixtures/export/neurite-predicts';

/**
 * Every template that trains on a built-in data set, trained briefly (one epoch on a few
 * dozen examples), exported to every format with `neurite export`, and each export loaded by
 * its own runtime: plain TF.js, ONNX's checker and ONNX Runtime, PyTorch, and for Keras (not
 * installed here) Python's parser and NumPy. Each runtime's outputs on the same real examples
 * of the data set must equal `neurite predict`'s within 1e-4.
 */

const TEMPLATES = TEMPLATES_WITH_DEFAULTS.filter((name) => templateDefaults(name)?.data);
const TOLERANCE = 1e-4;
/** TF.js has no binary step: the perceptron's TF.js export is refused, naming its unit. */
const REFUSED: Readonly<Record<string, string>> = { perceptron: 'tfjs' };

const temp = tempFolder('every-format');
afterAll(() => temp.remove());
const root = fileURLToPath(new URL('../../../', import.meta.url));
const run = promisify(execFile);

interface Trained {
  readonly name: string;
  readonly model: string;
  readonly folder: (format: string) => string;
  readonly input: { shape: number[]; tokens: boolean };
  readonly examples: number[][];
  /** neurite predict's outputs, one list per example. */
  readonly reference: number[][];
}

const trained: Trained[] = [];
/** What `neurite export` said when it refused, by template/format; '' when it wrote. */
const refusals = new Map<string, string>();
const tfjsOutputs = new Map<string, number[][]>();
let onnxChecks: Record<string, OnnxCheck>;
const onnxAnswers = new Map<string, OnnxAnswer>();
let torchResults: Map<string, TorchResult>;
const kerasReads = new Map<string, KerasFileRead>();

beforeAll(async () => {
  for (const name of TEMPLATES) {
    const defaults = templateDefaults(name)!;
    const graph = JSON.parse(readFileSync(templateFile(name), 'utf8')) as Record<string, unknown>;
    const model = temp.path(`${name}/trained`);
    await trainInProcess(
      graph,
      briefly(defaults.data!),
      { ...defaults.training, epochs: 1 },
      { outDir: model },
    );
    const folder = (format: string) => temp.path(`${name}/${format}`);
    for (const format of EXPORT_FORMATS) {
      const exported = await runNeurite(
        'export',
        model,
        '--format',
        format,
        '--out',
        folder(format),
      );
      refusals.set(`${name}/${format}`, exported.code === 0 ? '' : exported.stderr);
    }
    const input = inputOf(graph);
    const examples = await realExamples(defaults.data!, input);
    const reference = await neuritePredicts(model, examples);
    trained.push({ name, model, folder, input, examples, reference });
  }

  for (const t of trained.filter((t) => REFUSED[t.name] !== 'tfjs')) {
    const { stdout } = await run(
      process.execPath,
      [
        path.join(root, 'tests/fixtures/export/load-tfjs.mjs'),
        t.folder('tfjs'),
        JSON.stringify(t.examples),
      ],
      { cwd: root, maxBuffer: 64 * 1024 * 1024 },
    );
    tfjsOutputs.set(
      t.name,
      (JSON.parse(stdout.trim().split('\n').at(-1)!) as { outputs: number[][] }).outputs,
    );
  }
  const onnxFiles = trained.map((t) => path.join(t.folder('onnx'), 'model.onnx'));
  onnxChecks = await checkOnnx(onnxFiles);
  const answers = await runOnnx(
    trained.map((t, i) => ({ model: onnxFiles[i]!, inputs: [t.examples] })),
    temp.path('onnx-jobs.json'),
  );
  trained.forEach((t, i) => onnxAnswers.set(t.name, answers[i]!));
  torchResults = await checkWithTorch(
    trained.map((t) => ({
      name: t.name,
      folder: t.folder('pytorch'),
      inputs: [t.input],
      examples: t.examples.map((example) => [example]),
    })),
    temp.root,
  );
  for (const t of trained) {
    const folder = t.folder('keras');
    kerasReads.set(
      t.name,
      await readKerasFile(path.join(folder, 'keras_model.py'), path.join(folder, 'weights.npz')),
    );
  }
}, 900_000);

/**
 * The first two examples of the template's own data set, as the model reads them; for data a
 * run preprocesses with what it learns from its training rows (a text's vocabulary, the
 * scaling of measurements), seeded values of the same shape.
 */
async function realExamples(
  data: DatasetSpec,
  input: { shape: number[]; tokens: boolean },
): Promise<number[][]> {
  const loaded = await loadDataset(briefly(data));
  // Word ids and scaled measurements are learnt from a run's training rows: seeded values.
  if (input.tokens || loaded.fitOnTrainingRows) {
    return examplesFor(input.shape, input.tokens).slice(0, 2);
  }
  const { examples } = loaded;
  const size = examples.x.length / examples.count;
  return [0, 1].map((i) => Array.from(examples.x.subarray(i * size, (i + 1) * size)));
}

/** The template's data set, MNIST cut to its first 40 digits (the others are small). */
function briefly(data: DatasetSpec): DatasetSpec {
  return data.source === 'builtin' && data.name === 'mnist' ? { ...data, limit: 40 } : data;
}

/** The arrays of a TF.js export's weights.bin, each as base64 of its float32 bytes. */
function tfjsArrays(folder: string): string[] {
  const modelJson = JSON.parse(readFileSync(path.join(folder, 'model.json'), 'utf8')) as {
    weightsManifest: { weights: { shape: number[] }[] }[];
  };
  const bytes = readFileSync(path.join(folder, 'weights.bin'));
  let offset = 0;
  return modelJson.weightsManifest[0]!.weights.map(({ shape }) => {
    const size = shape.reduce((a, b) => a * b, 1) * 4;
    const slice = bytes.subarray(offset, offset + size);
    offset += size;
    return slice.toString('base64');
  });
}

describe.each(TEMPLATES.map((name) => [name] as const))('%s, trained briefly', (name) => {
  const of = () => trained.find((t) => t.name === name)!;

  it('loads in plain TF.js with the same outputs (or is refused, naming the layer)', () => {
    if (REFUSED[name] === 'tfjs') {
      expect(refusals.get(`${name}/tfjs`)).toMatch(
        /^Dense "[^"]+" uses the binary step, which TensorFlow.js does not have/,
      );
      return;
    }
    expect(refusals.get(`${name}/tfjs`)).toBe('');
    expect(maxDifference(tfjsOutputs.get(name)!, of().reference)).toBeLessThan(TOLERANCE);
  });

  it("passes ONNX's full check and runs in ONNX Runtime with the same outputs", () => {
    expect(refusals.get(`${name}/onnx`)).toBe('');
    const file = path.join(of().folder('onnx'), 'model.onnx');
    expect(onnxChecks[file]).toMatchObject({ ok: true, opset: 13 });
    const answer = onnxAnswers.get(name)!;
    expect(answer).not.toHaveProperty('error');
    const outputs = (answer as { outputs: number[][][] }).outputs[0]!;
    expect(maxDifference(outputs, of().reference)).toBeLessThan(TOLERANCE);
  });

  it('loads in PyTorch with the same outputs, and trains on', () => {
    expect(refusals.get(`${name}/pytorch`)).toBe('');
    const result = torchResults.get(name)!;
    expect(result.error).toBeUndefined();
    expect(
      maxDifference(
        result.outputs.map((outputs) => outputs[0]!),
        of().reference,
      ),
    ).toBeLessThan(TOLERANCE);
    expect(result.training.changed).toBeGreaterThan(0);
  });

  it('is Python that builds the network with Keras and holds every trained array', () => {
    expect(refusals.get(`${name}/keras`)).toBe('');
    const read = kerasReads.get(name)!;
    expect(read.api).not.toBeNull();
    const arrays = Object.values(read.arrays ?? {}).map((array) => array.base64);
    // The trained weights as neurite train saved them (the TF.js layers model's own files).
    expect(arrays.sort()).toEqual(tfjsArrays(of().model).sort());
  });
});
