/**
 * Requests of which only the newest counts. Answers arrive in any order; starting a request
 * supersedes the one before it, and `cancel` supersedes all of them, so an answer that comes
 * back after a newer request started (or after the screen that asked was closed) is dropped.
 * Each request gets an AbortSignal that fires when it is superseded, for work in several steps
 * that should stop early. Plain TypeScript, so it is tested without React.
 */
export class LatestOnly {
  private controller: AbortController | undefined;

  /**
   * Starts `work`; `done` or `failed` runs with its outcome only if no newer request started
   * and nothing cancelled it meanwhile. Returns a function that cancels this request alone.
   */
  run<T>(
    work: (signal: AbortSignal) => Promise<T>,
    done: (value: T) => void,
    failed: (error: unknown) => void = () => undefined,
  ): () => void {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    const { signal } = controller;
    // The executor calls `work` at once and turns an error it throws into a rejection.
    new Promise<T>((resolve) => resolve(work(signal))).then(
      (value) => {
        if (!signal.aborted) done(value);
      },
      (error: unknown) => {
        if (!signal.aborted) failed(error);
      },
    );
    return () => {
      controller.abort();
      if (this.controller === controller) this.controller = undefined;
    };
  }

  /** Drops the answer of whatever request is still out. */
  cancel(): void {
    this.controller?.abort();
    this.controller = undefined;
  }
}
