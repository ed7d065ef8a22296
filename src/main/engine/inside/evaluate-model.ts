import type { Evaluation } from '../../../shared/training/events';
import { evaluateRows } from '../training/evaluate';
import { lossSpecFor } from '../training/loss-spec';
import type { InsideModel } from './inside-model';
import type { DataPart, RunData } from './run-data';
import { partOf } from './run-data';

/**
 * Loss and metrics of the model on one part of the data, computed by the same code that
 * reports them during training (the same loss, the same metrics, the same confusion matrix).
 */
export async function evaluateModel(
  model: InsideModel,
  data: RunData,
  part: DataPart,
): Promise<Evaluation & { readonly examples: number }> {
  const { source, rows } = partOf(data, part);
  const loss = lossSpecFor(model.document, model.loss);
  const evaluation = await evaluateRows(
    model.compiled.model,
    source,
    rows,
    data.plan,
    loss,
    data.dataset.info.classNames ?? [],
  );
  return { ...evaluation, examples: rows.length };
}
