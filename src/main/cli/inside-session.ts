import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import { parseArgs } from 'node:util';
import { DatasetError } from '../data/types';
import { exampleFromImage, exampleFromText, exampleFromValues } from '../data/single-example';
import { selectBackend } from '../engine/backends/select-backend';
import { GraphCompileError } from '../engine/compiler/compile-graph';
import { ExportError } from '../engine/export/export-error';
import { InsideError } from '../engine/inside/inside-error';
import type { InsideModel } from '../engine/inside/inside-model';
import { openInsideModel } from '../engine/inside/inside-model';
import type { RunData } from '../engine/inside/run-data';
import { loadRunData } from '../engine/inside/run-data';
import { parseDataArgument } from './data-argument';
import type { ModelArgument } from './model-argument';
import { readModelArgument } from './model-argument';
import type { CliIO } from './io';
import { EXIT_OK, EXIT_USAGE } from './io';

/** A model opened for predict, evaluate or explain, with where it came from. */
export interface InsideSession {
  readonly model: InsideModel;
  readonly argument: ModelArgument;
}

/** Opens `<model>` on the best backend here, quietly (the trainer's choice, never a GPU probe print). */
export async function openSession(value: string, run?: string): Promise<InsideSession> {
  const argument = readModelArgument(value, run);
  await selectBackend('auto', { synchronousReads: true });
  const model = openInsideModel(argument.document, argument.weights);
  return { model, argument };
}

/** One example from --input, --image or --text, in the Input's shape. */
export function exampleFromFlags(
  session: InsideSession,
  flags: { input?: string | undefined; image?: string | undefined; text?: string | undefined },
): { values: Float32Array | Int32Array; note?: string } | undefined {
  const { model } = session;
  const given = [flags.input, flags.image, flags.text].filter((flag) => flag !== undefined);
  if (given.length > 1) {
    throw new InsideError(
      'bad-input',
      'Give one example: --input, --image or --text, not several.',
    );
  }
  if (flags.input !== undefined) {
    return { values: exampleFromValues(flags.input, model.inputShape, model.inputDtype) };
  }
  if (flags.image !== undefined) {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(flags.image);
    } catch {
      throw new InsideError(
        'bad-input',
        `Cannot read the image "${flags.image}": there is no such file.`,
      );
    }
    return { values: exampleFromImage(bytes, path.basename(flags.image), model.inputShape) };
  }
  if (flags.text !== undefined) {
    const text = exampleFromText(
      flags.text,
      session.argument.training?.dataset?.vocabulary,
      model.inputShape,
    );
    const notes = [
      ...(text.unknown.length > 0
        ? [
            `Words the model never saw in training, read as "unknown" (id 1): ${text.unknown.join(', ')}.`,
          ]
        : []),
      ...(text.unread > 0
        ? [
            `The network reads the first ${model.inputShape[0]} words; the last ${text.unread} were not read.`,
          ]
        : []),
    ];
    return { values: text.ids, ...(notes.length > 0 ? { note: notes.join(' ') } : {}) };
  }
  return undefined;
}

/**
 * The data a command looks at: --data when given (with its target columns), else the data the
 * model was trained on; a model that does not say which asks for --data.
 */
export async function dataOfCommand(
  command: string,
  session: InsideSession,
  data: string | undefined,
  target: string | undefined,
): Promise<RunData> {
  const { model, argument } = session;
  const spec = data !== undefined ? parseDataArgument(data, { target }) : argument.training?.data;
  if (!spec) {
    throw new InsideError(
      'bad-input',
      `neurite ${command} needs --data: ${argument.description} does not say which data it was trained on.`,
    );
  }
  return loadRunData(model, spec, argument.training);
}

/**
 * Whether a failure is the user's to fix (a sentence and the usage exit code) rather than a
 * fault inside Neurite.
 */
export function isUserError(error: unknown): error is Error {
  return (
    error instanceof InsideError ||
    error instanceof DatasetError ||
    error instanceof GraphCompileError ||
    error instanceof ExportError
  );
}

type ParseArgsOptionsConfig = NonNullable<ParseArgsConfig['options']>;

/** The options every look-inside command takes. */
const COMMON_OPTIONS = {
  run: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h' },
} as const;

type InsideFlags<O extends ParseArgsOptionsConfig> = ReturnType<
  typeof parseArgs<{
    args: string[];
    options: O & typeof COMMON_OPTIONS;
    allowPositionals: true;
  }>
>['values'];

/**
 * What predict, evaluate and explain share: their options read (the usage on a mistake,
 * --help), exactly one <model> opened, a user's mistake turned into its sentence and exit
 * code 2, and the model let go at the end, whatever happened.
 */
export async function runInsideCommand<O extends ParseArgsOptionsConfig>(
  args: readonly string[],
  io: CliIO,
  command: { readonly name: string; readonly usage: string; readonly options: O },
  body: (session: InsideSession, flags: InsideFlags<O>) => Promise<number>,
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      options: { ...command.options, ...COMMON_OPTIONS },
      allowPositionals: true,
    });
  } catch (error) {
    io.stderr(`${(error as Error).message}\n\n${command.usage}`);
    return EXIT_USAGE;
  }
  const flags = parsed.values;
  const common = parsed.values as { help?: boolean; run?: string };
  if (common.help) {
    io.stdout(command.usage);
    return EXIT_OK;
  }
  const [modelPath, ...extra] = parsed.positionals;
  if (!modelPath || extra.length > 0) {
    io.stderr(`neurite ${command.name} needs one model.\n\n${command.usage}`);
    return EXIT_USAGE;
  }
  let session: InsideSession;
  try {
    session = await openSession(modelPath, common.run);
  } catch (error) {
    return refuse(io, error);
  }
  try {
    return await body(session, flags);
  } catch (error) {
    return refuse(io, error);
  } finally {
    session.model.dispose();
  }
}

/** A user's mistake: the sentence and the usage exit code. Anything else is reported as ours. */
export function refuse(io: CliIO, error: unknown): number {
  if (isUserError(error)) {
    io.stderr(`${error.message}\n`);
    return EXIT_USAGE;
  }
  throw error;
}
