import type { WorkerOutput, WorkerParsedInput } from '../../../../shared/worker/requests';
import { predictionsCsv } from '../../../results/predictions-csv';
import { openModel, partOutputs, runDataOf } from '../../inside/model-cache';
import {
  checkPredictable,
  confusionOf,
  noConfusionMatrix,
  noTestPart,
  predictionTable,
  resultExamples,
} from './test-part';

/**
 * The serving process's `export.predictions`: the run's test predictions as CSV. The outputs
 * are those the Inside panel and its confusion matrix use (computed once per open model), so
 * the file and the app always agree.
 */
export async function exportPredictionsCall(
  input: WorkerParsedInput<'export.predictions'>,
): Promise<WorkerOutput<'export.predictions'>> {
  const model = await openModel(input.model);
  const data = await runDataOf(input.model);
  checkPredictable(data);
  const examples = resultExamples(data, 'test predictions');
  const outputs = await partOutputs(input.model, examples.part);
  return {
    csv: predictionsCsv(predictionTable(model, data, examples, outputs)),
    examples: outputs.length,
  };
}

/**
 * The serving process's `export.testConfusion`, for the run's figures: the confusion matrix of
 * its test examples, or the sentence why it has none (no classes, or no test part).
 */
export async function exportTestConfusionCall(
  input: WorkerParsedInput<'export.testConfusion'>,
): Promise<WorkerOutput<'export.testConfusion'>> {
  const model = await openModel(input.model);
  const data = await runDataOf(input.model);
  const none = noConfusionMatrix(data);
  if (none) return { none };
  const test = data.parts.test;
  if (!test) return { none: noTestPart('confusion matrix of test examples') };
  const outputs = await partOutputs(input.model, 'test');
  return { confusion: confusionOf(model, data, { part: 'test', ...test }, outputs) };
}
