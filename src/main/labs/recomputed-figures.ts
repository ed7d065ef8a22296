import type { Run } from '../../shared/api/records';
import type { RunFigures } from '../../shared/labs/lab-api';
import type { FiguresOf, MetricPart } from '../../shared/labs/run-goals';
import type { SubmittedRun } from './submitted-runs';
import type { AskWorker } from './worker-questions';

export const METRIC_PARTS: readonly MetricPart[] = ['train', 'validation', 'test'];

/** Each run's figures on each part it has, computed again from its submitted weights. */
export type RecomputedFigures = ReadonlyMap<string, Partial<Record<MetricPart, RunFigures>>>;

/**
 * Asks a serving process for every finished run's loss and metrics on each of its parts, as
 * `neurite evaluate --part` computes them. A part the run kept none of, or weights that do not
 * fit the network, give no figures: such a run meets no goal about its figures.
 */
export async function recomputeFigures(
  runs: readonly SubmittedRun[],
  ask: AskWorker,
): Promise<RecomputedFigures> {
  const figures = new Map<string, Partial<Record<MetricPart, RunFigures>>>();
  for (const { run, model } of runs) {
    if (!model) continue;
    const parts: Partial<Record<MetricPart, RunFigures>> = {};
    for (const part of partsOf(run)) {
      try {
        parts[part] = await ask('inside.evaluate', { model, part });
      } catch {
        // No such part here, or the weights do not fit: no figures, so no goal met by them.
      }
    }
    figures.set(run.id, parts);
  }
  return figures;
}

/** The parts a run was trained with: always training; validation and test when it kept them. */
function partsOf(run: Run): MetricPart[] {
  const final = run.final?.type === 'finished' ? run.final : undefined;
  const parts: MetricPart[] = ['train'];
  if (run.config.validation.kind !== 'none' || final?.validation) parts.push('validation');
  if (run.config.test.kind !== 'none' || final?.test) parts.push('test');
  return parts;
}

/** Goals read these instead of the figures the file stores. */
export function recomputedFiguresOf(figures: RecomputedFigures): FiguresOf {
  return (run, part) => figures.get(run.id)?.[part];
}
