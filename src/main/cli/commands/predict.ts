import type { InsideModel } from '../../engine/inside/inside-model';
import { predictedClass } from '../../engine/inside/inside-model';
import { MAX_PREDICT_EXAMPLES, predictRows, predictValues } from '../../engine/inside/predict';
import { loadRunData, partOf } from '../../engine/inside/run-data';
import { InsideError } from '../../engine/inside/inside-error';
import { parseDataArgument } from '../data-argument';
import type { CliIO } from '../io';
import { EXIT_OK } from '../io';
import { exampleFromFlags, runInsideCommand } from '../inside-session';
import { renderTable } from '../text-table';

export const PREDICT_USAGE = `Usage: neurite predict <model> [--input <values> | --image <file> | --text <sentence> | --data <data>] [--json]

Computes a network's outputs. <model> is a saved model folder (neurite train --out), a project
file exported by the app (its newest run with saved weights, or --run <id>), or a network file
(untrained: the weights its initializers give, seeded).
  --input <values>   one example: numbers separated by commas, or a JSON array, reshaped to the
                     Input's shape row by row (784 numbers feed a 28×28×1 Input)
  --image <file>     one PNG or JPEG image, scaled to the Input's size
  --text <sentence>  one sentence, as the word ids of the model's training vocabulary
  --data <data>      every example of a data set (as for neurite train), at most ${MAX_PREDICT_EXAMPLES.toLocaleString('en-US')}
  --limit <n>        only the first n examples of --data
  --run <id>         a project file's run to use
  --json             print {"outputs": [[...]], ...} with every value at full precision
Exit code: 0 done, 2 a model, an input or an option that cannot be used (the reason is printed).
`;

export async function predictCommand(args: readonly string[], io: CliIO): Promise<number> {
  const options = {
    input: { type: 'string' },
    image: { type: 'string' },
    text: { type: 'string' },
    data: { type: 'string' },
    target: { type: 'string' },
    limit: { type: 'string' },
  } as const;
  return runInsideCommand(
    args,
    io,
    { name: 'predict', usage: PREDICT_USAGE, options },
    async (session, flags) => {
      const { model, argument } = session;
      const example = exampleFromFlags(session, flags);
      if (example && flags.data !== undefined) {
        throw new InsideError(
          'bad-input',
          'Give one example (--input, --image, --text) or --data, not both.',
        );
      }
      const classNames = argument.training?.dataset?.classNames;
      if (example) {
        const outputs = predictValues(model, example.values, 1);
        if (flags.json) {
          io.stdout(
            `${JSON.stringify({ model: argument.description, outputs, ...classesOf(model, classNames, outputs) })}\n`,
          );
        } else {
          if (example.note) io.stderr(`${example.note}\n`);
          io.stdout(describeOne(model, outputs[0]!, classNames));
        }
        return EXIT_OK;
      }
      if (flags.data === undefined) {
        throw new InsideError(
          'bad-input',
          'Give an example to predict: --input, --image, --text or --data.',
        );
      }
      const spec = parseDataArgument(flags.data, { target: flags.target });
      const data = await loadRunData(model, spec, argument.training);
      const { source, rows: all } = partOf(data, 'all');
      const limit = flags.limit === undefined ? undefined : Number(flags.limit);
      if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) {
        throw new InsideError(
          'bad-input',
          `--limit must be a whole number from 1 (got "${flags.limit}").`,
        );
      }
      const rows = all.subarray(0, Math.min(all.length, limit ?? all.length));
      if (rows.length > MAX_PREDICT_EXAMPLES) {
        throw new InsideError(
          'too-large',
          `"${data.dataset.info.title}" has ${rows.length.toLocaleString('en-US')} examples; neurite predict answers at most ${MAX_PREDICT_EXAMPLES.toLocaleString('en-US')} at once. Add --limit ${MAX_PREDICT_EXAMPLES}, or use neurite evaluate for the metrics of all of them.`,
        );
      }
      const outputs = predictRows(model, source, rows);
      const names = data.dataset.info.classNames ?? classNames;
      if (flags.json) {
        io.stdout(
          `${JSON.stringify({ model: argument.description, data: data.dataset.info.title, outputs, ...classesOf(model, names, outputs) })}\n`,
        );
      } else {
        for (const note of data.notes) io.stderr(`${note}\n`);
        io.stdout(describeMany(model, outputs, names));
      }
      return EXIT_OK;
    },
  );
}

/** The predicted class of each example, for classification: its index and its name. */
function classesOf(
  model: InsideModel,
  classNames: readonly string[] | undefined,
  outputs: readonly (readonly number[])[],
): { predicted?: number[]; classes?: string[] } {
  if (model.task !== 'classification') return {};
  return {
    predicted: outputs.map((output) => predictedClass(output, model.threshold)),
    ...(classNames ? { classes: [...classNames] } : {}),
  };
}

const digits = (value: number) => Number(value.toPrecision(6)).toString();

function className(classNames: readonly string[] | undefined, index: number): string {
  return classNames?.[index] ?? `class ${index}`;
}

function describeOne(
  model: InsideModel,
  output: readonly number[],
  classNames: readonly string[] | undefined,
): string {
  if (model.task !== 'classification') {
    return output.length === 1
      ? `Output: ${digits(output[0]!)}\n`
      : `Outputs (${output.length}): ${output.map(digits).join(', ')}\n`;
  }
  const winner = predictedClass(output, model.threshold);
  if (scoresOnly(model, output)) {
    return `Score: ${digits(output[0]!)} (${className(classNames, 1)} from 0 up)\nPredicted: ${className(classNames, winner)}\n`;
  }
  const probabilities = output.length === 1 ? [1 - output[0]!, output[0]!] : [...output];
  const rows = probabilities.map((p, k) => [
    className(classNames, k),
    digits(p),
    '█'.repeat(Math.round(p * 20)),
  ]);
  return `${renderTable(
    [{ title: 'class' }, { title: 'probability', align: 'right' }, { title: '' }],
    rows,
  )}Predicted: ${className(classNames, winner)}\n`;
}

function describeMany(
  model: InsideModel,
  outputs: readonly (readonly number[])[],
  classNames: readonly string[] | undefined,
): string {
  const shown = outputs.slice(0, 20);
  const rows = shown.map((output, i) =>
    model.task === 'classification'
      ? [
          String(i + 1),
          className(classNames, predictedClass(output, model.threshold)),
          digits(
            scoresOnly(model, output)
              ? output[0]!
              : Math.max(...(output.length === 1 ? [1 - output[0]!, output[0]!] : output)),
          ),
        ]
      : [String(i + 1), output.map(digits).join(', ')],
  );
  const columns =
    model.task === 'classification'
      ? [
          { title: '#', align: 'right' as const },
          { title: 'predicted' },
          {
            title: outputs[0] && scoresOnly(model, outputs[0]) ? 'score' : 'probability',
            align: 'right' as const,
          },
        ]
      : [{ title: '#', align: 'right' as const }, { title: 'output' }];
  const more =
    outputs.length > shown.length
      ? `… and ${outputs.length - shown.length} more (--json prints all).\n`
      : '';
  return `${renderTable(columns, rows)}${more}`;
}

/** One hinge output is a score around 0 (−1 for one class, +1 for the other), not a probability. */
function scoresOnly(model: InsideModel, output: readonly number[]): boolean {
  return output.length === 1 && model.threshold === 0;
}
