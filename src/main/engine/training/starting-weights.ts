import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { GraphDocument } from '../../../shared/graph/document';
import { isTrainable, nodeDisplayName } from '../../../shared/graph/document';
import { SAVED_MODEL_FILES } from '../../../shared/training/saved-run';
import type { CompiledGraph } from '../compiler/compile-graph';
import type { SavedWeights } from '../inside/inside-model';
import { savedWeights } from '../inside/inside-model';
import { tf } from '../tf';
import { TrainingFailure } from './failure';

/**
 * The weights a run starts from instead of its initializers: those a project was imported
 * with. Read from a folder holding model.json (its weights manifest) and weights.bin.
 */
export async function readStartingWeights(folder: string): Promise<SavedWeights> {
  try {
    const [manifest, bytes] = await Promise.all([
      readFile(path.join(folder, SAVED_MODEL_FILES.topology)),
      readFile(path.join(folder, SAVED_MODEL_FILES.weights)),
    ]);
    return savedWeights(manifest, bytes, 'the imported model');
  } catch (error) {
    // A file system error's own message names the run's folder inside Neurite's data; the
    // student only needs to know the files are not there or not readable.
    const why =
      (error as NodeJS.ErrnoException).code === undefined
        ? (error as Error).message
        : 'their files are missing or cannot be read';
    throw new TrainingFailure(
      'start.unreadable',
      `The weights this project was imported with could not be read (${why}), so training did not start. Import the model again as a new project.`,
    );
  }
}

/** Which nodes got their starting weights, and which start from their initializers. */
export interface StartingWeightsUse {
  /** Nodes whose every weight was in the starting weights, with the same shape. */
  readonly loaded: readonly string[];
  /** Nodes with weights the starting weights do not have (added or changed since the import). */
  readonly fresh: readonly string[];
}

/**
 * Writes each node's starting weights into the compiled network, a node at a time: a node
 * whose weights are all there, named and shaped as it needs them, takes them; any other keeps
 * the weights its initializers gave. So a student may replace or resize layers of an imported
 * network (the last one, for a new task) and the rest still starts from what it had learnt.
 */
export function loadStartingWeights(
  compiled: CompiledGraph,
  weights: SavedWeights,
): StartingWeightsUse {
  const saved = tf.io.decodeWeights(weights.data, [...weights.specs]);
  const loaded: string[] = [];
  const fresh: string[] = [];
  try {
    for (const [nodeId, layerNames] of compiled.layersByNode) {
      const variables = layerNames.flatMap((name) => compiled.model.getLayer(name).weights);
      if (variables.length === 0) continue;
      const fits = variables.every((variable) => {
        const tensor = saved[variable.originalName];
        return tensor !== undefined && tensor.shape.join(',') === variable.shape.join(',');
      });
      if (!fits) {
        fresh.push(nodeId);
        continue;
      }
      for (const variable of variables) variable.write(saved[variable.originalName]!);
      loaded.push(nodeId);
    }
  } finally {
    Object.values(saved).forEach((tensor) => tensor.dispose());
  }
  return { loaded, fresh };
}

/** What the run's notes say about where its weights started, naming the layers. */
export function startingWeightsNotes(
  document: GraphDocument,
  use: StartingWeightsUse,
): readonly string[] {
  const byId = new Map(document.nodes.map((node) => [node.id, node]));
  const names = (ids: readonly string[]) => listed(ids.map((id) => nodeDisplayName(byId.get(id)!)));
  if (use.loaded.length === 0) {
    return [
      'None of the weights this project was imported with fit the network any more (every layer with weights was added or changed since), so training starts from fresh weights.',
    ];
  }
  const notes = [
    use.fresh.length === 0
      ? `Training starts from the weights this project was imported with, in every layer (${names(use.loaded)}).`
      : `Training starts from the weights this project was imported with in ${names(use.loaded)}; ${names(use.fresh)} ${use.fresh.length === 1 ? 'starts' : 'start'} from fresh weights, since ${use.fresh.length === 1 ? 'it was' : 'they were'} added or changed after the import.`,
  ];
  const frozenFresh = use.fresh.filter((id) => !isTrainable(byId.get(id)!));
  if (frozenFresh.length > 0) {
    notes.push(
      `${names(frozenFresh)} ${frozenFresh.length === 1 ? 'is' : 'are'} frozen but ${frozenFresh.length === 1 ? 'has' : 'have'} no imported weights, so ${frozenFresh.length === 1 ? 'it keeps its' : 'they keep their'} random starting weights. Unfreeze ${frozenFresh.length === 1 ? 'it' : 'them'} to let ${frozenFresh.length === 1 ? 'it' : 'them'} learn.`,
    );
  }
  return notes;
}

/** "a", "a and b", "a, b and c". */
function listed(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`;
}
