import { unzipSync } from 'fflate';
import { EMPTY_PROGRESS, labProgressSchema } from '../../../shared/labs/lab-progress';
import { parseLab } from '../../../shared/labs/parse-lab';
import { checked } from './checked';
import type { StorableGraph } from './graph-input';
import { storableGraph } from './graph-input';
import { checkedThumbnail, settingsJson } from './json-values';
import { MAX_PROJECT_FILE_BYTES, MAX_UNZIPPED_BYTES } from './limits';
import { projectDescription, projectName } from './names';
import type { ProjectFileLab, RunFileContent } from './project-file-format';
import {
  PROJECT_ENTRY,
  PROJECT_FILE_FORMAT,
  PROJECT_FILE_VERSION,
  RUN_ENTRY,
  STARTING_ENTRY,
  STARTING_FORMAT,
  projectFileSchema,
  runFileSchema,
} from './project-file-format';
import type { RunFileName, RunFiles } from './run-folders';
import type { NewProjectLab } from './project-labs';
import type { NewStartingWeights } from './starting-weights';
import { StoreError } from './store-error';

export interface ImportedRun {
  /** The run's folder name in the archive (its old id). */
  readonly folder: string;
  readonly run: RunFileContent;
  /** The network it was trained on, when the file has it. */
  readonly graph: StorableGraph | undefined;
  readonly files: RunFiles;
}

export interface ImportedProject {
  readonly name: string;
  readonly description: string;
  readonly thumbnail: string | null;
  readonly settingsJson: string;
  readonly graph: StorableGraph;
  readonly runs: readonly ImportedRun[];
  /** The weights its runs start from, for a project that was imported from a trained model. */
  readonly startingWeights?: NewStartingWeights;
  /** The lab the project follows, with the student's progress and when they started. */
  readonly lab?: NewProjectLab & { readonly startedAt: string };
}

/**
 * Reads and checks a project file in either form (see project-file-format.ts), or a plain
 * network file (a graph document) which becomes a project without settings. Nothing is
 * written here: a file is refused as a whole, with what is wrong, before the store changes.
 */
export function readProjectFile(fileName: string, bytes: Uint8Array): ImportedProject {
  if (bytes.length === 0) throw invalid(`"${fileName}" is empty.`);
  if (bytes.length > MAX_PROJECT_FILE_BYTES) {
    throw new StoreError(
      'too-large',
      `"${fileName}" is ${Math.ceil(bytes.length / 1024 / 1024)} MB; Neurite imports project files of at most ${MAX_PROJECT_FILE_BYTES / 1024 / 1024} MB.`,
    );
  }
  if (isZip(bytes)) return readArchive(fileName, bytes);
  return fromJsonValue(parseJsonBytes(bytes, `"${fileName}"`), fileName, true);
}

function invalid(message: string, issues?: readonly { path: string; message: string }[]) {
  return new StoreError('invalid-input', message, issues ? { issues } : {});
}

const NOT_A_PROJECT =
  'Neurite opens project files (.neurite or .neurite.json, made with Export) and network files (.json).';

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
}

function parseJsonBytes(bytes: Uint8Array, what: string): unknown {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw invalid(
      `${what} is not a Neurite project: it is neither text nor a zip archive. ${NOT_A_PROJECT}`,
    );
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw invalid(
      `${what} is not a Neurite project: it is not valid JSON (${(error as Error).message}). ${NOT_A_PROJECT}`,
    );
  }
}

/** Adds where a problem is to a refusal from a check, e.g. "In runs/…/run.json: …". */
function within<T>(entry: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof StoreError && error.code === 'invalid-input') {
      throw new StoreError('invalid-input', `In ${entry}: ${error.message}`, {
        issues: (error.issues ?? []).map((issue) => ({ ...issue, path: `${entry}:${issue.path}` })),
      });
    }
    throw error;
  }
}

