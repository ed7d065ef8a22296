import type {
  ApiCallName,
  ApiEventName,
  ApiOutput,
  ApiParsedInput,
} from '../../../shared/api/contract';
import type { HostDialogs } from '../host-dialogs';
import type { ProjectStore } from '../store/project-store';
import type { WorkerLauncher } from '../workers/worker-launcher';

/** What every group of handlers may use. */
export interface ServiceContext {
  readonly store: ProjectStore;
  readonly emit: (name: ApiEventName, payload: unknown) => void;
  readonly resourcesDir: string;
  /** Starts a trainer-family process: a training run, or one that answers TF.js questions. */
  readonly launchWorker: WorkerLauncher;
  /** The desktop app's file dialogs; absent in browser mode, where the page uploads instead. */
  readonly dialogs: HostDialogs | undefined;
  readonly transport: 'electron' | 'websocket';
  readonly version: string;
  /** Messages for the user from opening the store (a recovered database); shown once. */
  readonly notices: string[];
}

/** One function per call of the API contract, given the validated input. */
export type Handlers = {
  [N in ApiCallName]: (input: ApiParsedInput<N>) => Promise<ApiOutput<N>> | ApiOutput<N>;
};
