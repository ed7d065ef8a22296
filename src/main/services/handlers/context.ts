import type { ApiEventName } from '../../../shared/api/contract';
import type { ProjectStore } from '../store/project-store';
import type { TrainerLauncher } from '../trainer-launcher';

/** What every group of handlers may use. */
export interface ServiceContext {
  readonly store: ProjectStore;
  readonly emit: (name: ApiEventName, payload: unknown) => void;
  readonly resourcesDir: string;
  readonly launchTrainer: TrainerLauncher;
  readonly transport: 'electron' | 'websocket';
  readonly version: string;
  /** Messages for the user from opening the store (a recovered database); shown once. */
  readonly notices: string[];
}
