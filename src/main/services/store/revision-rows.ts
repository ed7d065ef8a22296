import type { StoreContext } from './context';
import type { StorableGraph } from './graph-input';
import { MAX_REVISIONS } from './limits';

export interface RevisionRow {
  readonly id: number;
  readonly saved_at: string;
  readonly graph: string;
  readonly nodeCount: number;
  readonly edgeCount: number;
}

export function latestRevision(ctx: StoreContext, projectId: string): RevisionRow | undefined {
  return ctx
    .sql(
      `SELECT id, saved_at, graph, node_count AS nodeCount, edge_count AS edgeCount
       FROM revisions WHERE project_id = ? ORDER BY id DESC LIMIT 1`,
    )
    .get(projectId) as RevisionRow | undefined;
}

export interface Appended {
  readonly revisionId: number;
  readonly savedAt: string;
  /** False when the graph was the same as the latest revision's and nothing was written. */
  readonly created: boolean;
}

type GraphRow = Pick<StorableGraph, 'json' | 'nodeCount' | 'edgeCount'>;

/**
 * Adds a revision unless the graph is the same as the latest one, prunes the oldest beyond
 * MAX_REVISIONS and marks the project updated. Call inside a write transaction.
 */
export function appendRevision(
  ctx: StoreContext,
  projectId: string,
  graph: GraphRow,
  savedAt = ctx.now(),
): Appended {
  const latest = latestRevision(ctx, projectId);
  if (latest !== undefined && latest.graph === graph.json) {
    return { revisionId: latest.id, savedAt: latest.saved_at, created: false };
  }
  const inserted = ctx
    .sql(
      `INSERT INTO revisions (project_id, saved_at, graph, node_count, edge_count)
       VALUES (?, ?, ?, ?, ?)`,
    )
    .run(projectId, savedAt, graph.json, graph.nodeCount, graph.edgeCount);
  const revisionId = Number(inserted.lastInsertRowid);
  ctx.sql('UPDATE projects SET updated_at = ? WHERE id = ?').run(savedAt, projectId);
  pruneRevisions(ctx, projectId, revisionId);
  return { revisionId, savedAt, created: true };
}

/**
 * Keeps at most MAX_REVISIONS revisions of a project, deleting the oldest first. A revision
 * a run was trained on is kept, so a run can always show its network; so is the newest.
 */
function pruneRevisions(ctx: StoreContext, projectId: string, newest: number): void {
  const { count } = ctx
    .sql('SELECT count(*) AS count FROM revisions WHERE project_id = ?')
    .get(projectId) as { count: number };
  const excess = count - MAX_REVISIONS;
  if (excess <= 0) return;
  ctx
    .sql(
      `DELETE FROM revisions WHERE id IN (
         SELECT r.id FROM revisions r
         WHERE r.project_id = ? AND r.id < ?
           AND NOT EXISTS (SELECT 1 FROM runs u WHERE u.revision_id = r.id)
         ORDER BY r.id LIMIT ?)`,
    )
    .run(projectId, newest, excess);
}
