import { useState } from 'react';
import { describeError, useApi, useApiEvent } from '../api';

/**
 * A long look inside a run (every example of a large part, saliency over hundreds of
 * examples): how far it has come, and a button to stop it.
 */
export function InsideProgress({ runId }: { readonly runId: string }) {
  const api = useApi();
  const [progress, setProgress] = useState<{ done: number; total: number }>();
  const [problem, setProblem] = useState<string>();
  useApiEvent('runs.progress', (payload) => {
    if (payload.runId === runId) setProgress({ done: payload.done, total: payload.total });
  });
  if (!progress || progress.done >= progress.total) return null;
  const { done, total } = progress;
  return (
    <div className="inside-progress" role="status" aria-label="Work in progress">
      <progress value={done} max={total} />
      <span>
        Working through the examples: {done.toLocaleString('en-US')} of{' '}
        {total.toLocaleString('en-US')}
      </span>
      <button
        type="button"
        className="button small"
        onClick={() => {
          setProgress(undefined);
          api.call('runs.stop', { runId }).then(
            () => setProblem(undefined),
            (error: unknown) => setProblem(describeError(error, 'It could not be stopped.')),
          );
        }}
      >
        Stop
      </button>
      {problem && <span className="training-error">{problem}</span>}
    </div>
  );
}
