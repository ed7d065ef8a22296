import type {
  Project,
  ProjectSummary,
  RevisionSummary,
  Run,
  RunSummary,
} from '../../../shared/api/records';
import type { DatasetSpec } from '../../../shared/data/dataset-spec';
import type { BackendChoice } from '../../../shared/training/backends';
import type { TrainingConfig } from '../../../shared/training/config';
import type { TrainerEvent } from '../../../shared/training/events';
import type { LabProgress } from '../../../shared/labs/lab-progress';
import type { NewProjectLab, ProjectLab } from './project-labs';
import type { NewStartingWeights, StartingWeights } from './starting-weights';

/**
 * Projects, their revision history and their training runs, kept in `<dataDir>/neurite.db`
 * (SQLite) with each run's saved model in `<dataDir>/runs/<runId>/`. Every method is
 * synchronous. Refusals and disk failures are StoreErrors whose message is for the user;
 * a write that fails leaves nothing half-done.
 */
export interface ProjectStore {
  readonly dataDir: string;

  /** Not trashed: most recently opened or updated first. Trashed: most recently trashed first. */
  listProjects(options: { trashed: boolean }): ProjectSummary[];
  /** The graph must parse (parseGraphDocument); it becomes the first revision. The description
   *  defaults to the graph's metadata.description. With `startingWeights` (a model's import),
   *  every run of the project starts from them. */
  createProject(input: {
    name: string;
    graph: unknown;
    description?: string;
    startingWeights?: NewStartingWeights;
    /** The Training tab's settings to start with; none: the template's defaults. */
    settings?: Record<string, unknown>;
    /** The lab the project follows (its file's text) and any progress already made. */
    lab?: NewProjectLab;
  }): Project;
  /** The lab the project follows, with the student's progress; undefined for none. */
  projectLab(id: string): ProjectLab | undefined;
  /** Replaces the student's progress in the project's lab. */
  saveLabProgress(id: string, progress: LabProgress): void;
  /** The weights the project's runs start from, when it was imported from a trained model. */
  startingWeights(id: string): StartingWeights | undefined;
  /** Sets lastOpenedAt. */
  openProject(id: string): Project;
  getProject(id: string): Project;
  /** Renames the project (trimmed, 1–200 characters). Adds no revision: the graph's own
   *  metadata.name is left as it is. */
  renameProject(id: string, name: string): ProjectSummary;
  /** "Copy of X": latest graph, settings, description and thumbnail; no history, no runs. */
  duplicateProject(id: string): ProjectSummary;
  trashProject(id: string): void;
  restoreProject(id: string): void;
  /** Deletes trashed projects with their runs and run folders; returns how many. A project
   *  with a run still training stays in the trash. */
  emptyTrash(): number;

  /** Invalid documents are refused; a graph identical to the latest adds no revision (the
   *  latest is returned). Keeps at most 200 revisions, except those runs were trained on. */
  saveGraph(
    id: string,
    graph: unknown,
    thumbnail?: string,
  ): { revisionId: number; savedAt: string };
  /** Newest first. */
  listRevisions(id: string): RevisionSummary[];
  /** Appends a copy of the revision as the newest one (nothing when it is the latest). */
  restoreRevision(id: string, revisionId: number): Project;
  /** The canvas picture shown in the projects list; no revision is added. */
  setThumbnail(id: string, thumbnail: string): void;
  saveSettings(id: string, settings: Record<string, unknown>): void;

  /** A run in status running, with a new uuid. */
  createRun(input: {
    projectId: string;
    revisionId: number;
    data: DatasetSpec;
    config: TrainingConfig;
    backendChoice: BackendChoice;
  }): RunSummary;
  /** started → backend; epoch → an epoch row; finished/stopped/failed → the run ends. Events
   *  after the end are ignored; batch, checkpoint, pause and log events are not kept. */
  recordEvent(runId: string, event: TrainerEvent): void;
  /** `<dataDir>/runs/<runId>` (created): where the trainer saves model.json and weights.bin. */
  runFolder(runId: string): string;
  /** Newest first. */
  listRuns(projectId: string): RunSummary[];
  getRun(runId: string): Run;
  /** The network the run was trained on (its revision's graph, as stored). */
  runGraph(runId: string): unknown;
  /** Deletes the run and its folder; a run still training is refused ('conflict'). */
  deleteRun(runId: string): void;
  /** Runs still 'running' become 'failed' (a crash cut them off). openStore calls this
   *  already; call it again only while no trainer is running. Returns how many. */
  markInterruptedRuns(): number;

  /** Without runs: `<name>.neurite.json`; with runs: a `<name>.neurite` zip, with `extra`
   *  files beside the project's own (a lab submission's). A project that follows a lab keeps
   *  it, with the student's progress. */
  exportProject(
    id: string,
    includeRuns: boolean,
    extra?: Readonly<Record<string, Uint8Array>>,
  ): { fileName: string; bytes: Uint8Array };
  /** Either project file form, or a plain network file. Runs get new ids; a lab it follows
   *  comes back with the student's progress. */
  importProject(fileName: string, bytes: Uint8Array): Project;

  /** Closes the database; later calls fail with a StoreError 'storage'. */
  close(): void;
}

export interface OpenStoreOptions {
  /** Called once when a damaged database was set aside and a fresh one started. */
  readonly onRecovered?: (info: { message: string; backupPath: string }) => void;
  /** The clock for every timestamp the store writes. */
  readonly now?: () => Date;
}
