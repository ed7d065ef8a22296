import { evaluateModel } from '../../engine/inside/evaluate-model';
import { InsideError } from '../../engine/inside/inside-error';
import type { DataPart } from '../../engine/inside/run-data';
import { DATA_PARTS } from '../../engine/inside/run-data';
import type { CliIO } from '../io';
import { EXIT_OK } from '../io';
import { dataOfCommand, runInsideCommand } from '../inside-session';
import { renderTable } from '../text-table';

export const EVALUATE_USAGE = `Usage: neurite evaluate <model> [--data <data>] [--part all|train|validation|test] [--json]

Loss and metrics of a model on a data set, with the confusion matrix, computed as training
reports them. On the data it was trained on, the run's split is made again from its seed, so
--part test gives the run's own test numbers.
  --data <data>   a data set (as for neurite train); default: the one the model was trained on
  --part <part>   all (default), or the run's train, validation or test part
  --run <id>      a project file's run to use
  --json          print {"loss": …, "metrics": {…}, "confusionMatrix": …} at full precision
Exit code: 0 done, 2 a model, a data set or an option that cannot be used (the reason is printed).
`;

export async function evaluateCommand(args: readonly string[], io: CliIO): Promise<number> {
  const options = {
    data: { type: 'string' },
    target: { type: 'string' },
    part: { type: 'string', default: 'all' },
  } as const;
  return runInsideCommand(
    args,
    io,
    { name: 'evaluate', usage: EVALUATE_USAGE, options },
    async (session, flags) => {
      const { model, argument } = session;
      if (!(DATA_PARTS as readonly string[]).includes(flags.part)) {
        throw new InsideError(
          'bad-input',
          `--part must be one of ${DATA_PARTS.join(', ')} (got "${flags.part}").`,
        );
      }
      const data = await dataOfCommand('evaluate', session, flags.data, flags.target);
      const result = await evaluateModel(model, data, flags.part as DataPart);
      if (flags.json) {
        io.stdout(
          `${JSON.stringify({ model: argument.description, data: data.dataset.info.title, part: flags.part, ...result })}\n`,
        );
        return EXIT_OK;
      }
      for (const note of data.notes) io.stderr(`${note}\n`);
      const rows = [
        ['loss', String(Number(result.loss.toPrecision(6)))],
        ...Object.entries(result.metrics).map(([name, value]) => [
          name,
          String(Number(value.toPrecision(6))),
        ]),
      ];
      io.stdout(
        `${capitalized(argument.description)}, on ${result.examples} ${result.examples === 1 ? 'example' : 'examples'} of "${data.dataset.info.title}" (${flags.part}):\n${renderTable([{ title: 'measure' }, { title: 'value', align: 'right' }], rows)}`,
      );
      if (result.confusionMatrix) {
        const { labels, counts } = result.confusionMatrix;
        io.stdout(
          `\nConfusion matrix (rows: true class, columns: predicted):\n${renderTable(
            [{ title: '' }, ...labels.map((label) => ({ title: label, align: 'right' as const }))],
            counts.map((row, i) => [labels[i]!, ...row.map(String)]),
          )}`,
        );
      }
      return EXIT_OK;
    },
  );
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
