import type { WorkerCallName, WorkerInput, WorkerOutput } from '../../../shared/worker/requests';
import { selectBackend } from '../backends/select-backend';

type WorkerHandlers = {
  [N in WorkerCallName]: (input: WorkerInput<N>) => Promise<WorkerOutput<N>>;
};

/** What a serving process of the trainer family answers; one entry per call in WORKER_CALLS. */
export const WORKER_HANDLERS: WorkerHandlers = {
  'backends.report': ({ choice }) => selectBackend(choice ?? 'auto'),
};
