import { describeError } from '../api';

/**
 * Why a question about a run got no answer, in a sentence, with a button to ask it again
 * (after a stop, or once the reason is gone).
 */
export function AnswerError({
  error,
  fallback,
  onRetry,
}: {
  readonly error: unknown;
  /** Said when Neurite gives no reason of its own. */
  readonly fallback: string;
  readonly onRetry: () => void;
}) {
  return (
    <p className="training-error" role="alert">
      {describeError(error, fallback)}{' '}
      <button type="button" className="button small" onClick={onRetry}>
        Try again
      </button>
    </p>
  );
}
