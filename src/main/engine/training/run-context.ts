import type { TrainerEvent, TrainerEventOf } from '../../../shared/training/events';
import type { TrainerControls } from './controls';

/** What a run needs from the process it runs in: where its events go, and its controls. */
export interface RunContext {
  readonly emit: (event: TrainerEvent) => void;
  readonly controls: TrainerControls;
  /** Bytes of free memory; tests pass a small number to check the refusal. */
  readonly freeMemory?: () => number;
}

/** How a run ends: the last event it sends. */
export type FinalEvent =
  TrainerEventOf<'finished'> | TrainerEventOf<'stopped'> | TrainerEventOf<'failed'>;
