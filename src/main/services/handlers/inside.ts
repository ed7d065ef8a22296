import type { ModelRef } from '../../../shared/inside/inside-schemas';
import { ServiceError } from '../service-error';
import type { KeptWorker } from '../workers/kept-worker';
import type { Handlers, ServiceContext } from './context';

type InsideCalls =
  | 'runs.examples'
  | 'runs.confusion'
  | 'runs.predict'
  | 'runs.explain'
  | 'runs.layer'
  | 'runs.boundary'
  | 'runs.latent'
  | 'runs.weights'
  | 'runs.importance';

/**
 * Looking inside a past run: main names the run's network, weights and training data, and a
 * kept serving process of the trainer family computes the answer (TF.js never runs in main).
 */
export function insideHandlers(
  context: ServiceContext,
  worker: KeptWorker,
): Pick<Handlers, InsideCalls> {
  const modelOf = (runId: string): ModelRef => {
    const run = context.store.getRun(runId);
    if (!run.hasWeights) {
      throw new ServiceError(
        'unsupported',
        run.status === 'running'
          ? 'This run is still training; look inside it when it has finished.'
          : 'This run has no saved weights: it ended before any were saved. Train again to look inside.',
      );
    }
    return {
      key: runId,
      graph: context.store.runGraph(runId),
      weightsDir: context.store.runFolder(runId),
      training: { data: run.data, config: run.config },
    };
  };
  return {
    'runs.examples': ({ runId, part, offset, limit, select, cell }) =>
      worker.ask('inside.examples', {
        model: modelOf(runId),
        part,
        offset,
        limit,
        select,
        ...(cell ? { cell } : {}),
      }),
    'runs.confusion': ({ runId, part }) =>
      worker.ask('inside.confusion', { model: modelOf(runId), part }),
    'runs.predict': ({ runId, example }) =>
      worker.ask('inside.predict', { model: modelOf(runId), example }),
    'runs.explain': ({ runId, example, options }) =>
      worker.ask('inside.explain', { model: modelOf(runId), example, options }),
    'runs.boundary': ({ runId, size }) =>
      worker.ask('inside.boundary', { model: modelOf(runId), size }),
    'runs.latent': ({ runId, nodeId, part, limit }) =>
      worker.ask('inside.latent', {
        model: modelOf(runId),
        ...(nodeId !== undefined ? { nodeId } : {}),
        part,
        limit,
      }),
    'runs.weights': ({ runId }) => worker.ask('inside.weights', { model: modelOf(runId) }),
    'runs.importance': ({ runId, part, limit }) =>
      worker.ask('inside.importance', { model: modelOf(runId), part, limit }),
    'runs.layer': ({ runId, example, nodeId }) =>
      worker.ask('inside.layer', { model: modelOf(runId), example, nodeId }),
  };
}