function fromJsonValue(value: unknown, fileName: string, allowNetwork: boolean): ImportedProject {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw invalid(
      `"${fileName}" is not a Neurite project: it holds no JSON object. ${NOT_A_PROJECT}`,
    );
  }
  const raw = value as Record<string, unknown>;
  if (allowNetwork && raw['format'] === 'neurite-graph') return fromNetwork(raw, fileName);
  if (raw['format'] !== PROJECT_FILE_FORMAT) {
    throw invalid(
      `"${fileName}" is not a Neurite project: "format" must be "${PROJECT_FILE_FORMAT}" (got ${JSON.stringify(raw['format']) ?? 'nothing'}). ${NOT_A_PROJECT}`,
      [{ path: 'format', message: `must be "${PROJECT_FILE_FORMAT}"` }],
    );
  }
  const version = raw['version'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw invalid(
      `"${fileName}" has no valid "version" (got ${JSON.stringify(version) ?? 'nothing'}); a project file's version is a whole number from 1.`,
      [{ path: 'version', message: 'must be a whole number from 1' }],
    );
  }
  if (version > PROJECT_FILE_VERSION) {
    throw new StoreError(
      'unsupported',
      `"${fileName}" was saved by a newer version of Neurite (project file version ${version}; this Neurite reads up to version ${PROJECT_FILE_VERSION}). Update Neurite to open it. Nothing was imported.`,
    );
  }
  const file = checked(projectFileSchema, raw, '', 'the project file');
  return {
    name: within('metadata', () => projectName(file.metadata.name)),
    description: within('metadata', () => projectDescription(file.metadata.description)),
    thumbnail: file.metadata.thumbnail === null ? null : checkedThumbnail(file.metadata.thumbnail),
    settingsJson: settingsJson(file.settings),
    graph: storableGraph(file.graph, 'graph'),
    runs: [],
    ...(file.lab ? { lab: within('lab', () => projectLabOf(file.lab!)) } : {}),
  };
}

/**
 * The lab a project file keeps: its text must still read as a lab (the project's lab panel
 * and its goals come from it); progress that no longer reads is the student's and only its
 * unreadable part is lost, as when the store reads it.
 */
function projectLabOf(lab: ProjectFileLab): NewProjectLab & { startedAt: string } {
  const parsed = parseLab(lab.source.replace(/^\uFEFF/, ''));
  if (!parsed.ok) {
    const first = parsed.problems[0];
    throw invalid(
      `The lab the project follows cannot be read (${first ? `${first.line === undefined ? '' : `line ${first.line}: `}${first.message}` : 'it is damaged'}). Export the project again.`,
      [{ path: 'source', message: 'must be a lab file Neurite reads' }],
    );
  }
  const progress = labProgressSchema.safeParse(lab.progress ?? {});
  return {
    labId: parsed.lab.id,
    title: parsed.lab.title,
    source: lab.source,
    progress: progress.success ? progress.data : EMPTY_PROGRESS,
    startedAt: lab.startedAt,
  };
}

/** A plain network file: its metadata name (or the file's name) names the project. */
function fromNetwork(raw: Record<string, unknown>, fileName: string): ImportedProject {
  const graph = storableGraph(raw, '');
  const fromFile = fileName.replace(/(\.neurite)?\.json$/i, '').trim();
  const fromDocument = graph.document.metadata.name.trim();
  return {
    name: projectName(fromDocument || fromFile || 'Imported network'),
    description: projectDescription(graph.document.metadata.description),
    thumbnail: null,
    settingsJson: '{}',
    graph,
    runs: [],
  };
}

