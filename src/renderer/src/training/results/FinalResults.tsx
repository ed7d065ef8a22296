import { useState } from 'react';
import type { Evaluation, TrainerEventOf } from '../../../../shared/training/events';
import { ConfusionMatrixChart } from '../charts/ConfusionMatrixChart';
import { formatMetric, formatValue, metricTitle } from '../model/metric-names';

const METRIC_ORDER = ['accuracy', 'precision', 'recall', 'f1', 'auc', 'mae', 'rmse', 'mse'];

interface Row {
  readonly name: string;
  readonly loss: number;
  readonly metrics: Readonly<Record<string, number>>;
  readonly matrix?: Evaluation['confusionMatrix'];
}

function rowsOf(event: TrainerEventOf<'finished'>): Row[] {
  const rows: Row[] = [{ name: 'Training', ...event.train, matrix: event.train.confusionMatrix }];
  if (event.validation) {
    rows.push({
      name: 'Validation',
      ...event.validation,
      matrix: event.validation.confusionMatrix,
    });
  } else if (event.foldMean && event.folds) {
    rows.push({ name: `Validation (mean of ${event.folds.length} folds)`, ...event.foldMean });
  }
  if (event.test) rows.push({ name: 'Test', ...event.test, matrix: event.test.confusionMatrix });
  return rows;
}

/** The final numbers of a finished run and its confusion matrix. */
export function FinalResults({ event }: { readonly event: TrainerEventOf<'finished'> }) {
  const rows = rowsOf(event);
  const names = [...new Set(rows.flatMap((row) => Object.keys(row.metrics)))].sort(
    (a, b) =>
      (METRIC_ORDER.indexOf(a) + 1 || 99) - (METRIC_ORDER.indexOf(b) + 1 || 99) ||
      a.localeCompare(b),
  );
  const withMatrix = rows.filter((row) => row.matrix);
  // The most honest matrix first: test data, then validation, then training.
  const [shown, setShown] = useState(withMatrix.at(-1)?.name);
  const matrixRow = withMatrix.find((row) => row.name === shown) ?? withMatrix.at(-1);

  return (
    <section className="final-results" aria-label="Final results">
      <h3 className="training-subtitle">Final results</h3>
      <div className="table-frame">
        <table className="layer-table results-table">
          <thead>
            <tr>
              <th scope="col">Data</th>
              <th scope="col" className="numeric" title={event.lossName}>
                {event.lossName ? `Loss (${event.lossName})` : 'Loss'}
              </th>
              {names.map((name) => (
                <th key={name} scope="col" className="numeric">
                  {metricTitle(name, event.train.confusionMatrix?.labels)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.name}>
                <th scope="row">{row.name}</th>
                <td className="numeric">{formatValue(row.loss)}</td>
                {names.map((name) => (
                  <td key={name} className="numeric">
                    {row.metrics[name] === undefined ? '–' : formatMetric(name, row.metrics[name])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {matrixRow?.matrix && (
        <div className="matrix-block">
          {withMatrix.length > 1 && (
            <div className="matrix-tabs" role="group" aria-label="Confusion matrix of">
              {withMatrix.map((row) => (
                <button
                  key={row.name}
                  type="button"
                  className="chip"
                  aria-pressed={row === matrixRow}
                  onClick={() => setShown(row.name)}
                >
                  {row.name}
                </button>
              ))}
            </div>
          )}
          <ConfusionMatrixChart
            matrix={matrixRow.matrix}
            title={`Confusion matrix (${matrixRow.name.toLowerCase()} data)`}
          />
        </div>
      )}
    </section>
  );
}
