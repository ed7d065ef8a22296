import type { WorkerInput, WorkerOutput } from '../../shared/worker/requests';

/** The questions grading asks a trainer-family process: the API's kept worker, the CLI's own. */
export type GradingCall = 'inside.evaluate' | 'inside.predict';

export type AskWorker = <N extends GradingCall>(
  call: N,
  input: WorkerInput<N>,
) => Promise<WorkerOutput<N>>;
