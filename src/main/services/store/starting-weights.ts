import type { StoreContext } from './context';
import { StoreError } from './store-error';

/**
 * The weights a project starts from instead of its initializers: those of the trained model
 * it was imported from. Every run of the project starts from them (each layer that still
 * fits them), so a student fine-tunes what the model had learnt rather than starting over.
 */
export interface StartingWeights {
  /** The file or files they were imported from, as the student picked them. */
  readonly source: string;
  /** TF.js weights manifest entries (name, shape, dtype), in the order of `data`. */
  readonly specs: readonly unknown[];
  /** The weights' bytes, as weights.bin holds them. */
  readonly data: Uint8Array;
  readonly savedAt: string;
}

export type NewStartingWeights = Omit<StartingWeights, 'savedAt'>;

interface Row {
  readonly source: string;
  readonly manifest: string;
  readonly weights: Uint8Array;
  readonly saved_at: string;
}

export function insertStartingWeights(
  ctx: StoreContext,
  projectId: string,
  weights: NewStartingWeights,
  at: string,
): void {
  ctx
    .sql(
      `INSERT INTO starting_weights (project_id, source, manifest, weights, saved_at)
       VALUES (?, ?, ?, ?, ?)`,
    )
    .run(projectId, weights.source, JSON.stringify(weights.specs), weights.data, at);
}

export function readStartingWeights(
  ctx: StoreContext,
  projectId: string,
): StartingWeights | undefined {
  const row = ctx
    .sql('SELECT source, manifest, weights, saved_at FROM starting_weights WHERE project_id = ?')
    .get(projectId) as Row | undefined;
  if (row === undefined) return undefined;
  let specs: unknown;
  try {
    specs = JSON.parse(row.manifest);
  } catch {
    specs = undefined;
  }
  if (!Array.isArray(specs)) {
    throw new StoreError(
      'storage',
      'The weights this project was imported with are damaged in the database. Import the model again as a new project.',
    );
  }
  return { source: row.source, specs, data: new Uint8Array(row.weights), savedAt: row.saved_at };
}

/** Where a project's starting weights came from, for its record; undefined without any. */
export function startingWeightsOrigin(
  ctx: StoreContext,
  projectId: string,
): { source: string; importedAt: string } | undefined {
  const row = ctx
    .sql('SELECT source, saved_at FROM starting_weights WHERE project_id = ?')
    .get(projectId) as Pick<Row, 'source' | 'saved_at'> | undefined;
  return row && { source: row.source, importedAt: row.saved_at };
}

/** A duplicate starts from the same weights as its original. */
export function copyStartingWeights(ctx: StoreContext, from: string, to: string): void {
  ctx
    .sql(
      `INSERT INTO starting_weights (project_id, source, manifest, weights, saved_at)
       SELECT ?, source, manifest, weights, saved_at FROM starting_weights WHERE project_id = ?`,
    )
    .run(to, from);
}
