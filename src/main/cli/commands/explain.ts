import { checkOutputFolder, OutputFolderError } from '../../data/output-folder';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import type { Explanation, ExplainMethod } from '../../engine/inside/explain';
import { EXPLAIN_METHODS, explainExample } from '../../engine/inside/explain';
import { rankFeatures } from '../../engine/inside/importance';
import { InsideError } from '../../engine/inside/inside-error';
import { partOf } from '../../engine/inside/run-data';
import { gatherFeatures } from '../../engine/training/batches';
import type { CliIO } from '../io';
import { EXIT_OK } from '../io';
import { dataOfCommand, runInsideCommand } from '../inside-session';
import { renderTable } from '../text-table';

/** Most examples one explain command works through. */
const MAX_EXAMPLES = 1000;

export const EXPLAIN_USAGE = `Usage: neurite explain <model> --data <data> --method saliency|smoothgrad|integrated-gradients|gradcam [options]

Explains the first examples of a data set, in file order: which input values the network's
answer depends on. Saliency is the gradient of the explained output with respect to the input
(a heat map draws its absolute value); SmoothGrad averages it over noisy copies; Integrated
Gradients adds it up from a baseline (the values add up to the output's change); Grad-CAM
weighs a convolution layer's feature maps by their gradient.
  --data <data>          a data set (as for neurite train); default: the model's own
  --method <method>      saliency (default), smoothgrad, integrated-gradients or gradcam
  --class <k>            the class to explain (0-based; default the winning class), or for a
                         regression the output value
  --target <t>           score (default: the class's score before softmax, the notes' o_m)
                         or probability
  --examples <n>         how many examples (default 1, at most ${MAX_EXAMPLES})
  --layer <id>           Grad-CAM: the convolution layer (default the last one)
  --steps <n>            Integrated Gradients: steps from the baseline (default 50)
  --samples <n>          SmoothGrad: noisy copies (default 25)
  --summary              rank the input features by mean absolute saliency over the examples
  --out <folder>         write each map as a PNG heat map and as JSON
  --run <id>             a project file's run to use
  --json                 one JSON object per line per example: {"example", "input", "map", …}
Exit code: 0 done, 2 a model, a data set or an option that cannot be used (the reason is printed).
`;

export async function explainCommand(args: readonly string[], io: CliIO): Promise<number> {
  const options = {
    data: { type: 'string' },
    'data-target': { type: 'string' },
    method: { type: 'string', default: 'saliency' },
    class: { type: 'string' },
    target: { type: 'string', default: 'score' },
    examples: { type: 'string', default: '1' },
    layer: { type: 'string' },
    steps: { type: 'string' },
    samples: { type: 'string' },
    summary: { type: 'boolean', default: false },
    out: { type: 'string' },
  } as const;
  return runInsideCommand(
    args,
    io,
    { name: 'explain', usage: EXPLAIN_USAGE, options },
    async (session, flags) => {
      const method = flags.method as ExplainMethod;
      if (!EXPLAIN_METHODS.includes(method)) {
        throw new InsideError(
          'bad-input',
          `--method must be one of ${EXPLAIN_METHODS.join(', ')} (got "${flags.method}").`,
        );
      }
      if (flags.target !== 'score' && flags.target !== 'probability') {
        throw new InsideError(
          'bad-input',
          `--target must be score or probability (got "${flags.target}").`,
        );
      }
      const count = whole('--examples', flags.examples, 1, MAX_EXAMPLES)!;
      const classIndex = whole('--class', flags.class, 0, Number.MAX_SAFE_INTEGER);
      const steps = whole('--steps', flags.steps, 1, Number.MAX_SAFE_INTEGER);
      const samples = whole('--samples', flags.samples, 1, Number.MAX_SAFE_INTEGER);
      const { model } = session;
      const data = await dataOfCommand('explain', session, flags.data, flags['data-target']);
      const { source, rows } = partOf(data, 'all');
      const chosen = rows.subarray(0, Math.min(rows.length, count));
      // Checked before the first map is worked out, not after.
      if (flags.out) await outputFolderFor(flags.out);
      const explanations: Explanation[] = [];
      for (let i = 0; i < chosen.length; i += 1) {
        const example = gatherFeatures(source, chosen.subarray(i, i + 1));
        const explanation = explainExample(model, example, {
          method,
          target: flags.target,
          ...(classIndex !== undefined ? { classIndex } : {}),
          ...(steps !== undefined ? { steps } : {}),
          ...(samples !== undefined ? { samples } : {}),
          ...(flags.layer !== undefined ? { layer: flags.layer } : {}),
        });
        explanations.push(explanation);
        const record = {
          example: chosen[i]! + 1,
          input: Array.from(example),
          inputShape: [...model.inputShape],
          ...explanation,
        };
        if (flags.out) writeMap(flags.out, i + 1, record);
        if (flags.json && !flags.summary) io.stdout(`${JSON.stringify(record)}\n`);
        else if (!flags.summary) io.stdout(describe(record));
      }
      if (flags.summary)
        io.stdout(summary(explanations, data.dataset.info.featureNames, flags.json));
      return EXIT_OK;
    },
  );
}

