import { useApiQuery } from '../api';
import { AnswerError } from './AnswerError';
import type { ExampleRef, ExamplesPage } from '../../../shared/inside/inside-schemas';
import { ExampleDetails } from './ExampleDetails';
import { shownFromMade } from './model/shown-example';

/** An example the student made: the network's answer to it, then why, as for any example. */
export function MadeExampleDetails({
  runId,
  page,
  made,
}: {
  readonly runId: string;
  readonly page: ExamplesPage;
  readonly made: ExampleRef;
}) {
  const prediction = useApiQuery('runs.predict', { runId, example: made });
  if (prediction.error !== undefined) {
    return (
      <AnswerError
        error={prediction.error}
        fallback={'The network could not answer.'}
        onRetry={prediction.reload}
      />
    );
  }
  // While a newer example is asked about, the last answer is not shown as its answer.
  if (!prediction.data || prediction.loading) {
    return <p className="section-hint">Asking the network…</p>;
  }
  const shown = shownFromMade(made, prediction.data, page);
  return (
    <ExampleDetails key={JSON.stringify(shown.ref)} runId={runId} page={page} example={shown} />
  );
}
