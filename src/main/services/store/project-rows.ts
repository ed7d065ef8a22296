import type { Project, ProjectSummary } from '../../../shared/api/records';
import type { StoreContext } from './context';
import { fromJson } from './json-values';
import { latestRevision } from './revision-rows';
import { startingWeightsOrigin } from './starting-weights';
import { StoreError } from './store-error';

interface ProjectRow {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly created_at: string;
  readonly updated_at: string;
  readonly last_opened_at: string | null;
  readonly trashed_at: string | null;
  readonly thumbnail: string | null;
  readonly settings: string;
  readonly revision_count: number;
  readonly run_count: number;
  readonly lab_id: string | null;
  readonly lab_title: string | null;
}

/** Columns of a project row with its counts; `p` is the projects table. */
export const PROJECT_COLUMNS = `
  p.id, p.name, p.description, p.created_at, p.updated_at, p.last_opened_at, p.trashed_at,
  p.thumbnail, p.settings,
  (SELECT count(*) FROM revisions r WHERE r.project_id = p.id) AS revision_count,
  (SELECT count(*) FROM runs u WHERE u.project_id = p.id) AS run_count,
  (SELECT l.lab_id FROM project_labs l WHERE l.project_id = p.id) AS lab_id,
  (SELECT l.lab_title FROM project_labs l WHERE l.project_id = p.id) AS lab_title`;

export function toSummary(row: unknown): ProjectSummary {
  const p = row as ProjectRow;
  return {
    id: p.id,
    name: p.name,
    description: p.description,
    createdAt: p.created_at,
    updatedAt: p.updated_at,
    lastOpenedAt: p.last_opened_at,
    trashedAt: p.trashed_at,
    thumbnail: p.thumbnail,
    revisionCount: p.revision_count,
    runCount: p.run_count,
    ...(p.lab_id !== null && p.lab_title !== null
      ? { lab: { id: p.lab_id, title: p.lab_title } }
      : {}),
  };
}

export function projectNotFound(id: string): StoreError {
  return new StoreError(
    'not-found',
    `This project no longer exists (id ${id}); it may have been deleted from the trash.`,
  );
}

function projectRow(ctx: StoreContext, id: string): unknown {
  const row: unknown = ctx.sql(`SELECT ${PROJECT_COLUMNS} FROM projects p WHERE p.id = ?`).get(id);
  if (row === undefined) throw projectNotFound(id);
  return row;
}

export function readSummary(ctx: StoreContext, id: string): ProjectSummary {
  return toSummary(projectRow(ctx, id));
}

export function readProject(ctx: StoreContext, id: string): Project {
  const row = projectRow(ctx, id);
  const latest = latestRevision(ctx, id);
  if (latest === undefined) {
    // Every write path adds a revision with the project, so this is a damaged database.
    throw new StoreError(
      'storage',
      `The project "${(row as ProjectRow).name}" has no saved network in the database. Import it again from an exported file if you have one.`,
    );
  }
  const startingWeights = startingWeightsOrigin(ctx, id);
  return {
    ...toSummary(row),
    graph: fromJson<unknown>(latest.graph),
    revisionId: latest.id,
    settings: fromJson<Record<string, unknown>>((row as ProjectRow).settings),
    ...(startingWeights ? { startingWeights } : {}),
  };
}

/** Throws not-found unless the project exists. */
export function requireProject(ctx: StoreContext, id: string): void {
  if (ctx.sql('SELECT 1 FROM projects WHERE id = ?').get(id) === undefined) {
    throw projectNotFound(id);
  }
}

export interface NewProject {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly thumbnail: string | null;
  readonly settingsJson: string;
  readonly at: string;
}

export function insertProject(ctx: StoreContext, project: NewProject): void {
  ctx
    .sql(
      `INSERT INTO projects (id, name, description, created_at, updated_at, thumbnail, settings)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      project.id,
      project.name,
      project.description,
      project.at,
      project.at,
      project.thumbnail,
      project.settingsJson,
    );
}
