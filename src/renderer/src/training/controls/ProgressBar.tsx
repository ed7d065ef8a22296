import { useSyncExternalStore } from 'react';
import type { LiveRun } from '../model/live-run';
import { formatDuration } from '../model/eta';
import { formatValue } from '../model/metric-names';

/**
 * Epoch, batch, speed and time left of the running run. It reads LiveRun's snapshot, which
 * changes at most once per frame, so only this small component re-renders while events stream.
 */
export function ProgressBar({
  run,
  paused,
  ended,
  waiting,
}: {
  readonly run: LiveRun;
  readonly paused: boolean;
  /** The run waits for a free core: the words for its place in line, as the status says. */
  readonly waiting?: string | undefined;
  /** The run is over (finished, stopped or failed): nothing is left to wait for. */
  readonly ended: boolean;
}) {
  const progress = useSyncExternalStore(run.subscribe, run.getSnapshot);
  const position = progress.position;
  const percent = Math.round(progress.fraction * 1000) / 10;
  return (
    <div className="training-progress" data-batch-events={progress.batchEvents}>
      <div
        className="progress-track"
        role="progressbar"
        aria-label="Training progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent}%`}
      >
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      {waiting && (
        <p className="progress-waiting" role="note" aria-label="Waiting for a free core">
          <strong>{waiting}.</strong> Every core of this computer is busy training other runs, so
          this one has not started yet. It starts by itself when one of them ends; Stop takes it out
          of the line.
        </p>
      )}
      <dl className="progress-numbers">
        {position?.fold && (
          <div>
            <dt>Fold</dt>
            <dd>
              {position.fold.index} / {position.fold.of}
            </dd>
          </div>
        )}
        <div>
          <dt>Epoch</dt>
          <dd data-testid="progress-epoch">
            {position ? `${position.epoch} / ${position.epochs}` : '–'}
          </dd>
        </div>
        <div>
          <dt>Batch</dt>
          <dd data-testid="progress-batch">
            {position ? `${position.batch} / ${position.batchesPerEpoch}` : '–'}
          </dd>
        </div>
        <div>
          <dt>Examples/s</dt>
          <dd>
            {progress.samplesPerSecond === undefined
              ? '–'
              : Math.round(progress.samplesPerSecond).toLocaleString('en')}
          </dd>
        </div>
        <div>
          <dt>Time left</dt>
          <dd>
            {ended
              ? '–'
              : waiting
                ? 'not started yet'
                : paused
                  ? 'paused'
                  : progress.etaSeconds === undefined
                    ? 'estimating…'
                    : formatDuration(progress.etaSeconds)}
          </dd>
        </div>
        <div>
          <dt>Batch loss</dt>
          <dd>{progress.loss === undefined ? '–' : formatValue(progress.loss)}</dd>
        </div>
        <div>
          <dt>Learning rate</dt>
          <dd>{progress.learningRate === undefined ? '–' : formatValue(progress.learningRate)}</dd>
        </div>
      </dl>
    </div>
  );
}
