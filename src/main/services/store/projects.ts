import { randomUUID } from 'node:crypto';
import type { Project, ProjectSummary } from '../../../shared/api/records';
import type { StoreContext } from './context';
import { storableGraph } from './graph-input';
import { checkedThumbnail, settingsJson } from './json-values';
import { copyName, projectDescription, projectName } from './names';
import {
  PROJECT_COLUMNS,
  insertProject,
  projectNotFound,
  readProject,
  readSummary,
  toSummary,
} from './project-rows';
import { appendRevision, latestRevision } from './revision-rows';
import { removeRunFolders } from './run-folders';
import type { NewProjectLab } from './project-labs';
import { copyProjectLab, insertProjectLab } from './project-labs';
import type { NewStartingWeights } from './starting-weights';
import { copyStartingWeights, insertStartingWeights } from './starting-weights';
import { isStorageFault } from './store-error';

export function listProjects(ctx: StoreContext, trashed: boolean): ProjectSummary[] {
  const rows = trashed
    ? ctx
        .sql(
          `SELECT ${PROJECT_COLUMNS} FROM projects p WHERE p.trashed_at IS NOT NULL
           ORDER BY p.trashed_at DESC, p.rowid DESC`,
        )
        .all()
    : ctx
        .sql(
          `SELECT ${PROJECT_COLUMNS} FROM projects p WHERE p.trashed_at IS NULL
           ORDER BY max(coalesce(p.last_opened_at, ''), p.updated_at) DESC, p.rowid DESC`,
        )
        .all();
  return rows.map(toSummary);
}

export interface CreateProjectInput {
  readonly name: string;
  readonly graph: unknown;
  /** Defaults to the graph's metadata.description (a template's explanation). */
  readonly description?: string;
  /** The weights of the trained model the project is imported from, which its runs start from. */
  readonly startingWeights?: NewStartingWeights;
  /** The Training tab's settings to start with (a lab's); none: the template's defaults. */
  readonly settings?: Record<string, unknown>;
  /** The lab the project follows. */
  readonly lab?: NewProjectLab;
}

export function createProject(ctx: StoreContext, input: CreateProjectInput): Project {
  const name = projectName(input.name);
  const graph = storableGraph(input.graph);
  const text = projectDescription(input.description ?? graph.document.metadata.description);
  const id = randomUUID();
  ctx.write(() => {
    const at = ctx.now();
    const settingsJson = JSON.stringify(input.settings ?? {});
    insertProject(ctx, { id, name, description: text, thumbnail: null, settingsJson, at });
    appendRevision(ctx, id, graph, at);
    if (input.startingWeights) insertStartingWeights(ctx, id, input.startingWeights, at);
    if (input.lab) insertProjectLab(ctx, id, input.lab, at);
  });
  return readProject(ctx, id);
}

export function openProject(ctx: StoreContext, id: string): Project {
  try {
    const changed = ctx
      .sql('UPDATE projects SET last_opened_at = ? WHERE id = ?')
      .run(ctx.now(), id);
    if (changed.changes === 0) throw projectNotFound(id);
  } catch (error) {
    // When it was opened only orders the projects list: a full disk or a database another
    // program holds must not keep the student from opening their work.
    if (!isStorageFault(error)) throw error;
  }
  return readProject(ctx, id);
}

/**
 * Renames the project only. The graph's own metadata.name is left alone, so a rename adds no
 * revision to the history (and restoring an old revision does not bring an old name back).
 */
export function renameProject(ctx: StoreContext, id: string, rawName: string): ProjectSummary {
  const name = projectName(rawName);
  const changed = ctx
    .sql('UPDATE projects SET name = ?, updated_at = ? WHERE id = ?')
    .run(name, ctx.now(), id);
  if (changed.changes === 0) throw projectNotFound(id);
  return readSummary(ctx, id);
}

/** Replaces the project's picture without saving a revision (after a restore, or on first open). */
export function setThumbnail(ctx: StoreContext, id: string, thumbnail: string): void {
  const picture = checkedThumbnail(thumbnail);
  const changed = ctx.sql('UPDATE projects SET thumbnail = ? WHERE id = ?').run(picture, id);
  if (changed.changes === 0) throw projectNotFound(id);
}

/** "Copy of X": the latest graph, settings, description and picture; no history, no runs. */
export function duplicateProject(ctx: StoreContext, id: string): ProjectSummary {
  const copyId = randomUUID();
  ctx.write(() => {
    const source = readProject(ctx, id);
    const latest = latestRevision(ctx, id)!;
    const at = ctx.now();
    insertProject(ctx, {
      id: copyId,
      name: copyName(source.name),
      description: source.description,
      thumbnail: source.thumbnail,
      settingsJson: JSON.stringify(source.settings),
      at,
    });
    appendRevision(ctx, copyId, { ...latest, json: latest.graph }, at);
    copyStartingWeights(ctx, id, copyId);
    copyProjectLab(ctx, id, copyId);
  });
  return readSummary(ctx, copyId);
}

/** Moves a project to the trash (again: keeps the first time it was trashed). */
export function trashProject(ctx: StoreContext, id: string): void {
  const changed = ctx
    .sql('UPDATE projects SET trashed_at = coalesce(trashed_at, ?) WHERE id = ?')
    .run(ctx.now(), id);
  if (changed.changes === 0) throw projectNotFound(id);
}

export function restoreProject(ctx: StoreContext, id: string): void {
  const changed = ctx.sql('UPDATE projects SET trashed_at = NULL WHERE id = ?').run(id);
  if (changed.changes === 0) throw projectNotFound(id);
}

/**
 * Deletes every trashed project with its revisions, runs and run folders; returns how many
 * projects went. A project with a run still training stays in the trash until the run ends.
 */
export function emptyTrash(ctx: StoreContext): number {
  const { projectIds, runIds } = ctx.write(() => {
    const projectIds = ctx
      .column(
        `SELECT id FROM projects p WHERE p.trashed_at IS NOT NULL AND NOT EXISTS
           (SELECT 1 FROM runs u WHERE u.project_id = p.id AND u.status = 'running')`,
      )
      .all() as string[];
    const runIds: string[] = [];
    for (const projectId of projectIds) {
      runIds.push(
        ...(ctx.column('SELECT id FROM runs WHERE project_id = ?').all(projectId) as string[]),
      );
      ctx.sql('DELETE FROM projects WHERE id = ?').run(projectId);
    }
    return { projectIds, runIds };
  });
  // After the commit: a crash in between leaves only unused folders, never rows without them.
  removeRunFolders(ctx.dataDir, runIds);
  return projectIds.length;
}

export function saveSettings(ctx: StoreContext, id: string, settings: unknown): void {
  const json = settingsJson(settings);
  const changed = ctx
    .sql('UPDATE projects SET settings = ?, updated_at = ? WHERE id = ?')
    .run(json, ctx.now(), id);
  if (changed.changes === 0) throw projectNotFound(id);
}
