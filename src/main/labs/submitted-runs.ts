import { randomUUID } from 'node:crypto';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Run } from '../../shared/api/records';
import type { DatasetSpec } from '../../shared/data/dataset-spec';
import type { ModelRef } from '../../shared/inside/inside-schemas';
import type { LabDocument } from '../../shared/labs/lab-document';
import type { TrainingConfig } from '../../shared/training/config';
import type { ImportedProject } from '../services/store/read-project-file';
import { labTrainingConfig } from './lab-start';

/** A submitted run as goals see it, and the model its submitted weights make, if any. */
export interface SubmittedRun {
  readonly run: Run;
  readonly model: ModelRef | undefined;
}

/**
 * The data a submitted run is checked on: the lab's own data set for a run on it (or on data
 * of the student's own, which the file cannot be trusted to bring), and the built-in set by
 * name, with Neurite's defaults, for a run on another built-in set (a lab's OR or XOR step).
 * Either way it is Neurite's data, never the file's.
 */
export function gradingData(lab: LabDocument, run: Run): DatasetSpec {
  if (run.data.source === 'builtin' && run.data.name !== lab.data.name) {
    return { source: 'builtin', name: run.data.name };
  }
  return lab.data;
}

/** The settings that choose which examples land in which part. */
const SPLIT_SETTINGS = ['seed', 'validation', 'test'] as const;

/**
 * The settings a submitted run's split is remade with: its own, except those the lab locks
 * among the ones that choose the split, which are the lab's. A run trained under the lab
 * had them anyway; a file edited to pick a friendlier test part does not get it.
 */
export function gradingConfig(lab: LabDocument, config: TrainingConfig): TrainingConfig {
  const wanted = labTrainingConfig(lab);
  const locked = SPLIT_SETTINGS.filter((setting) => lab.locked.includes(setting));
  return Object.assign(
    { ...config },
    Object.fromEntries(locked.map((setting) => [setting, wanted[setting]])),
  );
}

/**
 * The submission's runs, newest first as the store lists them, each with its weights written
 * to a temporary folder for a serving process to open: `use` runs with them, and the folder is
 * removed afterwards whatever happens. The split is remade from each run's own seed and
 * settings (gradingConfig) on `gradingData`.
 */
export async function withSubmittedRuns<T>(
  lab: LabDocument,
  project: ImportedProject,
  use: (runs: readonly SubmittedRun[]) => Promise<T>,
): Promise<T> {
  const folder = await mkdtemp(path.join(tmpdir(), 'neurite-grade-'));
  try {
    const ordered = [...project.runs].sort((a, b) =>
      b.run.startedAt.localeCompare(a.run.startedAt),
    );
    const runs: SubmittedRun[] = [];
    for (const [index, imported] of ordered.entries()) {
      const { graph: _graph, ...record } = imported.run;
      const model = imported.files['model.json'];
      const weights = imported.files['weights.bin'];
      const run: Run = { ...record, hasWeights: model !== undefined && weights !== undefined };
      if (!model || !weights || run.status !== 'finished') {
        runs.push({ run, model: undefined });
        continue;
      }
      const weightsDir = path.join(folder, String(index));
      await mkdir(weightsDir);
      await writeFile(path.join(weightsDir, 'model.json'), model);
      await writeFile(path.join(weightsDir, 'weights.bin'), weights);
      runs.push({
        run,
        model: {
          // Unique per grading: two submissions may hold runs with the same id, and a serving
          // process keeps the model it opened last under its key.
          key: `grade:${randomUUID()}`,
          graph: (imported.graph ?? project.graph).document,
          weightsDir,
          training: { data: gradingData(lab, run), config: gradingConfig(lab, run.config) },
        },
      });
    }
    return await use(runs);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
