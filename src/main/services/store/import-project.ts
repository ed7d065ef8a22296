import { randomUUID } from 'node:crypto';
import type { Project } from '../../../shared/api/records';
import type { TrainerEventOf } from '../../../shared/training/events';
import type { StoreContext } from './context';
import { insertProject, readProject } from './project-rows';
import type { ImportedRun } from './read-project-file';
import { readProjectFile } from './read-project-file';
import { appendRevision } from './revision-rows';
import { removeRunFolders, writeRunFiles } from './run-folders';
import { insertEpoch, insertRun } from './run-rows';
import { INTERRUPTED_MESSAGE } from './runs';
import { insertProjectLab } from './project-labs';
import { insertStartingWeights } from './starting-weights';
import { distinctName } from './names';

/**
 * Adds a project from a file (see readProjectFile). The project and its runs get new ids, so
 * the same file can be imported twice; a name another project has (in the trash too) gets a
 * number, "XOR (2)", so the two can be told apart. Each run's network becomes a revision,
 * oldest first, with the project's latest network as the newest one.
 */
export function importProject(ctx: StoreContext, fileName: string, bytes: Uint8Array): Project {
  const file = readProjectFile(fileName, bytes);
  const projectId = randomUUID();
  const runs = file.runs
    .map((run) => ({ ...run, id: randomUUID() }))
    .sort((a, b) => a.run.revisionId - b.run.revisionId);
  // Model files first, rows after: if the transaction fails they are removed, and a crash in
  // between leaves only folders no row points to, never a run without its model.
  const written: string[] = [];
  try {
    for (const run of runs) {
      if (Object.keys(run.files).length === 0) continue;
      written.push(run.id);
      writeRunFiles(ctx.dataDir, run.id, run.files);
    }
    ctx.write(() => {
      const at = ctx.now();
      const taken = ctx.sql('SELECT name FROM projects').all() as { name: string }[];
      insertProject(ctx, {
        id: projectId,
        name: distinctName(file.name, new Set(taken.map((row) => row.name))),
        description: file.description,
        thumbnail: file.thumbnail,
        settingsJson: file.settingsJson,
        at,
      });
      const revisions = new Map<string, number>();
      const revisionFor = (graph: NonNullable<ImportedRun['graph']>) => {
        let id = revisions.get(graph.json);
        if (id === undefined) {
          id = appendRevision(ctx, projectId, graph, at).revisionId;
          revisions.set(graph.json, id);
        }
        return id;
      };
      // A run without its network is filed under the latest one, added after the others.
      const orphans: (ImportedRun & { id: string })[] = [];
      for (const run of runs) {
        if (run.graph === undefined) orphans.push(run);
        else insertImportedRun(ctx, projectId, revisionFor(run.graph), run);
      }
      const latest = revisionFor(file.graph);
      for (const run of orphans) insertImportedRun(ctx, projectId, latest, run);
      if (file.startingWeights) insertStartingWeights(ctx, projectId, file.startingWeights, at);
      // The lab keeps when the student started it, not when the file was imported.
      if (file.lab) insertProjectLab(ctx, projectId, file.lab, file.lab.startedAt);
    });
  } catch (error) {
    try {
      removeRunFolders(ctx.dataDir, written);
    } catch {
      // The import's own error is the one to report; stray folders take only disk space.
    }
    throw error;
  }
  return readProject(ctx, projectId);
}

function insertImportedRun(
  ctx: StoreContext,
  projectId: string,
  revisionId: number,
  imported: ImportedRun & { id: string },
): void {
  const { run } = imported;
  // A run exported while it trained never finished; it must not look like it is training here.
  const interrupted = run.status === 'running';
  const final: TrainerEventOf<'failed'> = {
    type: 'failed',
    message: INTERRUPTED_MESSAGE,
    code: 'run.interrupted',
  };
  insertRun(ctx, {
    id: imported.id,
    projectId,
    revisionId,
    status: interrupted ? 'failed' : run.status,
    startedAt: run.startedAt,
    endedAt: interrupted ? (run.endedAt ?? ctx.now()) : run.endedAt,
    backendChoice: run.backendChoice,
    backend: run.backend,
    data: run.data,
    config: run.config,
    epochsRun: run.epochsRun,
    finalMetrics: run.finalMetrics,
    message: interrupted ? INTERRUPTED_MESSAGE : run.message,
    final: interrupted ? final : run.final,
  });
  for (const epoch of run.epochs) insertEpoch(ctx, imported.id, epoch);
}