function whole(
  name: string,
  text: string | undefined,
  min: number,
  max: number,
): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new InsideError(
      'bad-input',
      `${name} must be a whole number ${max === Number.MAX_SAFE_INTEGER ? `from ${min}` : `from ${min} to ${max}`} (got "${text}").`,
    );
  }
  return value;
}

type Record_ = Explanation & { example: number; input: number[]; inputShape: number[] };

function describe(record: Record_): string {
  const magnitudes = record.map.map(Math.abs);
  const top = magnitudes
    .map((value, index) => ({ value, index }))
    .sort((a, b) => b.value - a.value)
    .slice(0, 5)
    .map(({ index }) => `${index} (${Number(record.map[index]!.toPrecision(4))})`);
  if (magnitudes.every((value) => value === 0)) {
    return `Example ${record.example}: ${record.method} of ${record.explained === 'value' ? `output ${record.classIndex}` : `class ${record.classIndex}'s ${record.explained}`} is zero everywhere${record.layer ? ` at layer "${record.layer}"` : ''}: no part of the input raises it.\n`;
  }
  return `Example ${record.example}: ${record.method} of ${record.explained === 'value' ? `output ${record.classIndex}` : `class ${record.classIndex}'s ${record.explained}`}, map ${record.mapShape.join(' × ') || '1'}${record.layer ? ` at layer "${record.layer}"` : ''}; largest at ${top.join(', ')}${record.difference !== undefined ? `; adds up to ${Number(record.map.reduce((a, b) => a + b, 0).toPrecision(6))}, f(x) − f(baseline) = ${Number(record.difference.toPrecision(6))}` : ''}.\n`;
}

/** Input features ranked by mean absolute saliency over the examples (feature selection). */
function summary(
  explanations: readonly Explanation[],
  names: readonly string[] | undefined,
  json: boolean,
): string {
  const ranked = rankFeatures(explanations, names);
  if (json) return `${JSON.stringify({ examples: explanations.length, ranking: ranked })}\n`;
  return `Input features by mean absolute ${explanations[0]?.method ?? 'saliency'} over ${explanations.length} ${explanations.length === 1 ? 'example' : 'examples'}:\n${renderTable(
    [
      { title: 'rank', align: 'right' },
      { title: 'feature' },
      { title: 'mean |map|', align: 'right' },
    ],
    ranked.map((entry, rank) => [
      String(rank + 1),
      entry.feature,
      String(Number(entry.meanAbsolute.toPrecision(4))),
    ]),
  )}`;
}

/** The map as JSON and, when it is an image-shaped map, as a heat map PNG (white = largest |value|). */
function writeMap(folder: string, index: number, record: Record_): void {
  const base = path.join(folder, `example-${index}-${record.method}`);
  writeFileSync(`${base}.json`, `${JSON.stringify(record)}\n`);
  const [height, width] =
    record.mapShape.length >= 2 ? record.mapShape : [1, record.mapShape[0] ?? 1];
  const channels = record.mapShape.length === 3 ? record.mapShape[2]! : 1;
  const magnitude = new Float32Array(height! * width!);
  for (let p = 0; p < magnitude.length; p += 1) {
    for (let c = 0; c < channels; c += 1)
      magnitude[p] = Math.max(magnitude[p]!, Math.abs(record.map[p * channels + c]!));
  }
  const largest = Math.max(...magnitude, Number.MIN_VALUE);
  const png = new PNG({ width: width!, height: height! });
  magnitude.forEach((value, p) => {
    const level = Math.round((255 * value) / largest);
    png.data.set([level, level, level, 255], p * 4);
  });
  writeFileSync(`${base}.png`, PNG.sync.write(png));
}

/** Makes the --out folder, or refuses it with the reason (a file in the way, /proc, …). */
async function outputFolderFor(folder: string): Promise<void> {
  try {
    await checkOutputFolder(folder);
  } catch (error) {
    if (error instanceof OutputFolderError) throw new InsideError('bad-input', error.message);
    throw error;
  }
}
