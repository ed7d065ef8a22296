import { useApiQuery } from '../api';
import { AnswerError } from './AnswerError';
import type { DataPart } from '../../../shared/inside/inside-schemas';
import { ValueBars } from './ValueBars';
import { examplesOf } from './model/parts';

/**
 * Which of a vector's inputs the network leans on most: each feature's saliency, made
 * positive and averaged over the examples shown, largest first (the course's way of choosing
 * features with saliency).
 */
export function FeatureRanking({
  runId,
  part,
}: {
  readonly runId: string;
  readonly part: DataPart;
}) {
  const importance = useApiQuery('runs.importance', { runId, part });
  const data = importance.data?.part === part ? importance.data : undefined;
  if (importance.error !== undefined) {
    return (
      <AnswerError
        error={importance.error}
        fallback={'The inputs could not be ranked.'}
        onRetry={importance.reload}
      />
    );
  }
  if (!data) return <p className="section-hint">Computing the saliency of each example…</p>;
  return (
    <div className="inside-ranking">
      <p className="section-hint">
        The mean of |saliency| over the first {data.examples.toLocaleString('en-US')}{' '}
        {examplesOf(part)}: the larger, the more the network&apos;s answer moves when that input
        changes. An input near the bottom could be left out.
      </p>
      <ValueBars
        label="Inputs by mean absolute saliency"
        names={data.ranking.map((entry) => entry.feature)}
        values={data.ranking.map((entry) => entry.meanAbsolute)}
        signed
      />
    </div>
  );
}
