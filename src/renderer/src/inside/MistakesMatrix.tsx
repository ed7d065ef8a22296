import { useMemo } from 'react';
import { useApiQuery } from '../api';
import { AnswerError } from './AnswerError';
import type { ConfusionCell, DataPart } from '../../../shared/inside/inside-schemas';
import { ConfusionMatrixChart } from '../training/charts/ConfusionMatrixChart';
import { examplesOf } from './model/parts';

/** Most kinds of mistake listed as buttons under the matrix. */
const LISTED = 8;

/**
 * The confusion matrix of the examples shown, computed from the run's saved weights: a click
 * on a cell, or on one of the commonest mistakes listed under it, shows those examples.
 */
export function MistakesMatrix({
  runId,
  part,
  onChooseCell,
}: {
  readonly runId: string;
  readonly part: DataPart;
  readonly onChooseCell: (cell: ConfusionCell) => void;
}) {
  const confusion = useApiQuery('runs.confusion', { runId, part });
  const data = confusion.data?.part === part ? confusion.data : undefined;
  // One matrix object per answer, so the chart is drawn again only when the answer changes.
  const matrix = useMemo(() => data && { labels: data.labels, counts: data.counts }, [data]);
  if (confusion.error !== undefined) {
    return (
      <AnswerError
        error={confusion.error}
        fallback={'The confusion matrix could not be computed.'}
        onRetry={confusion.reload}
      />
    );
  }
  if (!data) return <p className="section-hint">Asking the network about every example…</p>;
  const mistakes = data.counts
    .flatMap((row, label) => row.map((count, predicted) => ({ label, predicted, count })))
    .filter((cell) => cell.label !== cell.predicted && cell.count > 0)
    .sort((a, b) => b.count - a.count);
  const wrong = mistakes.reduce((sum, cell) => sum + cell.count, 0);
  return (
    <div className="inside-mistakes">
      <p className="section-hint">
        Accuracy {(data.accuracy * 100).toFixed(2)}% on {data.count.toLocaleString('en-US')}{' '}
        {examplesOf(part)}: {wrong.toLocaleString('en-US')} wrong. Click a cell to see its examples.
      </p>
      <ConfusionMatrixChart
        matrix={matrix!}
        title={`Confusion matrix (${examplesOf(part)})`}
        onChooseCell={(label, predicted) => onChooseCell({ label, predicted })}
      />
      {mistakes.length > 0 && (
        <div className="inside-mistake-kinds" role="group" aria-label="Commonest mistakes">
          {mistakes.slice(0, LISTED).map((cell) => (
            <button
              key={`${cell.label}-${cell.predicted}`}
              type="button"
              className="chip"
              onClick={() => onChooseCell({ label: cell.label, predicted: cell.predicted })}
            >
              {data.labels[cell.label]} taken for {data.labels[cell.predicted]}: {cell.count}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
