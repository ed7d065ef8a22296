import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseGraphDocument } from '../../../shared/graph/parse';
import type { ModelRef } from '../../../shared/inside/inside-schemas';
import { SAVED_MODEL_FILES } from '../../../shared/training/saved-run';
import { InsideError } from './inside-error';
import type { InsideModel, SavedWeights } from './inside-model';
import { openInsideModel, savedWeights } from './inside-model';
import { useSynchronousBackend } from '../backends/select-backend';
import { predictRows } from './predict';
import { nextTurn, reportProgress } from '../work-progress';
import type { DataPart, RunData } from './run-data';
import { loadRunData, partOf } from './run-data';

/** A model a serving process has open, with the data it was trained on once it is asked for. */
interface Open {
  readonly key: string;
  readonly model: InsideModel;
  readonly ref: ModelRef;
  data?: Promise<RunData>;
  /** The model's outputs for every example of a part, once a selection has needed them. */
  readonly outputs: Map<DataPart, number[][]>;
}

let current: Open | undefined;
/** Examples predicted between two progress reports. */
const CHUNK = 2048;
/**
 * The model a request names, opened once and kept while requests keep naming it: a student
 * clicking through examples of one run never waits for the weights again. Opening another
 * model lets the previous one go.
 */
export async function openModel(ref: ModelRef): Promise<InsideModel> {
  // Looking inside reads results synchronously: never on WebGPU (see useSynchronousBackend).
  await useSynchronousBackend();
  if (current?.key === ref.key) return current.model;
  const parsed = parseGraphDocument(ref.graph);
  if (!parsed.ok) {
    throw new InsideError(
      'mismatch',
      `The run's network cannot be read: ${parsed.problems[0]?.message ?? 'it is broken'}.`,
    );
  }
  const weights = ref.weightsDir ? await readWeights(ref.weightsDir) : undefined;
  const model = openInsideModel(parsed.document, weights);
  current?.model.dispose();
  current = { key: ref.key, model, ref, outputs: new Map() };
  return model;
}

/** The run's own data, read as training read it (the same split and preprocessing). */
export async function runDataOf(ref: ModelRef): Promise<RunData> {
  const model = await openModel(ref);
  const open = current!;
  if (!ref.training) {
    throw new InsideError(
      'unsupported',
      'This model has no training data to show: it was not trained on a data set.',
    );
  }
  open.data ??= loadRunData(model, ref.training.data, ref.training);
  try {
    return await open.data;
  } catch (error) {
    open.data = undefined;
    throw error;
  }
}

/**
 * The model's outputs for every example of a part of its data, computed once per open model:
 * a student paging through mistakes or clicking cells of the confusion matrix waits only once.
 */
export async function partOutputs(ref: ModelRef, part: DataPart): Promise<number[][]> {
  const data = await runDataOf(ref);
  const open = current!;
  const known = open.outputs.get(part);
  if (known) return known;
  const { source, rows } = partOf(data, part);
  const outputs: number[][] = [];
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.subarray(start, Math.min(rows.length, start + CHUNK));
    outputs.push(...predictRows(open.model, source, chunk));
    reportProgress(outputs.length, rows.length);
    await nextTurn();
  }
  open.outputs.set(part, outputs);
  return outputs;
}

/** A run's saved weights (model.json and weights.bin in its folder). */
export async function readWeights(folder: string): Promise<SavedWeights> {
  try {
    const [topology, bytes] = await Promise.all([
      readFile(path.join(folder, SAVED_MODEL_FILES.topology)),
      readFile(path.join(folder, SAVED_MODEL_FILES.weights)),
    ]);
    return savedWeights(topology, bytes, 'this run');
  } catch (error) {
    if (error instanceof InsideError) throw error;
    throw new InsideError(
      'mismatch',
      'The weights of this run are missing: it ended before any were saved. Train again to look inside.',
    );
  }
}
