import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SAVED_MODEL_FILES } from '../../../shared/training/saved-run';
import { selectBackend } from '../../engine/backends/select-backend';
import { ExportError } from '../../engine/export/export-error';
import { writeExportFolder } from '../../engine/export/write-export';
import { checkImportedWeights } from '../../engine/import/check-import';
import type { SavedWeights } from '../../engine/inside/inside-model';
import { ModelImportError } from '../../model-import/import-error';
import { importLayersModel } from '../../model-import/import-model';
import type { CliIO } from '../io';
import { EXIT_OK, EXIT_USAGE } from '../io';

export const IMPORT_USAGE = `Usage: neurite import <model.json> [weights files…] --out <folder> [--json]
       neurite import <model.zip> --out <folder> [--json]

Reads a trained TensorFlow.js layers model (model.json with the weights files it lists, or a
zip of them, as neurite export --format tfjs and the app write) as a Neurite network, and
writes a saved model folder: network.json (the network), model.json and weights.bin (its
weights, named by the network's layers). Look inside it with neurite predict, evaluate or
explain, and train on from its weights with neurite train <folder>/network.json --start-from
<folder>.
  --out <folder>  the folder to write into (a new folder, an empty one or an earlier import)
  --json          print {"out": …, "files": […], "network": …, "notes": […]}
Exit code: 0 imported, 2 files that are not such a model, a layer Neurite does not have, or a
folder that cannot be written (the reason is printed).
`;

export async function importCommand(args: readonly string[], io: CliIO): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    io.stderr(`${(error as Error).message}\n\n${IMPORT_USAGE}`);
    return EXIT_USAGE;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(IMPORT_USAGE);
    return EXIT_OK;
  }
  if (positionals.length === 0) {
    io.stderr(
      `Give the model to import: its model.json with its weights files, or a zip.\n\n${IMPORT_USAGE}`,
    );
    return EXIT_USAGE;
  }
  if (!values.out) {
    io.stderr(`Give the folder to write the imported model into with --out.\n\n${IMPORT_USAGE}`);
    return EXIT_USAGE;
  }
  try {
    const files = positionals.map((file) => ({
      name: path.basename(file),
      bytes: readModel(file),
    }));
    const fileName = positionals.length === 1 ? files[0]!.name : 'model.json';
    const imported = importLayersModel(files, fileName);
    const { data, specs } = imported.weights;
    const weights: SavedWeights = {
      specs: specs as unknown as SavedWeights['specs'],
      data: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer,
    };
    await selectBackend('auto', { synchronousReads: true });
    const layers = checkImportedWeights(imported.document, weights);
    const text = (value: unknown) =>
      new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`);
    const written = new Map([
      [SAVED_MODEL_FILES.network, text(imported.document)],
      [
        SAVED_MODEL_FILES.topology,
        text({
          format: 'layers-model',
          weightsManifest: [{ paths: ['weights.bin'], weights: specs }],
        }),
      ],
      [SAVED_MODEL_FILES.weights, data],
    ]);
    writeExportFolder(values.out, written);
    const name = imported.document.metadata.name;
    if (values.json) {
      io.stdout(
        `${JSON.stringify({ out: values.out, files: [...written.keys()], network: name, notes: imported.notes })}\n`,
      );
      return EXIT_OK;
    }
    const layerCount = imported.document.nodes.length;
    io.stdout(
      `Imported "${name}" (${layerCount} layers, ${layers} with their weights) into ${values.out}: ${[...written.keys()].join(', ')}.\n`,
    );
    for (const note of imported.notes) io.stdout(`  - ${note}\n`);
    io.stdout(
      `Train on from its weights with: neurite train ${path.join(values.out, SAVED_MODEL_FILES.network)} --data <data> --start-from ${values.out}\n`,
    );
    return EXIT_OK;
  } catch (error) {
    if (error instanceof ModelImportError || error instanceof ExportError) {
      io.stderr(`${error.message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}

function readModel(file: string): Uint8Array {
  try {
    return readFileSync(file);
  } catch (error) {
    throw new ModelImportError(
      'invalid-input',
      `"${file}" could not be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Give the model's model.json with its weights files, or its zip.`,
    );
  }
}
