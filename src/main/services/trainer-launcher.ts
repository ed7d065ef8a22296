import type { TrainingJob } from '../../shared/training/commands';
import type { TrainerEvent } from '../../shared/training/events';
import type { TrainerHandle } from './trainer-host';
import { startTrainer } from './trainer-host';
import { defaultTrainerEntry } from './trainer-entry';

/** Starts one trainer for one job; the app passes an Electron utilityProcess version. */
export type TrainerLauncher = (
  job: TrainingJob,
  onEvent: (event: TrainerEvent) => void,
) => TrainerHandle;

export function forkTrainerLauncher(): TrainerLauncher {
  const entry = defaultTrainerEntry();
  return (job, onEvent) =>
    startTrainer(job, { entry: entry.entry, execArgv: entry.execArgv, onEvent });
}
