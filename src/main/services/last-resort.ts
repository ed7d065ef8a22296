import { appendFileSync } from 'node:fs';
import path from 'node:path';
import type { ApiService } from './api-service';

/** The file in the data folder where failures nobody caught are written, for a bug report. */
export const PROBLEM_LOG = 'problems.log';

/**
 * The last resort of a process that serves Neurite (the desktop app's main process, `neurite
 * serve`): a failure no handler caught is written to problems.log in the data folder and told
 * to every open window, and the process goes on serving. Every revision already saved is in
 * the database, which commits each save on its own, so nothing saved is lost either way.
 * Returns the function that removes the handlers.
 */
export function installLastResort(service: ApiService, dataDir: string): () => void {
  const onFault = (error: unknown) => {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    try {
      appendFileSync(path.join(dataDir, PROBLEM_LOG), `${new Date().toISOString()} ${detail}\n\n`);
    } catch {
      // A full or read-only disk: the windows are still told.
    }
    service.reportProblem(
      `Something went wrong inside Neurite (${error instanceof Error ? error.message : String(error)}). Your saved work is safe. The details are in ${PROBLEM_LOG} in Neurite's data folder, to send with a bug report.`,
    );
  };
  process.on('uncaughtException', onFault);
  process.on('unhandledRejection', onFault);
  return () => {
    process.off('uncaughtException', onFault);
    process.off('unhandledRejection', onFault);
  };
}
