import { withShortQuotes } from '../../shared/text/excerpt';
import { withUploadNames, withUploadNamesIn } from './datasets/upload-paths';
import { EventEmitter } from 'node:events';
import type { ApiCallName, ApiError, ApiEventName } from '../../shared/api/contract';
import { API_CALLS, API_EVENTS } from '../../shared/api/contract';
import { formatPath } from '../../shared/graph/problems';
import { catalogHandlers } from './handlers/catalog';
import { datasetHandlers } from './handlers/datasets';
import { projectHandlers } from './handlers/projects';
import { trainingHandlers } from './handlers/training';
import type { Handlers, ServiceContext } from './handlers/context';
import { hostHandlers } from './handlers/host';
import { insideHandlers } from './handlers/inside';
import { exportHandlers } from './handlers/exports';
import { modelImportHandlers } from './handlers/model-import';
import { resultExportHandlers } from './handlers/result-exports';
import { labHandlers } from './handlers/labs';
import { labSubmissionHandlers } from './handlers/lab-submissions';
import { keptWorker } from './workers/kept-worker';
import type { HostDialogs } from './host-dialogs';
import { defaultResourcesDir } from './resources-dir';
import { openStore } from './store/project-store-impl';
import { StoreError } from './store/store-error';
import { ServiceError } from './service-error';
import type { WorkerLauncher } from './workers/worker-launcher';
import { forkWorkerLauncher } from './workers/worker-launcher';
import { defaultMaxRuns, maxRunsVariableProblem } from './run-limit';

export type ApiResult = { ok: true; output: unknown } | { ok: false; error: ApiError };

/** What a transport talks to: validated calls in, results and events out. */
export interface ApiService {
  /** Validates the input, runs the call, validates the output. Never throws. */
  handle(name: string, rawInput: unknown): Promise<ApiResult>;
  onEvent(listener: (name: ApiEventName, payload: unknown) => void): () => void;
  /** Whether any run is training or waiting to (the app asks before quitting). */
  isTraining(): boolean;
  /** Tells every open window about a failure nobody else caught (see installLastResort). */
  reportProblem(message: string): void;
  /** Stops running trainers and closes the store. */
  close(): Promise<void>;
}

export interface ApiServiceOptions {
  readonly dataDir: string;
  readonly transport: 'electron' | 'websocket';
  readonly resourcesDir?: string;
  /**
   * How trainer-family processes start (training runs, and the short-lived ones that answer
   * questions needing TF.js): forked Node processes by default; utilityProcess in the app.
   */
  readonly launchWorker?: WorkerLauncher;
  /** The desktop app's system dialogs; without them the host.* calls answer 'unsupported'. */
  readonly dialogs?: HostDialogs;
  readonly version?: string;
  /**
   * How many runs may train at once; more wait in line for a free core. Default: the
   * NEURITE_MAX_RUNS environment variable, else the number of CPU cores.
   */
  readonly maxRuns?: number;
}

export function createApiService(options: ApiServiceOptions): ApiService {
  const events = new EventEmitter();
  const emit = <N extends ApiEventName>(name: N, payload: unknown): void => {
    // Events are checked like calls: a bug must not reach the UI as a malformed message.
    const parsed = API_EVENTS[name].safeParse(payload);
    // A failed run's message names an uploaded file as the student uploaded it.
    if (parsed.success) events.emit('event', name, withUploadNamesIn(parsed.data, options.dataDir));
  };
  const notices: string[] = [];
  const store = openStore(options.dataDir, {
    onRecovered: (info) => {
      // Kept for the first app.info (no window listens yet at start-up) and sent as an event.
      notices.push(`${info.message} The damaged file was kept as ${info.backupPath}.`);
      setImmediate(() => emit('store.recovered', info));
    },
  });
  store.markInterruptedRuns();
  const context: ServiceContext = {
    store,
    emit,
    resourcesDir: options.resourcesDir ?? defaultResourcesDir(),
    launchWorker: options.launchWorker ?? forkWorkerLauncher(),
    dialogs: options.dialogs,
    transport: options.transport,
    version: options.version ?? process.env['npm_package_version'] ?? '0.1.0',
    notices,
  };
  if (options.maxRuns === undefined) {
    const problem = maxRunsVariableProblem();
    if (problem) notices.push(problem);
  }
  const training = trainingHandlers(context, options.maxRuns ?? defaultMaxRuns());
  const inside = keptWorker(context.launchWorker);
  const handlers: Handlers = {
    ...catalogHandlers(context),
    ...hostHandlers(context),
    ...datasetHandlers(context),
    ...projectHandlers(context),
    ...training.handlers,
    // The database knows a waiting run only as running: its place in line is the queue's.
    'runs.get': ({ runId }) => {
      const run = store.getRun(runId);
      const waiting = training.waitingOf(runId);
      return waiting ? { ...run, waiting } : run;
    },
    ...insideHandlers(context, inside),
    ...exportHandlers(context, inside),
    ...modelImportHandlers(context, inside),
    ...resultExportHandlers(context, inside),
    ...labHandlers(context, inside),
    ...labSubmissionHandlers(context, inside),
  };

  return {
    async handle(name, rawInput) {
      if (!Object.hasOwn(API_CALLS, name)) {
        return {
          ok: false,
          error: { code: 'invalid-input', message: `There is no call named "${name}".` },
        };
      }
      const call = name as ApiCallName;
      const parsed = API_CALLS[call].input.safeParse(rawInput ?? {});
      if (!parsed.success) {
        return {
          ok: false,
          error: {
            code: 'invalid-input',
            message: `The request "${call}" is not valid.`,
            issues: parsed.error.issues.map((i) => ({
              path: formatPath(i.path),
              message: i.message,
            })),
          },
        };
      }
      try {
        const handler = handlers[call] as (input: unknown) => unknown;
        const output = await handler(parsed.data);
        const checked = API_CALLS[call].output.safeParse(output);
        if (!checked.success) {
          return {
            ok: false,
            error: {
              code: 'internal',
              message: `Neurite produced an invalid answer to "${call}"; this is a bug.`,
            },
          };
        }
        return { ok: true, output: withUploadNamesIn(checked.data, options.dataDir) };
      } catch (error) {
        return { ok: false, error: toApiError(error, options.dataDir) };
      }
    },
    isTraining: () => training.activeCount() > 0,
    reportProblem: (message) => emit('app.problem', { message }),
    onEvent(listener) {
      events.on('event', listener);
      return () => events.off('event', listener);
    },
    async close() {
      inside.close();
      await training.stopAll();
      store.close();
    },
  };
}

/**
 * Known failures keep their code; anything else is reported without a stack trace, and
 * without where the server keeps uploaded files (the file's own name is said instead).
 */
export function toApiError(error: unknown, dataDir?: string): ApiError {
  const apiError = apiErrorOf(error);
  const message = dataDir ? withUploadNames(apiError.message, dataDir) : apiError.message;
  return { ...apiError, message: withShortQuotes(message) };
}

function apiErrorOf(error: unknown): ApiError {
  if (error instanceof StoreError) return { code: error.code, message: error.message };
  if (error instanceof ServiceError) {
    return {
      code: error.code,
      message: error.message,
      ...(error.issues ? { issues: error.issues } : {}),
    };
  }
  return {
    code: 'internal',
    message: `Something went wrong inside Neurite: ${error instanceof Error ? error.message : String(error)}`,
  };
}
