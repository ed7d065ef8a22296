import type { DiagnosedEpoch } from '../../../../shared/training/diagnosis';
import type { TrainerEvent } from '../../../../shared/training/events';
import { diagnoseRun } from '../../../../shared/training/diagnosis';
import type { RunSeries } from '../model/series';

/**
 * What went wrong in an ended run, and what to change, from diagnoseRun; nothing when the run
 * went well.
 */
export function RunDiagnosis({
  epochs,
  end,
}: {
  readonly epochs: readonly DiagnosedEpoch[];
  /** The run's last event: only a finished, stopped or failed run is diagnosed. */
  readonly end: TrainerEvent | null | undefined;
}) {
  const ended =
    end?.type === 'finished' || end?.type === 'stopped' || end?.type === 'failed' ? end : undefined;
  const found = diagnoseRun(epochs, ended);
  if (found.length === 0) return null;
  return (
    <section className="run-diagnosis" aria-label="What went wrong">
      <h3 className="training-subtitle">What went wrong</h3>
      <ul>
        {found.map((diagnosis) => (
          <li key={diagnosis.kind}>
            <strong>{diagnosis.title}.</strong> {diagnosis.advice}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A live run's epochs as the diagnosis reads them (the charts' series keeps them). */
export function epochsOfSeries(series: RunSeries): DiagnosedEpoch[] {
  const e = series.epochs;
  return e.x.map((epoch, i) => ({
    epoch,
    loss: e.loss[i]!,
    metrics: series.metric && e.metric[i] != null ? { [series.metric]: e.metric[i] } : {},
    validationLoss: e.validationLoss[i] ?? null,
    learningRate: e.learningRate[i]!,
  }));
}
