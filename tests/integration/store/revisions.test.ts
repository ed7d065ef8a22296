import { afterAll, describe, expect, it } from 'vitest';
import { MAX_REVISIONS } from '../../../src/main/services/store';
import { revisionSummarySchema } from '../../../src/shared/api/records';
import { parseGraphDocumentOrThrow } from '../../../src/shared/graph/parse';
import {
  SMALL_CONFIG,
  XOR_DATA,
  network,
  removeTempFolders,
  tableCounts,
  testStore,
} from '../../fixtures/store/store-helpers';
import { expectStoreError } from '../../fixtures/store/expect-store-error';

/**
 * The revision history: saving graphs, refusing broken ones, not duplicating unchanged ones,
 * restoring, and keeping at most 200 per project.
 */

afterAll(removeTempFolders);

const PNG = 'data:image/png;base64,iVBORw0KGgo=';

describe('saving graphs', () => {
  it('adds a revision per change and none for an unchanged graph', () => {
    const store = testStore();
    const project = store.createProject({ name: 'P', graph: network(1) });
    const saved = store.saveGraph(project.id, network(2));
    expect(saved.revisionId).toBeGreaterThan(project.revisionId);
    expect(saved.savedAt > project.createdAt).toBe(true);
    // The same document again, even as JSON text or in its raw (unparsed) form: no revision.
    expect(store.saveGraph(project.id, network(2))).toEqual(saved);
    expect(store.saveGraph(project.id, JSON.stringify(network(2)))).toEqual(saved);
    expect(store.getProject(project.id)).toMatchObject({
      revisionId: saved.revisionId,
      revisionCount: 2,
    });
    expect(store.getProject(project.id).updatedAt).toBe(saved.savedAt);
    store.close();
  });

  it('stores the document as parsed, with defaults filled in', () => {
    const store = testStore();
    const project = store.createProject({ name: 'P', graph: network(1) });
    const raw = network(3) as { nodes: { position?: unknown }[] };
    for (const node of raw.nodes) delete node.position;
    store.saveGraph(project.id, raw);
    const graph = store.getProject(project.id).graph as {
      nodes: { position: unknown; params: unknown }[];
    };
    expect(graph).toEqual(parseGraphDocumentOrThrow(raw));
    expect(graph.nodes[1]!.position).toEqual({ x: 0, y: 0 });
    store.close();
  });

  it('updates the thumbnail with or without a new revision', () => {
    const store = testStore();
    const project = store.createProject({ name: 'P', graph: network(1) });
    store.saveGraph(project.id, network(1), PNG);
    expect(store.getProject(project.id)).toMatchObject({ thumbnail: PNG, revisionCount: 1 });
    expectStoreError(
      () => store.saveGraph(project.id, network(2), 'data:image/jpeg;base64,'),
      'invalid-input',
    );
    expectStoreError(
      () => store.saveGraph(project.id, network(2), PNG + 'A'.repeat(400_000)),
      'too-large',
    );
    // A refused save changes nothing, graph included.
    expect(store.getProject(project.id)).toMatchObject({ thumbnail: PNG, revisionCount: 1 });
    store.close();
  });

  it('sets the picture alone, without a revision, and refuses one that is not a PNG', () => {
    const store = testStore();
    const project = store.createProject({ name: 'P', graph: network(1) });
    store.setThumbnail(project.id, PNG);
    expect(store.getProject(project.id)).toMatchObject({ thumbnail: PNG, revisionCount: 1 });
    expectStoreError(
      () => store.setThumbnail(project.id, 'data:image/gif;base64,'),
      'invalid-input',
    );
    expectStoreError(
      () => store.setThumbnail('00000000-0000-4000-8000-000000000000', PNG),
      'not-found',
    );
    expect(store.getProject(project.id)).toMatchObject({ thumbnail: PNG, revisionCount: 1 });
    store.close();
  });

  it('refuses invalid documents with the problem and its path', () => {
    const store = testStore();
    const project = store.createProject({ name: 'P', graph: network(1) });
    const cases: [unknown, RegExp][] = [
      [{ ...network(), format: 'something-else' }, /not a Neurite network/],
      [{ ...network(), version: 99 }, /newer/],
      [{ ...network(), nodes: 'none' }, /graph\.nodes/],
      [null, /JSON object/],
      ['{ "format": ', /.+/],
    ];
    for (const [graph, message] of cases) {
      const error = expectStoreError(
        () => store.saveGraph(project.id, graph),
        'invalid-input',
        message,
      );
      expect(error.issues?.length).toBeGreaterThan(0);
    }
    expect(store.listRevisions(project.id)).toHaveLength(1);
    store.close();
  });
});