function unzip(fileName: string, bytes: Uint8Array): Record<string, Uint8Array> {
  let declared = 0;
  const tooLarge = () =>
    new StoreError(
      'too-large',
      `"${fileName}" unpacks to more than ${MAX_UNZIPPED_BYTES / 1024 / 1024} MB; Neurite does not import files that large.`,
    );
  try {
    const entries = unzipSync(bytes, {
      filter: (entry) => {
        const wanted =
          entry.name === PROJECT_ENTRY ||
          RUN_ENTRY.test(entry.name) ||
          STARTING_ENTRY.test(entry.name);
        if (wanted) declared += entry.originalSize;
        if (declared > MAX_UNZIPPED_BYTES) throw tooLarge();
        return wanted;
      },
    });
    const unpacked = Object.values(entries).reduce((sum, entry) => sum + entry.length, 0);
    if (unpacked > MAX_UNZIPPED_BYTES) throw tooLarge();
    return entries;
  } catch (error) {
    if (error instanceof StoreError) throw error;
    throw invalid(
      `"${fileName}" looks like a zip archive but cannot be unpacked (${(error as Error).message}); it may be damaged or cut short. Export the project again.`,
    );
  }
}

function readArchive(fileName: string, bytes: Uint8Array): ImportedProject {
  const entries = unzip(fileName, bytes);
  const projectBytes = entries[PROJECT_ENTRY];
  if (projectBytes === undefined) {
    throw invalid(
      `"${fileName}" is a zip archive without ${PROJECT_ENTRY}, so it is not a Neurite project. ${NOT_A_PROJECT}`,
    );
  }
  const project = within(PROJECT_ENTRY, () =>
    fromJsonValue(parseJsonBytes(projectBytes, PROJECT_ENTRY), fileName, false),
  );
  const folders = new Map<string, Partial<Record<RunFileName | 'run.json', Uint8Array>>>();
  for (const [name, content] of Object.entries(entries)) {
    const match = RUN_ENTRY.exec(name);
    if (!match) continue;
    const folder = match[1]!;
    const files = folders.get(folder) ?? {};
    files[match[2] as RunFileName | 'run.json'] = content;
    folders.set(folder, files);
  }
  const runs = [...folders].map(([folder, files]) => readRunEntry(folder, files));
  const startingWeights = readStartingEntries(entries);
  return { ...project, runs, ...(startingWeights ? { startingWeights } : {}) };
}

/** The weights an imported project's runs start from, when the archive keeps them. */
function readStartingEntries(
  entries: Readonly<Record<string, Uint8Array>>,
): NewStartingWeights | undefined {
  const manifest = entries['starting/model.json'];
  const data = entries['starting/weights.bin'];
  if (manifest === undefined && data === undefined) return undefined;
  const where = 'starting/';
  if (manifest === undefined || data === undefined) {
    throw invalid(
      `${where} in the archive has only one of model.json and weights.bin; the weights the project starts from need both.`,
    );
  }
  const json = parseJsonBytes(manifest, `${where}model.json`) as {
    format?: unknown;
    source?: unknown;
    weightsManifest?: { weights?: unknown }[];
  };
  const specs = Array.isArray(json.weightsManifest)
    ? json.weightsManifest.flatMap((group): unknown[] =>
        Array.isArray(group.weights) ? (group.weights as unknown[]) : [],
      )
    : undefined;
  if (json.format !== STARTING_FORMAT || !specs || typeof json.source !== 'string') {
    throw invalid(
      `${where}model.json in the archive is not the manifest of a project's starting weights. Export the project again.`,
    );
  }
  return { source: json.source, specs, data };
}

function readRunEntry(
  folder: string,
  files: Partial<Record<RunFileName | 'run.json', Uint8Array>>,
): ImportedRun {
  const where = `runs/${folder}/`;
  const { 'run.json': runJson, ...saved } = files;
  if (runJson === undefined) throw invalid(`${where} in the archive has files but no run.json.`);
  if ((saved['model.json'] === undefined) !== (saved['weights.bin'] === undefined)) {
    throw invalid(
      `${where} in the archive has only one of model.json and weights.bin; a saved model needs both.`,
    );
  }
  const entry = `${where}run.json`;
  return within(entry, () => {
    const run = checked(runFileSchema, parseJsonBytes(runJson, entry), '', 'the run');
    return {
      folder,
      run,
      graph: run.graph === undefined ? undefined : storableGraph(run.graph, 'graph'),
      files: saved,
    };
  });
}
