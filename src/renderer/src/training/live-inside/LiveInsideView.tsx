import { useSyncExternalStore } from 'react';
import type { LiveInsideEvent } from '../../../../shared/training/live-inside';
import type { LiveRun } from '../model/live-run';
import { LiveBoundary } from './LiveBoundary';
import { LiveSaliency } from './LiveSaliency';
import '../../inside/inside.css';

/** How often the maps are redone, in words (the rule is LiveBudget's, in the trainer). */
const CADENCE =
  'They are redone after an epoch only as often as keeps that work under 1/20 of the training time, so training stays fast: after every epoch when epochs are long, every few epochs when they are short, and always after the last one.';

/**
 * What the network does with a few fixed examples (saliency) and, for data with two inputs,
 * over the whole plane (decision boundary), as one look during training found it.
 */
export function LiveInsideView({
  event,
  past = false,
}: {
  readonly event: LiveInsideEvent;
  /** A finished run's last look, rather than the run training now. */
  readonly past?: boolean;
}) {
  const { saliency, boundary, classNames } = event;
  const watched = saliency?.part === 'train' ? 'training' : 'validation';
  return (
    <section
      className="live-inside"
      aria-label={
        past ? 'Inside the network at the end of training' : 'Inside the network as it learns'
      }
      data-epoch={event.epoch}
    >
      <h3 className="training-subtitle">
        {past
          ? `Inside the network after epoch ${event.epoch}, its last look during training`
          : `Inside the network as it learns: after epoch ${event.epoch}`}
      </h3>
      <p className="section-hint">
        {saliency &&
          `The same ${saliency.examples.length} ${watched} examples each time: red marks the input values where a small change moves the network's score for its answer most (saliency). Watch it gather on what matters as the network learns. `}
        {boundary &&
          "The map shows the network's answer at every point of the plane of its two inputs, with the data on it: where the colour turns is the decision boundary, and it moves as the network learns. "}
        {!past && CADENCE}
      </p>
      <div className="live-inside-body">
        {saliency && <LiveSaliency saliency={saliency} classNames={classNames} />}
        {boundary && (
          <LiveBoundary boundary={boundary} classNames={classNames} epoch={event.epoch} />
        )}
      </div>
    </section>
  );
}

/**
 * The run's newest look, re-rendered when a new one arrives (at most once per frame); once the
 * run has ended, shown as its last look.
 */
export function LiveInsideFeed({ run }: { readonly run: LiveRun }) {
  const event = useSyncExternalStore(run.subscribe, () => run.inside);
  const ended = useSyncExternalStore(run.subscribe, () => run.ended);
  return event ? <LiveInsideView event={event} past={ended} /> : null;
}