describe('the history', () => {
  it('lists revisions newest first with node and edge counts, and what changed', () => {
    const store = testStore();
    const project = store.createProject({ name: 'P', graph: network(1) });
    const second = store.saveGraph(project.id, network(2));
    const revisions = store.listRevisions(project.id);
    expect(revisions.map((r) => r.id)).toEqual([second.revisionId, project.revisionId]);
    for (const revision of revisions)
      expect(revisionSummarySchema.parse(revision)).toEqual(revision);
    expect(revisions[0]).toEqual({
      id: second.revisionId,
      projectId: project.id,
      savedAt: second.savedAt,
      nodeCount: 4,
      edgeCount: 3,
      changes: ['hidden: units 1 → 2'],
    });
    expect(revisions[1]!.changes).toEqual(['first saved version']);
    store.close();
  });

  it('restores an earlier revision by appending a copy as the newest', () => {
    const store = testStore();
    const project = store.createProject({ name: 'P', graph: network(1) });
    store.saveGraph(project.id, network(2));
    const restored = store.restoreRevision(project.id, project.revisionId);
    expect(restored.graph).toEqual(project.graph);
    expect(restored.revisionId).toBeGreaterThan(project.revisionId);
    expect(store.listRevisions(project.id)).toHaveLength(3);
    // Restoring the latest one changes nothing.
    expect(store.restoreRevision(project.id, restored.revisionId).revisionId).toBe(
      restored.revisionId,
    );
    expect(store.listRevisions(project.id)).toHaveLength(3);
    // Another project's revision, or one that never was, is not found.
    const other = store.createProject({ name: 'Other', graph: network(7) });
    expectStoreError(() => store.restoreRevision(project.id, other.revisionId), 'not-found');
    expectStoreError(() => store.restoreRevision(project.id, 999_999), 'not-found');
    store.close();
  });

  it(`keeps at most ${MAX_REVISIONS} revisions per project, pruning the oldest`, () => {
    const store = testStore();
    const project = store.createProject({ name: 'Busy', graph: network(1) });
    const other = store.createProject({ name: 'Other', graph: network(1) });
    const ids = [project.revisionId];
    const started = performance.now();
    for (let units = 2; units <= 250; units += 1)
      ids.push(store.saveGraph(project.id, network(units)).revisionId);
    const perSave = (performance.now() - started) / 249;
    const kept = store.listRevisions(project.id).map((r) => r.id);
    expect(kept).toHaveLength(MAX_REVISIONS);
    expect(kept).toEqual(ids.slice(-MAX_REVISIONS).reverse());
    expect(store.getProject(project.id)).toMatchObject({
      revisionId: ids.at(-1),
      revisionCount: MAX_REVISIONS,
    });
    // Pruning is per project, and ids of pruned revisions are never reused.
    expect(store.listRevisions(other.id)).toHaveLength(1);
    const next = store.saveGraph(project.id, network(1000)).revisionId;
    expect(next).toBeGreaterThan(Math.max(...ids));
    expect(tableCounts(store.dataDir).revisions).toBe(MAX_REVISIONS + 1);
    console.log(`saveGraph with pruning: ${perSave.toFixed(3)} ms per save`);
    store.close();
  });

  it('keeps the revisions runs were trained on beyond the oldest ones', () => {
    const store = testStore();
    const project = store.createProject({ name: 'Trained', graph: network(1) });
    const run = store.createRun({
      projectId: project.id,
      revisionId: project.revisionId,
      data: XOR_DATA,
      config: SMALL_CONFIG,
      backendChoice: 'auto',
    });
    for (let units = 2; units <= 260; units += 1) store.saveGraph(project.id, network(units));
    const kept = store.listRevisions(project.id);
    expect(kept).toHaveLength(MAX_REVISIONS);
    expect(kept.at(-1)!.id).toBe(run.revisionId);
    expect(store.restoreRevision(project.id, run.revisionId).graph).toEqual(project.graph);
    store.close();
  });
});
