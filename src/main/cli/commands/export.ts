import path from 'node:path';
import { EXPORT_FORMATS, EXPORT_FORMAT_INFO } from '../../../shared/export/formats';
import type { ExportFormat } from '../../../shared/export/formats';
import { RESULT_FORMATS, RESULT_FORMAT_INFO } from '../../../shared/export/run-results';
import type { ResultFormat } from '../../../shared/export/run-results';
import { ExportError } from '../../engine/export/export-error';
import { EXPORTERS } from '../../engine/export/exporters';
import { writeExportFile, writeExportFolder } from '../../engine/export/write-export';
import type { CliIO } from '../io';
import { EXIT_OK } from '../io';
import { runInsideCommand } from '../inside-session';
import { exportResults } from './export-results';

/** What --format takes: a model format, or one of a run's results. */
const FORMATS: readonly (ExportFormat | ResultFormat)[] = [...EXPORT_FORMATS, ...RESULT_FORMATS];
const FORMAT_LIST = FORMATS.join('|');

export const EXPORT_USAGE = `Usage: neurite export <model> --format ${FORMAT_LIST} --out <path> [--json]

Writes a trained model in a format other programs load, or the results of its run.
  <model>            a saved model folder (what neurite train --out writes), a project file
                     (its newest run with saved weights, or --run <id>) or a network file
                     (untrained: the weights its initializers give)
  --format <format>  a model format:
${EXPORT_FORMATS.map((format) => formatLine(format, EXPORT_FORMAT_INFO[format])).join('\n')}
                     or the run's results, on its test examples:
${RESULT_FORMATS.map((format) => formatLine(format, RESULT_FORMAT_INFO[format])).join('\n')}
  --out <path>       the folder to write into (a new folder, an empty one or an earlier
                     export); for onnx also the .onnx file itself; for predictions the .csv file
  --data <data>      predictions and figures: another data set (as for neurite evaluate), its
                     test part, or all of it when it has none
  --target <column>  with --data from a CSV file: the column to predict (name or 0-based
                     index; default the last)
  --run <id>         a project file's run to export
  --json             print {"format": …, "out": …, "files": […]}
Exit code: 0 written, 2 a model, a format or a path that cannot be used (the reason is printed).
`;

/** One format in the usage: its name, then its description wrapped under the others' text. */
function formatLine(format: string, info: { title: string; contents: string }): string {
  const indent = ' '.repeat(21);
  const lines: string[] = [];
  let line = `    ${format.padEnd(15)}  ${info.title}:`;
  for (const word of info.contents.split(' ')) {
    if (line.length + 1 + word.length > 96) {
      lines.push(line);
      line = `${indent}${word}`;
    } else {
      line = `${line} ${word}`;
    }
  }
  return [...lines, line].join('\n');
}

export async function exportCommand(args: readonly string[], io: CliIO): Promise<number> {
  const options = {
    format: { type: 'string' },
    out: { type: 'string' },
    data: { type: 'string' },
    target: { type: 'string' },
  } as const;
  return runInsideCommand(
    args,
    io,
    { name: 'export', usage: EXPORT_USAGE, options },
    async (session, flags) => {
      const format = exportFormat(flags.format);
      if (isResultFormat(format)) return exportResults(session, format, flags, io);
      if (flags.data !== undefined) {
        throw new ExportError(
          'unsupported',
          `--data is for the predictions and figures; ${EXPORT_FORMAT_INFO[format].title} holds the model alone. Leave --data out.`,
        );
      }
      if (!flags.out) {
        throw new ExportError('bad-output', 'Give the folder to write the model into with --out.');
      }
      const exporter = EXPORTERS[format];
      const { argument } = session;
      const files = await exporter.write({
        document: argument.document,
        weights: argument.weights,
      });
      const single = exporter.singleFile;
      const asFile = single !== undefined && path.extname(flags.out) === path.extname(single);
      if (asFile) writeExportFile(flags.out, files.get(single)!);
      else writeExportFolder(flags.out, files);
      const names = asFile ? [path.basename(flags.out)] : [...files.keys()];
      const out = path.resolve(flags.out);
      if (flags.json) {
        io.stdout(`${JSON.stringify({ format, out, files: names })}\n`);
        return EXIT_OK;
      }
      const loadFrom = asFile ? out : path.join(out, single ?? '');
      io.stdout(
        `Wrote ${argument.description} as ${EXPORT_FORMAT_INFO[format].title} to ${flags.out}: ${names.join(', ')}.\n${exporter.howToLoad(single ? loadFrom : out)}\n`,
      );
      return EXIT_OK;
    },
  );
}

function exportFormat(given: string | undefined): ExportFormat | ResultFormat {
  const known = FORMATS.find((format) => format === given);
  if (known) return known;
  throw new ExportError(
    'unsupported',
    given === undefined
      ? `Give the format to write with --format (${FORMATS.join(', ')}).`
      : `Neurite cannot export to "${given}". Choose one of: ${FORMATS.join(', ')}.`,
  );
}

function isResultFormat(format: ExportFormat | ResultFormat): format is ResultFormat {
  return (RESULT_FORMATS as readonly string[]).includes(format);
}
