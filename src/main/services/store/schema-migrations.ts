/**
 * The database schema, as numbered steps. PRAGMA user_version holds the number of the last
 * step applied; a new build applies the steps after it, all in one transaction.
 *
 * To change the schema: append a step (never edit a shipped one), add
 * tests/fixtures/store/schema-v<N>.sql with the schema it produces and a few rows, and the
 * migration tests will check every earlier fixture upgrades to it.
 */
export interface Migration {
  readonly version: number;
  readonly description: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'projects, revisions, runs and their epochs',
    sql: `
      CREATE TABLE projects (
        id TEXT PRIMARY KEY NOT NULL,
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        description TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        last_opened_at TEXT,
        trashed_at TEXT,
        thumbnail TEXT,
        settings TEXT NOT NULL DEFAULT '{}'
      ) STRICT;

      -- AUTOINCREMENT: a pruned revision's id is never handed out again, so a run that names
      -- a revision can never be confused with a later one.
      CREATE TABLE revisions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        project_id TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        saved_at TEXT NOT NULL,
        graph TEXT NOT NULL,
        node_count INTEGER NOT NULL,
        edge_count INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX revisions_by_project ON revisions (project_id, id);

      CREATE TABLE runs (
        id TEXT PRIMARY KEY NOT NULL,
        project_id TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        revision_id INTEGER NOT NULL REFERENCES revisions (id),
        status TEXT NOT NULL CHECK (status IN ('running', 'finished', 'stopped', 'failed')),
        started_at TEXT NOT NULL,
        ended_at TEXT,
        backend_choice TEXT NOT NULL,
        backend TEXT,
        data TEXT NOT NULL,
        config TEXT NOT NULL,
        epochs_run INTEGER NOT NULL DEFAULT 0,
        final_metrics TEXT,
        message TEXT,
        final_event TEXT
      ) STRICT;
      CREATE INDEX runs_by_project ON runs (project_id, started_at);
      CREATE INDEX runs_by_revision ON runs (revision_id);

      CREATE TABLE epochs (
        run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        epoch INTEGER NOT NULL,
        fold INTEGER,
        loss REAL NOT NULL,
        metrics TEXT NOT NULL,
        validation_loss REAL,
        validation_metrics TEXT,
        learning_rate REAL NOT NULL,
        elapsed_ms REAL NOT NULL,
        PRIMARY KEY (run_id, seq)
      ) STRICT, WITHOUT ROWID;
    `,
  },
  {
    version: 2,
    description: "each run's last look inside during training (saliency, decision boundary)",
    sql: `
      -- The newest 'inside' trainer event as JSON: one per run, replaced after each epoch
      -- that has one, so the stored size stays bounded whatever the number of epochs.
      ALTER TABLE runs ADD COLUMN live_inside TEXT;
    `,
  },
  {
    version: 3,
    description: 'the weights a project imported from a trained model starts from',
    sql: `
      -- At most one row per project: the manifest of the weights (TF.js' weightsManifest
      -- entries, JSON) and their bytes as weights.bin holds them. Every run of the project
      -- starts from them instead of its initializers; they go with the project.
      CREATE TABLE starting_weights (
        project_id TEXT PRIMARY KEY NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        source TEXT NOT NULL,
        manifest TEXT NOT NULL,
        weights BLOB NOT NULL,
        saved_at TEXT NOT NULL
      ) STRICT;
    `,
  },
  {
    version: 4,
    description: 'the lab a project follows, and the student’s progress in it',
    sql: `
      -- At most one row per project. The lab file's text is kept as it was when the lab
      -- started, so the project keeps its lab when the file changes or is gone; the progress
      -- (step, answers, hints opened) is JSON checked by labProgressSchema when read.
      CREATE TABLE project_labs (
        project_id TEXT PRIMARY KEY NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
        lab_id TEXT NOT NULL,
        lab_title TEXT NOT NULL,
        source TEXT NOT NULL,
        progress TEXT NOT NULL DEFAULT '{}',
        started_at TEXT NOT NULL
      ) STRICT;
    `,
  },
];

export const SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;
