import { DatasetError } from '../../data/types';
import { GraphCompileError } from '../compiler/compile-graph';
import { ExportError } from '../export/export-error';
import { InsideError } from '../inside/inside-error';
import { ModelImportError } from '../../model-import/import-error';
import type {
  WorkerCallName,
  WorkerError,
  WorkerProgress,
  WorkerResponse,
} from '../../../shared/worker/requests';
import { withProgress } from '../work-progress';
import { WORKER_CALLS, workerRequestSchema } from '../../../shared/worker/requests';
import { WORKER_HANDLERS } from './calls';
import type { HostPort } from './port';

/**
 * A serving process: answers requests one at a time, in order, until its host lets it go.
 * Every request gets exactly one response; a failure is an answer with the reason, never a
 * crash, so one bad request cannot end the process for the next ones.
 */
export function requestServer(port: HostPort): { handle(message: unknown): void } {
  let queue = Promise.resolve();
  port.onHostGone(() => process.exit(0));

  const answer = async (message: unknown): Promise<WorkerResponse | undefined> => {
    const request = workerRequestSchema.safeParse(message);
    if (!request.success) return undefined;
    const { id, call } = request.data;
    const fail = (code: WorkerError['code'], text: string): WorkerResponse => ({
      type: 'response',
      id,
      ok: false,
      error: { code, message: text },
    });
    if (!Object.hasOwn(WORKER_CALLS, call))
      return fail('invalid-input', `There is no call "${call}".`);
    const name = call as WorkerCallName;
    const input = WORKER_CALLS[name].input.safeParse(request.data.input);
    if (!input.success) return fail('invalid-input', `The request "${call}" is not valid.`);
    try {
      const handler = WORKER_HANDLERS[name] as (input: unknown) => Promise<unknown>;
      const output = await withProgress(
        (done, total) => port.send({ type: 'progress', id, done, total } satisfies WorkerProgress),
        () => handler(input.data),
      );
      return { type: 'response', id, ok: true, output };
    } catch (error) {
      // A question the user can change (another input, another layer) gets its sentence as
      // it is; anything else is a fault inside Neurite.
      const code = userErrorCode(error);
      return fail(code ?? 'internal', error instanceof Error ? error.message : String(error));
    }
  };

  return {
    handle(message) {
      // A request that cannot be answered (the host went away mid-answer) must not stop the
      // queue: the next request still gets its turn.
      queue = queue
        .then(async () => {
          const response = await answer(message);
          if (response) port.send(response);
        })
        .catch(() => undefined);
    },
  };
}

/** The API error code of a failure the user can fix, or undefined for a fault of Neurite's. */
function userErrorCode(error: unknown): 'invalid-input' | 'unsupported' | 'too-large' | undefined {
  if (error instanceof InsideError) {
    return error.code === 'unsupported'
      ? 'unsupported'
      : error.code === 'too-large'
        ? 'too-large'
        : 'invalid-input';
  }
  if (error instanceof ExportError)
    return error.code === 'unsupported' ? 'unsupported' : 'invalid-input';
  if (error instanceof DatasetError || error instanceof GraphCompileError) return 'invalid-input';
  if (error instanceof ModelImportError) return error.code;
  return undefined;
}
