import type {
  ApiCallName,
  ApiError,
  ApiEventName,
  ApiEventPayload,
  ApiInput,
  ApiOutput,
} from './contract';

/**
 * What the renderer talks to. It does not know whether Electron IPC or a WebSocket carries the
 * calls; each transport provides one of these.
 */
export interface ApiClient {
  call<N extends ApiCallName>(name: N, input: ApiInput<N>): Promise<ApiOutput<N>>;
  /** Returns a function that stops listening. */
  on<N extends ApiEventName>(name: N, listener: (payload: ApiEventPayload<N>) => void): () => void;
}

/** Thrown by a client when main refused or failed a call. */
export class ApiCallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
  }
}

/** Messages the WebSocket transport exchanges (IPC uses Electron's invoke/send instead). */
export type WireRequest = { readonly id: number; readonly call: string; readonly input: unknown };
export type WireResponse =
  | { readonly id: number; readonly ok: true; readonly output: unknown }
  /** `id` is null when the request was too garbled to read its id. */
  | { readonly id: number | null; readonly ok: false; readonly error: ApiError };
export type WireEvent = { readonly event: string; readonly payload: unknown };
