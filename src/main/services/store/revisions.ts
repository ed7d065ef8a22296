import type { Project, RevisionSummary } from '../../../shared/api/records';
import type { StoreContext } from './context';
import { storableGraph } from './graph-input';
import { checkedThumbnail } from './json-values';
import { MAX_REVISIONS } from './limits';
import { readProject, requireProject } from './project-rows';
import { appendRevision } from './revision-rows';
import { StoreError } from './store-error';
import type { GraphDocument } from '../../../shared/graph/document';
import { describeGraphChange } from '../../../shared/graph/describe-change';
import { parseGraphDocument } from '../../../shared/graph/parse';

/**
 * Saves the editor's graph as a new revision. A document that does not parse is refused; one
 * the same as the latest revision adds nothing (the latest is returned). The thumbnail, when
 * given, replaces the project's picture either way.
 */
export function saveGraph(
  ctx: StoreContext,
  projectId: string,
  graph: unknown,
  thumbnail?: string,
): { revisionId: number; savedAt: string } {
  const storable = storableGraph(graph);
  const picture = thumbnail === undefined ? undefined : checkedThumbnail(thumbnail);
  return ctx.write(() => {
    requireProject(ctx, projectId);
    const { revisionId, savedAt } = appendRevision(ctx, projectId, storable);
    if (picture !== undefined) {
      ctx.sql('UPDATE projects SET thumbnail = ? WHERE id = ?').run(picture, projectId);
    }
    return { revisionId, savedAt };
  });
}

/** Newest first, each with what changed from the one before it, in words. */
export function listRevisions(ctx: StoreContext, projectId: string): RevisionSummary[] {
  requireProject(ctx, projectId);
  const rows = ctx
    .sql(
      `SELECT id, project_id AS projectId, saved_at AS savedAt, node_count AS nodeCount,
         edge_count AS edgeCount, graph
       FROM revisions WHERE project_id = ? ORDER BY id ASC`,
    )
    .all(projectId) as (Omit<RevisionSummary, 'changes'> & { graph: string })[];
  let before: GraphDocument | undefined;
  const summaries = rows.map(({ graph, ...row }) => {
    const parsed = parseGraphDocument(graph);
    // A stored network always parses; should one not, its entry only lacks the words.
    const changes = parsed.ok ? describeGraphChange(before, parsed.document) : [];
    before = parsed.ok ? parsed.document : undefined;
    return { ...row, changes };
  });
  return summaries.reverse();
}

/**
 * Makes an earlier revision the current network by appending a copy of it as the newest
 * revision, so the history keeps what came between. Restoring the latest one adds nothing.
 */
export function restoreRevision(ctx: StoreContext, projectId: string, revisionId: number): Project {
  ctx.write(() => {
    requireProject(ctx, projectId);
    const revision = ctx
      .sql(
        `SELECT graph AS json, node_count AS nodeCount, edge_count AS edgeCount
         FROM revisions WHERE id = ? AND project_id = ?`,
      )
      .get(revisionId, projectId) as
      { json: string; nodeCount: number; edgeCount: number } | undefined;
    if (revision === undefined) {
      throw new StoreError(
        'not-found',
        `Version ${revisionId} is not in this project's history (only the latest ${MAX_REVISIONS} versions are kept).`,
      );
    }
    appendRevision(ctx, projectId, revision);
  });
  return readProject(ctx, projectId);
}
