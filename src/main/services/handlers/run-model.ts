import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ModelRef } from '../../../shared/inside/inside-schemas';
import { STARTING_WEIGHTS_FOLDER } from '../store/starting-weights-folder';
import { ServiceError } from '../service-error';
import type { ServiceContext } from './context';

/**
 * A finished run's trained model, as a serving process opens it: its network, the folder of
 * its weights and what it was trained on. A run without saved weights is refused with `why`.
 */
export function runModel(context: ServiceContext, runId: string, why: string): ModelRef {
  const run = context.store.getRun(runId);
  if (!run.hasWeights) {
    throw new ServiceError(
      'unsupported',
      run.status === 'running'
        ? `This run is still training; ${why} when it has finished.`
        : `This run has no saved weights: it ended before any were saved. Train again to ${why}.`,
    );
  }
  const weightsDir = context.store.runFolder(runId);
  const start = path.join(weightsDir, STARTING_WEIGHTS_FOLDER);
  return {
    key: runId,
    graph: context.store.runGraph(runId),
    weightsDir,
    ...(existsSync(path.join(start, 'model.json')) ? { startingWeightsDir: start } : {}),
    training: { data: run.data, config: run.config },
  };
}
