import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { EpochRecord } from '../../shared/api/records';
import type { GraphDocument } from '../../shared/graph/document';
import { parseGraphDocument } from '../../shared/graph/parse';
import type { SavedRun } from '../../shared/training/saved-run';
import { SAVED_MODEL_FILES, savedRunSchema } from '../../shared/training/saved-run';
import { InsideError } from '../engine/inside/inside-error';
import type { SavedWeights } from '../engine/inside/inside-model';
import { savedWeights } from '../engine/inside/inside-model';
import { readProjectFile } from '../services/store/read-project-file';
import { StoreError } from '../services/store/store-error';
import { HISTORY_FILE, savedHistorySchema } from '../results/saved-history';

/** What `<model>` names for predict, evaluate and explain. */
export interface ModelArgument {
  readonly document: GraphDocument;
  /** Trained weights; without them the network's initializers give its weights. */
  readonly weights?: SavedWeights;
  /** How the model was trained: its data and settings (a saved folder or a project's run). */
  readonly training?: Pick<SavedRun, 'data' | 'config'> & Partial<Pick<SavedRun, 'dataset'>>;
  /**
   * The run's numbers per epoch, for its curves: a project's run keeps them, a saved folder in
   * history.json. Read when asked for, so only the command that draws curves fails on a folder
   * saved without it; absent for a model that was never trained.
   */
  readonly history?: () => readonly EpochRecord[];
  /** What was opened, in words, for the output. */
  readonly description: string;
}

const KINDS_OF_MODEL =
  'Give a saved model folder (what neurite train --out writes), a project file (.neurite, exported by the app) or a network file (.json).';

/**
 * Reads `<model>`: a saved model folder (model.json, weights.bin, network.json and
 * training.json), a project file (its newest run with saved weights, or `run` by id), or a
 * network file (untrained: the weights its initializers give). Problems are thrown as
 * sentences that say what to give instead.
 */
export function readModelArgument(value: string, run?: string): ModelArgument {
  if (!existsSync(value)) {
    throw new InsideError('bad-input', `"${value}" does not exist. ${KINDS_OF_MODEL}`);
  }
  if (statSync(value).isDirectory()) return readSavedFolder(value);
  let project;
  try {
    project = readProjectFile(path.basename(value), readFileSync(value));
  } catch (error) {
    if (error instanceof StoreError)
      throw new InsideError('bad-input', `${error.message} ${KINDS_OF_MODEL}`);
    throw error;
  }
  const runs = project.runs.filter(
    (entry) => entry.graph && entry.files['model.json'] && entry.files['weights.bin'],
  );
  if (run !== undefined) {
    const chosen = project.runs.find((entry) => entry.folder === run || entry.run.id === run);
    if (!chosen) {
      throw new InsideError(
        'bad-input',
        `The project "${project.name}" has no run "${run}". Its runs with saved weights: ${runs.map((entry) => entry.run.id).join(', ') || 'none'}.`,
      );
    }
    if (!runs.includes(chosen)) {
      throw new InsideError(
        'bad-input',
        `Run "${run}" of the project "${project.name}" has no saved weights (it ended before any were saved). Pick another run, or train again.`,
      );
    }
  }
  const chosen =
    run !== undefined
      ? runs.find((entry) => entry.folder === run || entry.run.id === run)!
      : runs.sort((a, b) => b.run.startedAt.localeCompare(a.run.startedAt))[0];
  if (!chosen) {
    const name = project.graph.document.metadata.name || project.name;
    const start = project.startingWeights;
    if (start) {
      // An imported project not trained in Neurite yet: the weights it was imported with.
      return {
        document: project.graph.document,
        weights: {
          specs: start.specs as SavedWeights['specs'],
          data: start.data.buffer.slice(
            start.data.byteOffset,
            start.data.byteOffset + start.data.byteLength,
          ) as ArrayBuffer,
        },
        description: `${name}, with the weights it was imported with (not trained in Neurite yet)`,
      };
    }
    return {
      document: project.graph.document,
      description: `${name}, untrained (weights from its initializers)`,
    };
  }
  return {
    document: chosen.graph!.document,
    weights: savedWeights(
      chosen.files['model.json']!,
      chosen.files['weights.bin']!,
      `run ${chosen.run.id}`,
    ),
    training: { data: chosen.run.data, config: chosen.run.config },
    history: () => chosen.run.epochs,
    description: `run ${chosen.run.id} of the project "${project.name}" (trained ${chosen.run.epochsRun} ${chosen.run.epochsRun === 1 ? 'epoch' : 'epochs'})`,
  };
}

function readSavedFolder(folder: string): ModelArgument {
  const file = (name: string) => path.join(folder, name);
  if (!existsSync(file(SAVED_MODEL_FILES.topology))) {
    throw new InsideError(
      'bad-input',
      `"${folder}" is not a saved model: it has no model.json. ${KINDS_OF_MODEL}`,
    );
  }
  if (!existsSync(file(SAVED_MODEL_FILES.network))) {
    throw new InsideError(
      'bad-input',
      `"${folder}" has no network.json, the network the model was trained on: it was saved by an older Neurite. Train it again with --out to look inside it.`,
    );
  }
  const parsed = parseGraphDocument(readFileSync(file(SAVED_MODEL_FILES.network), 'utf8'));
  if (!parsed.ok) {
    throw new InsideError(
      'bad-input',
      `The network.json in "${folder}" is not a network Neurite can read: ${parsed.problems[0]?.message ?? 'it is broken'}.`,
    );
  }
  if (!existsSync(file(SAVED_MODEL_FILES.weights))) {
    throw new InsideError(
      'bad-input',
      `"${folder}" has no weights.bin, so the trained weights are missing. Train it again with --out.`,
    );
  }
  const weights = savedWeights(
    readFileSync(file(SAVED_MODEL_FILES.topology)),
    readFileSync(file(SAVED_MODEL_FILES.weights)),
    `"${folder}"`,
  );
  let training: ModelArgument['training'];
  if (existsSync(file(SAVED_MODEL_FILES.training))) {
    const result = savedRunSchema.safeParse(
      parseJson(
        readFileSync(file(SAVED_MODEL_FILES.training), 'utf8'),
        `the training.json in "${folder}"`,
      ),
    );
    if (!result.success) {
      throw new InsideError(
        'bad-input',
        `The training.json in "${folder}" is not one Neurite wrote (${result.error.issues[0]?.message ?? 'invalid'}). Train the model again with --out.`,
      );
    }
    training = result.data;
  }
  return {
    document: parsed.document,
    weights,
    ...(training ? { training } : {}),
    history: () => readHistory(folder),
    description: `the model saved in "${folder}"`,
  };
}

function readHistory(folder: string): readonly EpochRecord[] {
  const file = path.join(folder, HISTORY_FILE);
  if (!existsSync(file)) {
    throw new InsideError(
      'bad-input',
      `"${folder}" has no ${HISTORY_FILE}, the numbers of each epoch: it was saved by an older Neurite, or not by neurite train. Train it again with --out to draw its curves.`,
    );
  }
  const result = savedHistorySchema.safeParse(
    parseJson(readFileSync(file, 'utf8'), `the ${HISTORY_FILE} in "${folder}"`),
  );
  if (!result.success) {
    throw new InsideError(
      'bad-input',
      `The ${HISTORY_FILE} in "${folder}" is not one Neurite wrote (${result.error.issues[0]?.message ?? 'invalid'}). Train the model again with --out.`,
    );
  }
  return result.data.epochs;
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new InsideError('bad-input', `${what} is not valid JSON (${(error as Error).message}).`);
  }
}
