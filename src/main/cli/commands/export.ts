import path from 'node:path';
import { ExportError } from '../../engine/export/export-error';
import { tfjsExport } from '../../engine/export/tfjs-export';
import { writeExportFolder } from '../../engine/export/write-export';
import type { CliIO } from '../io';
import { EXIT_OK } from '../io';
import { runInsideCommand } from '../inside-session';

export const EXPORT_USAGE = `Usage: neurite export <model> --format tfjs --out <folder> [--json]

Writes a trained model in a format other programs load.
  <model>            a saved model folder (what neurite train --out writes), a project file
                     (its newest run with saved weights, or --run <id>) or a network file
                     (untrained: the weights its initializers give)
  --format tfjs      TensorFlow.js layers model: model.json and weights.bin, which
                     tf.loadLayersModel reads in Node and in a browser
  --out <folder>     where to write it (a new folder, an empty one or an earlier export)
  --run <id>         a project file's run to export
  --json             print {"format": …, "out": …, "files": […]}
Exit code: 0 written, 2 a model, a format or a folder that cannot be used (the reason is printed).
`;

const FORMATS = ['tfjs'] as const;

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
      if (!(FORMATS as readonly string[]).includes(flags.format ?? '')) {
        throw new ExportError(
          'unsupported',
          flags.format === undefined
            ? 'Give the format to write with --format tfjs.'
            : `Neurite cannot export to "${flags.format}" yet; --format tfjs writes a TensorFlow.js model.`,
        );
      }
      if (!flags.out) {
        throw new ExportError('bad-output', 'Give the folder to write the model into with --out.');
      }
      const { argument } = session;
      const files = await tfjsExport(argument.document, argument.weights);
      writeExportFolder(flags.out, files);
      const names = [...files.keys()];
      if (flags.json) {
        io.stdout(
          `${JSON.stringify({ format: 'tfjs', out: path.resolve(flags.out), files: names })}\n`,
        );
        return EXIT_OK;
      }
      io.stdout(
        `Wrote ${argument.description} as a TensorFlow.js layers model to ${flags.out}: ${names.join(', ')}.\nLoad it with tf.loadLayersModel('…/${path.basename(flags.out)}/model.json').\n`,
      );
      return EXIT_OK;
    },
  );
}
