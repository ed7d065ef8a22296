import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withCompiledNetwork } from '../../../src/main/engine/export/export-network';
import { onnxExporter } from '../../../src/main/engine/export/onnx/onnx-export';
import { tf } from '../../../src/main/engine/tf';
import { ACTIVATIONS, RECURRENT_ACTIVATIONS } from '../../../src/shared/catalog/activations';
import { LAYER_KINDS, findKind } from '../../../src/shared/catalog/registry';
import type { GraphDocument } from '../../../src/shared/graph/document';
import { parseGraphDocumentOrThrow } from '../../../src/shared/graph/parse';
import type { OnnxAnswer, OnnxCheck } from '../../fixtures/export/onnx-runtimes';
import { checkOnnx, runOnnx } from '../../fixtures/export/onnx-runtimes';
import { randomWeights } from '../../fixtures/export/random-weights';
import { networkAround, randomInputs } from '../../fixtures/kind-networks';
import { tempFolder } from '../data/temp-folder';

/**
 * Every layer kind (each of its catalog examples) and every template, exported to ONNX with
 * random "trained" weights: ONNX's own checker accepts each model, and ONNX Runtime's outputs
 * equal Neurite's on the same random inputs within 1e-4.
 */

interface Case {
  readonly title: string;
  readonly document: GraphDocument;
}

const root = fileURLToPath(new URL('../../../', import.meta.url));
const templatesDir = path.join(root, 'resources', 'templates');

const kindCases: Case[] = LAYER_KINDS.flatMap((kind) =>
  kind.examples.map((example, i) => ({
    title: `${kind.kind} example ${i + 1} ${JSON.stringify(example.params)}`,
    document: networkAround(kind, example),
  })),
);

/** Settings the kinds' own examples leave out, where ONNX and TF.js differ most easily. */
const extraCases: Case[] = [
  ...ACTIVATIONS.map((activation) => extra('Dense', { units: 3, activation }, 'vector', [4])),
  ...['concat', 'mul', 'ave'].map((mergeMode) =>
    extra(
      'GRU',
      { units: 2, bidirectional: true, mergeMode, returnSequences: true },
      'sequence',
      [3, 2],
    ),
  ),
  extra('SimpleRNN', { units: 3, activation: 'relu' }, 'sequence', [4, 2]),
  // Every activation a recurrent cell may have, in the cells that mix it with others, one and
  // two directions (ONNX lists the alphas of the activations that take one).
  ...RECURRENT_ACTIVATIONS.flatMap((activation) =>
    (['SimpleRNN', 'LSTM', 'GRU'] as const).flatMap((cell) =>
      [false, true].map((bidirectional) =>
        extra(cell, { units: 2, activation, bidirectional }, 'sequence', [3, 2]),
      ),
    ),
  ).filter((c) => !c.title.includes('"selu"')),
  extra('LSTM', { units: 2, bidirectional: true, mergeMode: 'ave' }, 'sequence', [5, 3]),
  extra('Conv2D', { filters: 2, kernelSize: 3, strides: 2, padding: 'same' }, 'image', [6, 6, 2]),
  extra('Conv2DTranspose', { filters: 2, kernelSize: 1, strides: 2 }, 'image', [3, 3, 1]),
  extra(
    'Conv2DTranspose',
    { filters: 2, kernelSize: 3, strides: 2, padding: 'same' },
    'image',
    [3, 4, 2],
  ),
  extra('AvgPool1D', { poolSize: 3, strides: 2, padding: 'same' }, 'sequence', [6, 2]),
  extra('MaxPool1D', { poolSize: 2, padding: 'same' }, 'sequence', [5, 2]),
];

function extra(kind: string, params: Record<string, unknown>, form: string, shape: number[]): Case {
  return {
    title: `${kind} ${JSON.stringify(params)} on ${form} ${JSON.stringify(shape)}`,
    document: networkAround(findKind(kind)!, { params, inputs: [{ form, shape }] }),
  };
}

const templateCases: Case[] = [
  'lenet-5',
  'resnet-basic-block',
  'inception-block',
  'text-bilstm',
  'seq2seq-encoder-decoder',
  'conv-autoencoder',
  'text-cnn',
  'gru-sequence',
].map((name) => ({
  title: `template ${name}`,
  document: parseGraphDocumentOrThrow(
    JSON.parse(readFileSync(path.join(templatesDir, `${name}.json`), 'utf8')),
  ),
}));

const cases = [...kindCases, ...extraCases, ...templateCases];
const temp = tempFolder('onnx-every-layer');

interface Result {
  readonly check: OnnxCheck;
  readonly answer: OnnxAnswer;
  readonly expected: number[][][];
}
const results = new Map<string, Result>();

beforeAll(async () => {
  await tf.setBackend('cpu');
  const files: string[] = [];
  const jobs = [];
  const expectations: number[][][][] = [];
  for (const [i, { document }] of cases.entries()) {
    const weights = await randomWeights(document, 11 + i);
    const network = { document, weights };
    const files_ = await onnxExporter.write(network);
    const file = temp.write(`case-${i}.onnx`, files_.get('model.onnx')!);
    files.push(file);
    const { inputs, expected } = await withCompiledNetwork(network, async (compiled) => {
      const x = randomInputs(compiled.model, 2);
      const y = compiled.model.predict(x);
      const ys = Array.isArray(y) ? y : [y];
      const asExamples = async (t: tf.Tensor) =>
        ((await t.array()) as unknown[]).map((row) => [row].flat(Infinity) as number[]);
      const result = {
        inputs: await Promise.all(x.map(asExamples)),
        expected: await Promise.all(ys.map(asExamples)),
      };
      tf.dispose([...x, ...ys]);
      return result;
    });
    jobs.push({ model: file, inputs });
    expectations.push(expected);
  }
  const checks = await checkOnnx(files);
  const answers = await runOnnx(jobs, temp.path('jobs.json'));
  cases.forEach(({ title }, i) =>
    results.set(title, {
      check: checks[files[i]!]!,
      answer: answers[i]!,
      expected: expectations[i]!,
    }),
  );
}, 600_000);

afterAll(() => temp.remove());

describe.each(cases.map((c) => [c.title] as const))('ONNX export: %s', (title) => {
  it("passes ONNX's full check and computes what Neurite computes", () => {
    const { check, answer, expected } = results.get(title)!;
    expect(check).toMatchObject({ ok: true, ir: 8, opset: 13 });
    expect(answer).not.toHaveProperty('error');
    const { outputs } = answer as { outputs: number[][][] };
    expect(outputs.map((o) => o.map((e) => e.length))).toEqual(
      expected.map((o) => o.map((e) => e.length)),
    );
    let worst = 0;
    outputs.forEach((output, o) =>
      output.forEach((example, e) =>
        example.forEach((value, k) => {
          worst = Math.max(worst, Math.abs(value - expected[o]![e]![k]!));
        }),
      ),
    );
    expect(worst).toBeLessThan(1e-4);
  });
});
