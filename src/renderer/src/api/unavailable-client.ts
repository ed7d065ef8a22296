import type { ApiClient } from '../../../shared/api/client';
import { ApiCallError } from '../../../shared/api/client';

/** A client for a page that cannot reach Neurite at all: every call fails with `message`. */
export function createUnavailableClient(message: string): ApiClient {
  return {
    call: () => Promise.reject(new ApiCallError({ code: 'internal', message })),
    on: () => () => undefined,
  };
}
