import type { ApiClient } from '../../../shared/api/client';
import {
  readProjectSettings,
  storedProjectSettings,
  type ProjectSettings,
} from '../../../shared/api/project-settings';
import type { Project } from '../../../shared/api/records';
import type { GraphDocument } from '../../../shared/graph/document';
import { parseGraphDocument } from '../../../shared/graph/parse';
import { EditorHistory } from '../editor/model';
import { Autosaver, type SaveState } from './autosaver';
import { renderThumbnail } from './thumbnail';

/** Settings are small and a change is one click: save them sooner than the network. */
const SETTINGS_DELAY_MS = 300;

/** The stored network could not be read (a hand-edited or damaged revision). */
export class UnreadableProjectError extends Error {
  constructor(readonly problems: readonly string[]) {
    super('The saved network of this project cannot be read.');
  }
}

/**
 * One open project: its editing history, the autosave of its network and of its settings, and
 * its name. The workspace's panels all read from and write through this one object, so there
 * is one source of truth and one save path.
 */
export class ProjectSession {
  readonly projectId: string;
  readonly history: EditorHistory;
  private name: string;
  private settings: ProjectSettings;
  private readonly graphSaver: Autosaver<GraphDocument>;
  private readonly settingsSaver: Autosaver<ProjectSettings>;
  private readonly listeners = new Set<() => void>();
  private readonly unsubscribe: (() => void)[] = [];
  /** What could not be used from the stored settings, for the user to read once. */
  readonly settingsNotes: readonly string[];
  /** Where the weights every run starts from came from, for a project imported from a model. */
  readonly startingWeights: Project['startingWeights'];
  /** The lab the project follows, if it follows one. */
  readonly lab: Project['lab'];

  constructor(
    private readonly client: ApiClient,
    project: Project,
  ) {
    this.projectId = project.id;
    const document = readStoredGraph(project.graph);
    this.history = new EditorHistory(document);
    this.name = project.name;
    const { settings, dropped } = readProjectSettings(project.settings);
    this.settings = settings;
    this.settingsNotes = dropped;
    this.startingWeights = project.startingWeights;
    this.lab = project.lab;

    this.graphSaver = new Autosaver(document, {
      save: (graph) => {
        const thumbnail = renderThumbnail(graph);
        return client.call('graph.save', {
          projectId: this.projectId,
          graph,
          ...(thumbnail ? { thumbnail } : {}),
        });
      },
    });
    this.settingsSaver = new Autosaver(settings, {
      delayMs: SETTINGS_DELAY_MS,
      save: (value) =>
        client.call('settings.save', {
          projectId: this.projectId,
          settings: storedProjectSettings(value),
        }),
    });
    // Projects made from a template or imported have no picture until their first save.
    if (project.thumbnail === null) this.refreshThumbnail(document);
    this.unsubscribe.push(
      this.history.subscribe(() => this.graphSaver.change(this.history.document)),
      this.graphSaver.subscribe(() => this.notify()),
      this.settingsSaver.subscribe(() => this.notify()),
    );
  }

  get projectName(): string {
    return this.name;
  }

  get projectSettings(): ProjectSettings {
    return this.settings;
  }

  /** The network's save state, unless the settings failed to save (then theirs). */
  get saveState(): SaveState {
    const settings = this.settingsSaver.state;
    if (settings.status === 'failed') return settings;
    const graph = this.graphSaver.state;
    if (graph.status === 'saved' && settings.status !== 'saved') return settings;
    return graph;
  }

  get hasUnsavedChanges(): boolean {
    return this.graphSaver.dirty || this.settingsSaver.dirty;
  }

  updateSettings(settings: ProjectSettings): void {
    this.settings = settings;
    this.settingsSaver.change(settings);
    this.notify();
  }

  /** Saves everything now; rejects with the reason when something cannot be saved. */
  async saveNow(): Promise<void> {
    await Promise.all([this.graphSaver.flush(), this.settingsSaver.flush()]);
  }

  async rename(name: string): Promise<void> {
    const summary = await this.client.call('projects.rename', { projectId: this.projectId, name });
    this.name = summary.name;
    this.notify();
  }

  /**
   * Makes an earlier revision the current network. The store keeps every revision, so this is
   * itself undoable from the history list; the editor's undo steps start afresh.
   */
  async restoreRevision(revisionId: number): Promise<void> {
    await this.graphSaver.flush();
    const project = await this.client.call('graph.restore', {
      projectId: this.projectId,
      revisionId,
    });
    const document = readStoredGraph(project.graph);
    this.graphSaver.reset(document);
    this.history.reset(document);
    this.refreshThumbnail(document);
  }

  /** Redraws the projects list's picture of the network without saving a revision. */
  refreshThumbnail(document: GraphDocument = this.history.document): void {
    const thumbnail = renderThumbnail(document);
    if (!thumbnail) return;
    // Only a picture: if it cannot be stored, the next save sends a new one anyway.
    this.client
      .call('projects.setThumbnail', { projectId: this.projectId, thumbnail })
      .catch(() => undefined);
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stops listening; anything unsaved is still saved (the store keeps it for the next open). */
  close(): void {
    for (const stop of this.unsubscribe) stop();
    void this.saveNow().catch(() => undefined);
    this.graphSaver.dispose();
    this.settingsSaver.dispose();
    this.listeners.clear();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}

function readStoredGraph(graph: unknown): GraphDocument {
  const parsed = parseGraphDocument(graph);
  if (!parsed.ok) {
    throw new UnreadableProjectError(
      parsed.problems.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message)),
    );
  }
  return parsed.document;
}
