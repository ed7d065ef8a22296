import type { ApiError } from '../../shared/api/contract';

/** A refusal from a handler, with the code the UI acts on and a sentence for the user. */
export class ServiceError extends Error {
  constructor(
    readonly code: ApiError['code'],
    message: string,
    /** For 'invalid-input': where in the input (or file) each problem is. */
    readonly issues?: ApiError['issues'],
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}
