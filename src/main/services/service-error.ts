import type { ApiError } from '../../shared/api/contract';

/** A refusal from a handler, with the code the UI acts on and a sentence for the user. */
export class ServiceError extends Error {
  constructor(
    readonly code: ApiError['code'],
    message: string,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}
