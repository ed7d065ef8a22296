import path from 'node:path';
import type { ResultFormat } from '../../../shared/export/run-results';
import { FIGURE_FILES, RESULT_FORMAT_INFO } from '../../../shared/export/run-results';
import { ExportError } from '../../engine/export/export-error';
import type { ResultExamples } from '../../engine/export/results/test-part';
import {
  checkPredictable,
  confusionOf,
  examplesOrWhyNot,
  noConfusionMatrix,
  predictionTable,
  resultExamples,
} from '../../engine/export/results/test-part';
import { writeExportFile, writeExportFolder } from '../../engine/export/write-export';
import { predictRows } from '../../engine/inside/predict';
import type { RunData } from '../../engine/inside/run-data';
import type { FigureSource } from '../../results/figure-files';
import { figureFiles } from '../../results/figure-files';
import { predictionsCsv } from '../../results/predictions-csv';
import type { CliIO } from '../io';
import { EXIT_OK } from '../io';
import type { InsideSession } from '../inside-session';
import { dataOfCommand } from '../inside-session';

export interface ResultFlags {
  readonly out?: string | undefined;
  readonly data?: string | undefined;
  readonly target?: string | undefined;
  readonly json?: boolean | undefined;
}

/**
 * `neurite export --format predictions|figures`: a trained model's results rather than the
 * model. Written whole or not at all, like every export.
 */
export function exportResults(
  session: InsideSession,
  format: ResultFormat,
  flags: ResultFlags,
  io: CliIO,
): Promise<number> {
  return format === 'predictions'
    ? exportPredictions(session, flags, io)
    : exportFigures(session, flags, io);
}

async function exportPredictions(
  session: InsideSession,
  flags: ResultFlags,
  io: CliIO,
): Promise<number> {
  if (!flags.out) {
    throw new ExportError(
      'bad-output',
      'Give the .csv file to write the predictions to with --out.',
    );
  }
  const data = await dataOfCommand('export', session, flags.data, flags.target);
  checkPredictable(data);
  const examples = resultExamples(data, 'test predictions');
  const outputs = predictRows(session.model, examples.source, examples.rows);
  const csv = predictionsCsv(predictionTable(session.model, data, examples, outputs));
  writeExportFile(flags.out, new TextEncoder().encode(csv), 'the predictions');
  const out = path.resolve(flags.out);
  if (flags.json) {
    io.stdout(
      `${JSON.stringify({ format: 'predictions', out, files: [path.basename(out)], part: examples.part, examples: outputs.length })}\n`,
    );
    return EXIT_OK;
  }
  for (const note of data.notes) io.stderr(`${note}\n`);
  io.stdout(
    `Wrote the predictions of ${session.argument.description} for ${examplesInWords(data, examples)} to ${flags.out}.\n`,
  );
  return EXIT_OK;
}

async function exportFigures(
  session: InsideSession,
  flags: ResultFlags,
  io: CliIO,
): Promise<number> {
  if (!flags.out) {
    throw new ExportError('bad-output', 'Give the folder to write the figures into with --out.');
  }
  const { argument } = session;
  if (!argument.history) {
    throw new ExportError(
      'unsupported',
      `${capitalized(argument.description)} was never trained, so it has no curves to draw. Give a saved model folder (neurite train --out) or a project file with a trained run.`,
    );
  }
  const history = argument.history();
  if (history.length === 0) {
    throw new ExportError(
      'unsupported',
      `${capitalized(argument.description)} ended before its first epoch, so it has no curves to draw. Train it for at least one epoch.`,
    );
  }
  const { confusion, classNames, notes } = await confusionFigure(session, flags);
  const figures = await figureFiles({
    history,
    ...(classNames ? { classNames } : {}),
    confusion,
  });
  writeExportFolder(flags.out, figures.files, 'the figures');
  const names = [...figures.files.keys()];
  const out = path.resolve(flags.out);
  if (flags.json) {
    io.stdout(
      `${JSON.stringify({ format: 'figures', out, files: names, ...(figures.note ? { note: figures.note } : {}) })}\n`,
    );
    return EXIT_OK;
  }
  for (const note of notes) io.stderr(`${note}\n`);
  io.stdout(
    `Wrote the ${RESULT_FORMAT_INFO.figures.title.toLowerCase()} of ${argument.description} to ${flags.out}: ${names.join(', ')}.\n${figures.note ? `No ${FIGURE_FILES.confusionSvg} or ${FIGURE_FILES.confusionPng}: ${figures.note}\n` : ''}`,
  );
  return EXIT_OK;
}

/**
 * The confusion matrix the figures show: of the test examples (of --data when given), or the
 * sentence why there is none. A model that does not say which data it was trained on still
 * gets its curves.
 */
async function confusionFigure(
  session: InsideSession,
  flags: ResultFlags,
): Promise<{
  confusion: FigureSource['confusion'];
  classNames: readonly string[] | undefined;
  notes: readonly string[];
}> {
  const { argument, model } = session;
  const trainedClasses = argument.training?.dataset?.classNames;
  if (flags.data === undefined && !argument.training) {
    return {
      confusion: `${capitalized(argument.description)} does not say which data it was trained on; give it with --data.`,
      classNames: trainedClasses,
      notes: [],
    };
  }
  const data = await dataOfCommand('export', session, flags.data, flags.target);
  const classNames = data.dataset.info.classNames ?? trainedClasses;
  const none = noConfusionMatrix(data);
  if (none) return { confusion: none, classNames, notes: data.notes };
  const examples = examplesOrWhyNot(data, 'confusion matrix of test examples');
  if (typeof examples === 'string') return { confusion: examples, classNames, notes: data.notes };
  const outputs = predictRows(model, examples.source, examples.rows);
  return {
    confusion: {
      matrix: confusionOf(model, data, examples, outputs),
      of: examples.part === 'test' ? 'test data' : `all of "${data.dataset.info.title}"`,
    },
    classNames,
    notes: data.notes,
  };
}

function examplesInWords(data: RunData, examples: ResultExamples): string {
  const count = examples.rows.length.toLocaleString('en-US');
  const title = data.dataset.info.title;
  return examples.part === 'test'
    ? `the ${count} test examples of "${title}"`
    : `all ${count} examples of "${title}" (it has no test part)`;
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
