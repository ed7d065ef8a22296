import type { LabDocument } from '../../shared/labs/lab-document';
import type { LabGradeRow, RunFigures } from '../../shared/labs/lab-api';
import type { MetricPart } from '../../shared/labs/run-goals';
import type { RecomputedFigures } from './recomputed-figures';
import type { SubmittedRun } from './submitted-runs';

/** Parts in the order the best run is judged on: held-out test data first. */
const JUDGED_ON: readonly MetricPart[] = ['test', 'validation', 'train'];

/**
 * The submission's best run on the lab's own data: the one with the best recomputed figure on
 * its test part (its validation part, else its training part, where no run kept one), by
 * accuracy when the figures have it, else by the lowest loss. Beside it, what the file claims.
 */
export function bestRun(
  lab: LabDocument,
  runs: readonly SubmittedRun[],
  figures: RecomputedFigures,
): LabGradeRow['best'] {
  const onLabData = runs.filter(
    ({ model }) => model !== undefined && model.training?.data === lab.data,
  );
  for (const part of JUDGED_ON) {
    const candidates = onLabData
      .map(({ run }) => ({ run, figures: figures.get(run.id)?.[part] }))
      .filter((entry): entry is { run: SubmittedRun['run']; figures: RunFigures } =>
        Boolean(entry.figures),
      );
    if (candidates.length === 0) continue;
    // Runs are newest first: on a tie the newest stays.
    const best = candidates.reduce((kept, entry) =>
      better(entry.figures, kept.figures) ? entry : kept,
    );
    const final = best.run.final?.type === 'finished' ? best.run.final[part] : undefined;
    return {
      runId: best.run.id,
      epochs: best.run.epochsRun,
      part,
      claimed: final ? { loss: final.loss, ...final.metrics } : null,
      recomputed: best.figures,
    };
  }
  return null;
}

function better(a: RunFigures, b: RunFigures): boolean {
  const accuracyA = a.metrics['accuracy'];
  const accuracyB = b.metrics['accuracy'];
  if (accuracyA !== undefined && accuracyB !== undefined && accuracyA !== accuracyB) {
    return accuracyA > accuracyB;
  }
  return a.loss < b.loss;
}
