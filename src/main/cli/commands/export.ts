import path from 'node:path';
import { EXPORT_FORMATS, EXPORT_FORMAT_INFO } from '../../../shared/export/formats';
import type { ExportFormat } from '../../../shared/export/formats';
import { ExportError } from '../../engine/export/export-error';
import { EXPORTERS } from '../../engine/export/exporters';
import { writeExportFile, writeExportFolder } from '../../engine/export/write-export';
import type { CliIO } from '../io';
import { EXIT_OK } from '../io';
import { runInsideCommand } from '../inside-session';

const FORMAT_LIST = EXPORT_FORMATS.join('|');

export const EXPORT_USAGE = `Usage: neurite export <model> --format ${FORMAT_LIST} --out <path> [--json]

Writes a trained model in a format other programs load.
  <model>            a saved model folder (what neurite train --out writes), a project file
                     (its newest run with saved weights, or --run <id>) or a network file
                     (untrained: the weights its initializers give)
  --format <format>  one of:
${EXPORT_FORMATS.map((format) => formatLine(format)).join('\n')}
  --out <path>       the folder to write into (a new folder, an empty one or an earlier
                     export); for onnx also the .onnx file itself
  --run <id>         a project file's run to export
  --json             print {"format": …, "out": …, "files": […]}
Exit code: 0 written, 2 a model, a format or a path that cannot be used (the reason is printed).
`;

function formatLine(format: ExportFormat): string {
  const info = EXPORT_FORMAT_INFO[format];
  return `    ${format.padEnd(15)}${info.title}: ${info.contents}`;
}

export async function exportCommand(args: readonly string[], io: CliIO): Promise<number> {
  const options = {
    format: { type: 'string' },
    out: { type: 'string' },
  } as const;
  return runInsideCommand(
    args,
    io,
    { name: 'export', usage: EXPORT_USAGE, options },
    async (session, flags) => {
      const format = exportFormat(flags.format);
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

function exportFormat(given: string | undefined): ExportFormat {
  const known = EXPORT_FORMATS.find((format) => format === given);
  if (known) return known;
  throw new ExportError(
    'unsupported',
    given === undefined
      ? `Give the format to write with --format (${EXPORT_FORMATS.join(', ')}).`
      : `Neurite cannot export to "${given}". Choose one of: ${EXPORT_FORMATS.join(', ')}.`,
  );
}
