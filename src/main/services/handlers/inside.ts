import type { ModelRef } from '../../../shared/inside/inside-schemas';
import type { WorkerCallName, WorkerInput, WorkerOutput } from '../../../shared/worker/requests';
import { ServiceError } from '../service-error';
import { runModel } from './run-model';
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
  | 'runs.importance'
  | 'runs.stop';

/**
 * Looking inside a past run: main names the run's network, weights and training data, and a
 * kept serving process of the trainer family computes the answer (TF.js never runs in main).
 */
export function insideHandlers(
  context: ServiceContext,
  worker: KeptWorker,
): Pick<Handlers, InsideCalls> {
  const modelOf = (runId: string): ModelRef => runModel(context, runId, 'look inside it');
  /**
   * Asks for a run: tagged with it (what runs.stop names), its progress passed on to the page,
   * and a last report when it ends.
   */
  const askFor = async <N extends WorkerCallName>(
    runId: string,
    call: N,
    input: WorkerInput<N>,
  ): Promise<WorkerOutput<N>> => {
    let reported: number | undefined;
    try {
      return await worker.ask(call, input, {
        tag: runId,
        onProgress: (done, total) => {
          reported = total;
          context.emit('runs.progress', { runId, done, total });
        },
      });
    } finally {
      if (reported !== undefined) {
        context.emit('runs.progress', { runId, done: reported, total: reported });
      }
    }
  };
  return {
    'runs.stop': ({ runId }) => ({
      stopped: worker.stop(
        runId,
        new ServiceError(
          'unavailable',
          'Stopped before it finished, as asked. Ask again when you want the answer.',
        ),
      ),
    }),
    'runs.examples': ({ runId, part, offset, limit, select, cell }) =>
      askFor(runId, 'inside.examples', {
        model: modelOf(runId),
        part,
        offset,
        limit,
        select,
        ...(cell ? { cell } : {}),
      }),
    'runs.confusion': ({ runId, part }) =>
      askFor(runId, 'inside.confusion', { model: modelOf(runId), part }),
    'runs.predict': ({ runId, example }) =>
      askFor(runId, 'inside.predict', { model: modelOf(runId), example }),
    'runs.explain': ({ runId, example, options }) =>
      askFor(runId, 'inside.explain', { model: modelOf(runId), example, options }),
    'runs.boundary': ({ runId, size }) =>
      askFor(runId, 'inside.boundary', { model: modelOf(runId), size }),
    'runs.latent': ({ runId, nodeId, part, limit }) =>
      askFor(runId, 'inside.latent', {
        model: modelOf(runId),
        ...(nodeId !== undefined ? { nodeId } : {}),
        part,
        limit,
      }),
    'runs.weights': ({ runId }) => askFor(runId, 'inside.weights', { model: modelOf(runId) }),
    'runs.importance': ({ runId, part, limit }) =>
      askFor(runId, 'inside.importance', { model: modelOf(runId), part, limit }),
    'runs.layer': ({ runId, example, nodeId }) =>
      askFor(runId, 'inside.layer', { model: modelOf(runId), example, nodeId }),
  };
}
