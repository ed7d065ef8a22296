import { nodeDisplayName } from '../../../shared/graph/document';
import type { DatasetSpec } from '../../../shared/data/dataset-spec';
import type { TrainingConfig } from '../../../shared/training/config';
import { loadDataset } from '../../data/load-dataset';
import { createRandom } from '../../data/seeded-random';
import type { TargetPlan } from '../../data/target-plan';
import { planTargets } from '../../data/target-plan';
import type { LoadedDataset } from '../../data/types';
import type { BatchSource } from '../training/batches';
import { allRows } from '../training/batches';
import { batchSource } from '../training/evaluation-sets';
import { splitRows } from '../training/splits';
import { stratifyLabels } from '../training/stratify';
import { InsideError } from './inside-error';
import type { InsideModel } from './inside-model';

import type { DataPart } from '../../../shared/inside/inside-schemas';
import { DATA_PARTS } from '../../../shared/inside/inside-schemas';

export { DATA_PARTS };
export type { DataPart };

/** A data set read as the model's run read it, with the rows of each part. */
export interface RunData {
  readonly dataset: LoadedDataset;
  readonly plan: TargetPlan;
  /** Rows of `dataset.examples`, per part; `test` may come from the set's own test part. */
  readonly parts: Partial<
    Record<DataPart, { readonly source: BatchSource; readonly rows: Int32Array }>
  >;
  /** Said when the data is not the run's own, so its preprocessing was learnt from all of it. */
  readonly notes: readonly string[];
}

/** The training a model came from: its data set and settings. */
export interface TrainedOn {
  readonly data: DatasetSpec;
  readonly config: TrainingConfig;
}

/**
 * Loads `data` for a model. When it is the data the model was trained on, the split is made
 * again from the run's seed and settings, and the scaling or vocabulary is learnt from the
 * same training rows, so every number matches what training reported. Other data learns its
 * preprocessing from all its rows, and says so.
 */
export async function loadRunData(
  model: InsideModel,
  data: DatasetSpec,
  trainedOn?: TrainedOn,
): Promise<RunData> {
  const dataset = await loadDataset(data);
  const info = model.compiled.analysis.nodes.get(model.input.id)!.output!;
  const outputInfo = model.compiled.analysis.nodes.get(model.output.id)!.output!;
  const planned = planTargets(
    dataset.info,
    { name: nodeDisplayName(model.input), info },
    {
      name: nodeDisplayName(model.output),
      task: model.task,
      loss: model.loss,
      shape: outputInfo.shape,
    },
  );
  if (!planned.ok) throw new InsideError('mismatch', planned.message);
  const plan = planned.plan;
  const source = batchSource(dataset, 'examples', plan, model.inputDtype, model.inputShape);
  const count = dataset.examples.count;
  const own = trainedOn && JSON.stringify(trainedOn.data) === JSON.stringify(data);
  const parts: RunData['parts'] = { all: { source, rows: allRows(count) } };
  const notes: string[] = [];
  if (own) {
    const { config } = trainedOn;
    const labels = stratifyLabels(dataset, config.stratify, []);
    const split = splitRows(count, config, createRandom(config.seed), labels);
    dataset.fitOnTrainingRows?.(split.train);
    parts.train = { source, rows: split.train };
    if (split.validation) parts.validation = { source, rows: split.validation };
    if (split.test) parts.test = { source, rows: split.test };
  } else {
    dataset.fitOnTrainingRows?.(allRows(count));
    if (dataset.fitOnTrainingRows && model.trained) {
      notes.push(
        `"${dataset.info.title}" is not the data this model was trained on, so its scaling or vocabulary was learnt from all its rows; the model may read them differently from its own training data.`,
      );
    }
  }
  if (!parts.test && dataset.test) {
    parts.test = {
      source: batchSource(dataset, 'test', plan, model.inputDtype, model.inputShape),
      rows: allRows(dataset.test.count),
    };
  }
  return { dataset, plan, parts, notes };
}

/** The rows of one part, or a sentence naming the parts there are. */
export function partOf(
  data: RunData,
  part: DataPart,
): { readonly source: BatchSource; readonly rows: Int32Array } {
  const chosen = data.parts[part];
  if (chosen) return chosen;
  const there = DATA_PARTS.filter((name) => data.parts[name]);
  throw new InsideError(
    'bad-input',
    `"${data.dataset.info.title}" has no ${part} part here: ${part === 'all' ? '' : 'the model was trained without one, or on other data. '}Its parts are ${there.join(', ')}.`,
  );
}
