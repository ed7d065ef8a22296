import type { Zippable } from 'fflate';
import { zipSync } from 'fflate';
import type { StoreContext } from './context';
import { fromJson } from './json-values';
import { MAX_PROJECT_FILE_BYTES } from './limits';
import { fileStem } from './names';
import type { ProjectFile, RunFile } from './project-file-format';
import {
  ARCHIVE_SUFFIX,
  JSON_FILE_SUFFIX,
  PROJECT_ENTRY,
  PROJECT_FILE_FORMAT,
  STARTING_FORMAT,
  projectFileVersion,
} from './project-file-format';
import { readProjectLab } from './project-labs';
import { readProject } from './project-rows';
import { readRunFiles } from './run-folders';
import { readRun } from './run-rows';
import { readStartingWeights } from './starting-weights';
import { StoreError } from './store-error';

const encode = (value: unknown) => new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`);

/** More files for the archive beside the project's own (a lab submission's submission.json). */
export type ExtraEntries = Readonly<Record<string, Uint8Array>>;

/**
 * A project as a file to share or keep: its latest network, settings, description and the
 * lab it follows, and with `includeRuns` every run with its saved model. `extra` entries go
 * into the archive too (only with `includeRuns`). See project-file-format.ts.
 */
export function exportProject(
  ctx: StoreContext,
  id: string,
  includeRuns: boolean,
  extra: ExtraEntries = {},
): { fileName: string; bytes: Uint8Array } {
  return ctx.read(() => {
    const project = readProject(ctx, id);
    const start = readStartingWeights(ctx, id);
    const lab = readProjectLab(ctx, id);
    const file: ProjectFile = {
      format: PROJECT_FILE_FORMAT,
      version: projectFileVersion({ startingWeights: start !== undefined, lab: lab !== undefined }),
      graph: project.graph,
      settings: project.settings,
      metadata: {
        name: project.name,
        description: project.description,
        createdAt: project.createdAt,
        updatedAt: project.updatedAt,
        thumbnail: project.thumbnail,
      },
      ...(lab
        ? { lab: { source: lab.source, progress: lab.progress, startedAt: lab.startedAt } }
        : {}),
    };
    const stem = fileStem(project.name);
    // Starting weights are bytes, which only the archive holds: such a project is one always.
    if (!includeRuns && !start) {
      return { fileName: `${stem}${JSON_FILE_SUFFIX}`, bytes: encode(file) };
    }

    const entries: Zippable = { ...(includeRuns ? extra : {}), [PROJECT_ENTRY]: encode(file) };
    let total = 0;
    if (start) {
      entries['starting/model.json'] = encode({
        format: STARTING_FORMAT,
        source: start.source,
        weightsManifest: [{ paths: ['weights.bin'], weights: start.specs }],
      });
      entries['starting/weights.bin'] = [start.data, { level: 0 }];
      total += start.data.length;
    }
    const runIds = includeRuns
      ? (ctx
          .column('SELECT id FROM runs WHERE project_id = ? ORDER BY started_at, rowid')
          .all(id) as string[])
      : [];
    for (const runId of runIds) {
      // The last look inside during training stays out: project files keep their version-1
      // shape, which older Neurites read.
      const { liveInside: _liveInside, ...run } = readRun(ctx, runId);
      const graph = ctx.column('SELECT graph FROM revisions WHERE id = ?').get(run.revisionId) as
        string | undefined;
      const runFile: RunFile = { ...run, graph: graph === undefined ? undefined : fromJson(graph) };
      entries[`runs/${runId}/run.json`] = encode(runFile);
      for (const [name, bytes] of Object.entries(readRunFiles(ctx.dataDir, runId))) {
        total += bytes.length;
        // Weights hardly compress; storing them saves time.
        entries[`runs/${runId}/${name}`] = name === 'weights.bin' ? [bytes, { level: 0 }] : bytes;
      }
    }
    if (total > MAX_PROJECT_FILE_BYTES) {
      throw new StoreError(
        'too-large',
        `The project's saved models add up to ${Math.ceil(total / 1024 / 1024)} MB, more than a project file can hold (${MAX_PROJECT_FILE_BYTES / 1024 / 1024} MB). Delete the runs you do not need, or export without runs.`,
      );
    }
    return { fileName: `${stem}${ARCHIVE_SUFFIX}`, bytes: zipSync(entries, { level: 6 }) };
  });
}
