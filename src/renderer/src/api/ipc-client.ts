import type { ApiClient } from '../../../shared/api/client';
import { ApiCallError } from '../../../shared/api/client';
import type { ApiError } from '../../../shared/api/contract';
import { apiErrorSchema } from '../../../shared/api/contract';

/** Main's answer to one call, as the preload hands it over. */
export type IpcAnswer =
  | { readonly ok: true; readonly output: unknown }
  | { readonly ok: false; readonly error: ApiError };

/** What the preload exposes for the API on window.neurite (declared in env.d.ts). */
export interface IpcBridge {
  /** Sends one call to main; resolves with its answer, a refusal included. */
  invoke(name: string, input: unknown): Promise<IpcAnswer>;
  /** Listens to one API event; returns a function that stops listening. */
  on(name: string, listener: (payload: unknown) => void): () => void;
}

/**
 * ApiClient over Electron IPC. The preload forwards each call and returns main's answer as
 * { ok, output } or { ok: false, error }: IPC would reduce a thrown error to its message, and
 * the page needs the error's code.
 */
export function createIpcClient(bridge: IpcBridge): ApiClient {
  return {
    async call(name, input) {
      let answer: unknown;
      try {
        answer = await bridge.invoke(name, input);
      } catch (error) {
        throw new ApiCallError({
          code: 'internal',
          message: `Neurite could not pass "${name}" on to the app: ${error instanceof Error ? error.message : String(error)}`,
        });
      }
      const { ok, output, error } = (answer ?? {}) as Record<string, unknown>;
      if (ok === true) return output as never;
      const parsed = apiErrorSchema.safeParse(error);
      throw new ApiCallError(
        parsed.success
          ? parsed.data
          : { code: 'internal', message: `Neurite answered "${name}" with something unreadable.` },
      );
    },
    on(name, listener) {
      return bridge.on(name, listener as (payload: unknown) => void);
    },
  };
}
