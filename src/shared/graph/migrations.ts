/**
 * Upgrades older graph documents, one version step at a time, before validation.
 *
 * Version 1 is the first published format, so the list is empty; when the format changes,
 * bump GRAPH_FORMAT_VERSION and add the step from the previous version here (with a fixture
 * of the old format under tests/fixtures/graph-versions/).
 */
export interface Migration {
  /** The version this step reads; it produces `from + 1`. */
  readonly from: number;
  readonly describe: string;
  migrate(document: Record<string, unknown>): Record<string, unknown>;
}

export const GRAPH_MIGRATIONS: readonly Migration[] = [];

export type MigrationResult =
  | { ok: true; document: Record<string, unknown>; applied: readonly string[] }
  | { ok: false; message: string };

export function migrateDocument(
  document: Record<string, unknown>,
  targetVersion: number,
  migrations: readonly Migration[] = GRAPH_MIGRATIONS,
): MigrationResult {
  const version = document['version'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return {
      ok: false,
      message: `"version" must be ${targetVersion === 1 ? '1' : `a whole number from 1 to ${targetVersion}`}; this file says ${JSON.stringify(version) ?? 'nothing'}.`,
    };
  }
  if (version > targetVersion) {
    return {
      ok: false,
      message: `This network was saved by a newer Neurite (format version ${version}); this one reads up to version ${targetVersion}. Update Neurite to open it. The file was not changed.`,
    };
  }
  let current = document;
  const applied: string[] = [];
  for (let v = version; v < targetVersion; v += 1) {
    const step = migrations.find((m) => m.from === v);
    if (!step) {
      return { ok: false, message: `No upgrade is known from format version ${v}.` };
    }
    current = { ...step.migrate(current), version: v + 1 };
    applied.push(step.describe);
  }
  return { ok: true, document: current, applied };
}
