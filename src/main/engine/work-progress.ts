/**
 * Progress of the request a serving process is working on. Long computations (a whole part's
 * predictions, saliency over many examples) report how far they are and give the event loop a
 * turn between chunks, so the report leaves the process while the work goes on. Outside a
 * request (the command line, tests) reports go nowhere.
 */

type Reporter = (done: number, total: number) => void;

let reporter: Reporter | undefined;
let lastSent = 0;

/** Reports go to `report`, at most every `everyMs`, while `work` runs; the last always goes. */
export async function withProgress<T>(
  report: Reporter,
  work: () => Promise<T>,
  everyMs = 200,
): Promise<T> {
  reporter = (done, total) => {
    const now = Date.now();
    if (done < total && now - lastSent < everyMs) return;
    lastSent = now;
    report(done, total);
  };
  lastSent = 0;
  try {
    return await work();
  } finally {
    reporter = undefined;
  }
}

/** How far the current request has come. */
export function reportProgress(done: number, total: number): void {
  reporter?.(done, total);
}

/** Lets the process send its reports and read messages before the next chunk of work. */
export function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
