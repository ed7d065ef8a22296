import { useState } from 'react';
import { learningRateProblem, readNumber } from '../model/validate-form';
import type { RunPhase } from '../model/run-state';
import { StartWarningDialog } from './StartWarningDialog';

export interface RunControlsProps {
  readonly phase: RunPhase;
  /** Why Start cannot be pressed now, or undefined when it can. */
  readonly blockedReason: string | undefined;
  readonly onStart: () => void;
  /**
   * Warnings that will ruin training, and the network state they belong to: Start asks once
   * per state before training with them.
   */
  readonly startWarnings?: { readonly networkKey: string; readonly messages: readonly string[] };
  readonly onPause: () => void;
  readonly onResume: () => void;
  readonly onStep: () => void;
  readonly onStop: () => void;
  readonly onSetLearningRate: (value: number) => void;
}

/**
 * Network states the student chose to train despite their warnings, kept while the app is
 * open so that switching tabs does not ask again.
 */
const acceptedNetworks = new Set<string>();

export function RunControls(props: RunControlsProps) {
  const { phase } = props;
  const [rate, setRate] = useState('');
  const [rateError, setRateError] = useState<string>();
  const [applied, setApplied] = useState<string>();
  const running = phase === 'running';
  const paused = phase === 'paused';
  const live = running || paused;
  /** A run waiting for a free core can only be stopped, which takes it out of the line. */
  const queued = phase === 'queued';
  const busy = live || queued || phase === 'starting' || phase === 'stopping';

  const [asking, setAsking] = useState(false);
  const warnings = props.startWarnings;
  const start = () => {
    if (warnings && warnings.messages.length > 0 && !acceptedNetworks.has(warnings.networkKey)) {
      setAsking(true);
      return;
    }
    props.onStart();
  };
  const trainAnyway = () => {
    if (warnings) acceptedNetworks.add(warnings.networkKey);
    setAsking(false);
    props.onStart();
  };

  const applyRate = () => {
    const problem = learningRateProblem(rate);
    setRateError(problem);
    if (problem) return;
    const value = readNumber(rate)!;
    props.onSetLearningRate(value);
    setApplied(`Learning rate set to ${value}; it applies from the next batch.`);
  };

  return (
    <div className="run-controls">
      <div className="run-buttons" role="group" aria-label="Training controls">
        <button
          type="button"
          className="button primary"
          onClick={start}
          disabled={busy || props.blockedReason !== undefined}
          aria-describedby={props.blockedReason ? 'start-blocked' : undefined}
        >
          {phase === 'finished' || phase === 'stopped' || phase === 'failed'
            ? 'Train again'
            : 'Start training'}
        </button>
        {paused ? (
          <button type="button" className="button" onClick={props.onResume}>
            Resume
          </button>
        ) : (
          <button type="button" className="button" onClick={props.onPause} disabled={!running}>
            Pause
          </button>
        )}
        <button
          type="button"
          className="button"
          onClick={props.onStep}
          disabled={!paused}
          title="Train one batch, then pause again"
        >
          Step one batch
        </button>
        <button
          type="button"
          className="button danger"
          onClick={props.onStop}
          disabled={!live && !queued}
        >
          Stop
        </button>
      </div>
      {props.blockedReason && !busy && (
        <p id="start-blocked" className="start-blocked" role="note">
          {props.blockedReason}
        </p>
      )}
      {asking && warnings && (
        <StartWarningDialog
          warnings={warnings.messages}
          onTrainAnyway={trainAnyway}
          onGoBack={() => setAsking(false)}
        />
      )}
      {live && (
        <form
          className="rate-form"
          onSubmit={(event) => {
            event.preventDefault();
            applyRate();
          }}
        >
          <label htmlFor="live-learning-rate">New learning rate</label>
          <input
            id="live-learning-rate"
            inputMode="decimal"
            value={rate}
            placeholder="e.g. 0.001"
            aria-invalid={rateError !== undefined}
            aria-describedby={rateError ? 'live-learning-rate-error' : undefined}
            onChange={(event) => {
              setRate(event.target.value);
              setRateError(undefined);
              setApplied(undefined);
            }}
          />
          <button type="submit" className="button">
            Apply
          </button>
          {rateError && (
            <span id="live-learning-rate-error" className="field-error" role="alert">
              {rateError}
            </span>
          )}
          {applied && !rateError && <span className="field-note">{applied}</span>}
        </form>
      )}
    </div>
  );
}
