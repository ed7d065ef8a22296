import { ServiceError } from '../service-error';
import type { KeptWorker } from '../workers/kept-worker';
import type { Handlers, ServiceContext } from './context';

/**
 * Handing a lab in and grading submissions.
 * TODO(labs): being built; until then both calls answer 'unsupported'.
 */
export function labSubmissionHandlers(
  _context: ServiceContext,
  _worker: KeptWorker,
): Pick<Handlers, 'labs.handIn' | 'labs.grade'> {
  const notYet = () => {
    throw new ServiceError('unsupported', 'Handing in and grading labs is not ready yet.');
  };
  return { 'labs.handIn': notYet, 'labs.grade': notYet };
}
