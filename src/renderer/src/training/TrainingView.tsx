import type { ProjectSettings } from '../../../shared/api/project-settings';
import type { GraphDocument } from '../../../shared/graph/document';

export interface TrainingViewProps {
  readonly projectId: string;
  /** The network as it is now in the editor. */
  readonly graph: GraphDocument;
  /** Data set, training form and backend, as last saved for the project. */
  readonly settings: ProjectSettings;
  /** Called when the user changes the form or backend; the workspace saves it. */
  readonly onSettingsChange: (settings: ProjectSettings) => void;
  /**
   * Saves the network now if it has unsaved edits. `training.start` trains the project's
   * latest saved revision, so call this (and await it) before starting.
   */
  readonly saveNow: () => Promise<void>;
  /** Takes the user to the data panel (when no data set is chosen yet). */
  readonly onChooseData: () => void;
}

/** Training form, controls, live charts and the project's runs. (Being built.) */
export function TrainingView({ settings }: TrainingViewProps) {
  return <p className="empty">{settings.data ? 'Ready to train.' : 'Choose a data set first.'}</p>;
}
