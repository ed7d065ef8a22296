import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DatasetError } from '../data/types';
import { exampleFromImage, exampleFromText, exampleFromValues } from '../data/single-example';
import { selectBackend } from '../engine/backends/select-backend';
import { GraphCompileError } from '../engine/compiler/compile-graph';
import { InsideError } from '../engine/inside/inside-error';
import type { InsideModel } from '../engine/inside/inside-model';
import { openInsideModel } from '../engine/inside/inside-model';
import type { ModelArgument } from './model-argument';
import { readModelArgument } from './model-argument';

/** A model opened for predict, evaluate or explain, with where it came from. */
export interface InsideSession {
  readonly model: InsideModel;
  readonly argument: ModelArgument;
}

/** Opens `<model>` on the best backend here, quietly (the trainer's choice, never a GPU probe print). */
export async function openSession(value: string, run?: string): Promise<InsideSession> {
  const argument = readModelArgument(value, run);
  await selectBackend('auto');
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
    return {
      values: text.ids,
      ...(text.unknown.length > 0
        ? {
            note: `Words the model never saw in training, read as "unknown" (id 1): ${text.unknown.join(', ')}.`,
          }
        : {}),
    };
  }
  return undefined;
}

/**
 * Whether a failure is the user's to fix (a sentence and the usage exit code) rather than a
 * fault inside Neurite.
 */
export function isUserError(error: unknown): error is Error {
  return (
    error instanceof InsideError ||
    error instanceof DatasetError ||
    error instanceof GraphCompileError
  );
}
