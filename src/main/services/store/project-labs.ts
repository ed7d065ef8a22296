import { labProgressSchema } from '../../../shared/labs/lab-progress';
import type { LabProgress } from '../../../shared/labs/lab-progress';
import { EMPTY_PROGRESS } from '../../../shared/labs/lab-progress';
import type { StoreContext } from './context';
import { projectNotFound } from './project-rows';

/**
 * The lab a project follows: the lab file's text as it was when the student started (so the
 * project keeps its lab when the file changes or is gone) and the student's progress in it.
 */
export interface ProjectLab {
  readonly labId: string;
  readonly title: string;
  /** The lab file's text (YAML), parsed again with parseLab when used. */
  readonly source: string;
  readonly progress: LabProgress;
  readonly startedAt: string;
}

export type NewProjectLab = Omit<ProjectLab, 'startedAt' | 'progress'> & {
  readonly progress?: LabProgress;
};

interface Row {
  readonly lab_id: string;
  readonly lab_title: string;
  readonly source: string;
  readonly progress: string;
  readonly started_at: string;
}

export function insertProjectLab(
  ctx: StoreContext,
  projectId: string,
  lab: NewProjectLab,
  at: string,
): void {
  ctx
    .sql(
      `INSERT INTO project_labs (project_id, lab_id, lab_title, source, progress, started_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    )
    .run(
      projectId,
      lab.labId,
      lab.title,
      lab.source,
      JSON.stringify(lab.progress ?? EMPTY_PROGRESS),
      at,
    );
}

/** The project's lab, or undefined when it follows none. */
export function readProjectLab(ctx: StoreContext, projectId: string): ProjectLab | undefined {
  const row = ctx
    .sql(
      'SELECT lab_id, lab_title, source, progress, started_at FROM project_labs WHERE project_id = ?',
    )
    .get(projectId) as Row | undefined;
  if (row === undefined) return undefined;
  return {
    labId: row.lab_id,
    title: row.lab_title,
    source: row.source,
    progress: readProgress(row.progress),
    startedAt: row.started_at,
  };
}

/** Replaces the student's progress; the project's list entry moves up as after any edit. */
export function saveLabProgress(ctx: StoreContext, projectId: string, progress: LabProgress): void {
  ctx.write(() => {
    const changed = ctx
      .sql('UPDATE project_labs SET progress = ? WHERE project_id = ?')
      .run(JSON.stringify(labProgressSchema.parse(progress)), projectId);
    if (changed.changes === 0) throw projectNotFound(projectId);
    ctx.sql('UPDATE projects SET updated_at = ? WHERE id = ?').run(ctx.now(), projectId);
  });
}

/** A duplicate follows the same lab, with the progress made so far. */
export function copyProjectLab(ctx: StoreContext, from: string, to: string): void {
  ctx
    .sql(
      `INSERT INTO project_labs (project_id, lab_id, lab_title, source, progress, started_at)
       SELECT ?, lab_id, lab_title, source, progress, started_at FROM project_labs
       WHERE project_id = ?`,
    )
    .run(to, from);
}

/**
 * Progress is the student's work: a value that no longer reads (hand-edited, or from a newer
 * Neurite) keeps what still fits instead of failing the project.
 */
function readProgress(json: string): LabProgress {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return EMPTY_PROGRESS;
  }
  const parsed = labProgressSchema.safeParse(value);
  return parsed.success ? parsed.data : EMPTY_PROGRESS;
}
