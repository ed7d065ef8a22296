import type {
  DataPart,
  Explanation,
  FeatureImportance,
} from '../../../shared/inside/inside-schemas';
import { gatherFeatures } from '../training/batches';
import { nextTurn, reportProgress } from '../work-progress';
import { explainExample } from './explain';
import { InsideError } from './inside-error';
import type { InsideModel } from './inside-model';
import type { RunData } from './run-data';
import { partOf } from './run-data';

/**
 * Input features ranked by their mean absolute saliency over examples: the course's use of
 * saliency to choose features (which Iris measurement matters). The command line's
 * `explain --summary` and the Inside view rank with this one function.
 */
export function rankFeatures(
  explanations: readonly Explanation[],
  names: readonly string[] | undefined,
): FeatureImportance['ranking'] {
  const size = explanations[0]?.map.length ?? 0;
  const mean = Array.from(
    { length: size },
    (_, k) => explanations.reduce((sum, e) => sum + Math.abs(e.map[k]!), 0) / explanations.length,
  );
  return mean
    .map((value, index) => ({
      feature: names?.[index] ?? `input ${index + 1}`,
      index,
      meanAbsolute: value,
    }))
    .sort((a, b) => b.meanAbsolute - a.meanAbsolute);
}

/** Most features ranked: a vector input a student reads as a list. */
export const MAX_RANKED_FEATURES = 64;

/** The features of a vector input ranked over the first `limit` examples of a part. */
export async function featureImportance(
  model: InsideModel,
  data: RunData,
  part: DataPart,
  limit: number,
): Promise<FeatureImportance> {
  if (model.inputShape.length !== 1 || model.inputDtype !== 'float32') {
    throw new InsideError(
      'unsupported',
      'Ranking the inputs is for networks that read a list of numbers (such as the four Iris measurements); for images and texts, look at each example’s map instead.',
    );
  }
  if (model.inputShape[0]! > MAX_RANKED_FEATURES) {
    throw new InsideError(
      'too-large',
      `This network reads ${model.inputShape[0]} numbers; Neurite ranks up to ${MAX_RANKED_FEATURES}. Look at each example's map instead.`,
    );
  }
  const { source, rows } = partOf(data, part);
  const chosen = rows.subarray(0, Math.min(rows.length, limit));
  const explanations: Explanation[] = [];
  for (let i = 0; i < chosen.length; i += 1) {
    explanations.push(
      explainExample(model, gatherFeatures(source, chosen.subarray(i, i + 1)), {
        method: 'saliency',
      }),
    );
    if (i % 25 === 24 || i === chosen.length - 1) {
      reportProgress(i + 1, chosen.length);
      await nextTurn();
    }
  }
  return {
    part,
    examples: explanations.length,
    ranking:
      explanations.length > 0 ? rankFeatures(explanations, data.dataset.info.featureNames) : [],
  };
}
