import path from 'node:path';
import type { GraphDocument } from '../../../shared/graph/document';
import type { TrainingJob } from '../../../shared/training/commands';
import type { SavedRunInput } from '../../../shared/training/saved-run';
import {
  SAVED_MODEL_FILES,
  SAVED_RUN_FORMAT,
  SAVED_RUN_VERSION,
} from '../../../shared/training/saved-run';
import { rescueFolder } from '../../data/output-folder';
import type { LoadedDataset } from '../../data/types';
import { writeProblemInWords } from '../../data/write-problem';
import type { tf } from '../tf';
import { saveModel, writeAtomically } from './save-model';

/** What a saved model needs beside its weights to be looked into later. */
export interface TrainedOn {
  readonly job: TrainingJob;
  /** The network as the trainer read it (parsed, defaults filled in). */
  readonly document: GraphDocument;
  readonly dataset: LoadedDataset;
}

/**
 * Writes model.json + weights.bin (TF.js layers format), metrics.json, the network it was
 * trained on (network.json) and how (training.json: data, settings, class names, the text
 * vocabulary), so `neurite predict`, `evaluate` and `explain` can read the data as training
 * did. Returns the folder.
 */
export async function saveOutputs(
  outDir: string,
  model: tf.LayersModel,
  metrics: unknown,
  trainedOn: TrainedOn,
): Promise<string> {
  const folder = path.resolve(outDir);
  await saveModel(model, folder);
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  const { job, dataset } = trainedOn;
  const vocabulary = dataset.vocabulary?.();
  const training: SavedRunInput = {
    format: SAVED_RUN_FORMAT,
    version: SAVED_RUN_VERSION,
    data: job.data,
    config: job.config,
    dataset: {
      title: dataset.info.title,
      ...(dataset.info.classNames ? { classNames: dataset.info.classNames } : {}),
      ...(vocabulary ? { vocabulary: [...vocabulary] } : {}),
    },
  };
  await writeAtomically(path.join(folder, SAVED_MODEL_FILES.network), json(trainedOn.document));
  await writeAtomically(path.join(folder, SAVED_MODEL_FILES.training), json(training));
  await writeAtomically(path.join(folder, SAVED_MODEL_FILES.metrics), json(metrics));
  return folder;
}

/**
 * saveOutputs, and when the folder asked for fails at the end (a disk that filled during
 * training, a drive pulled out), the same files in a folder of the system's temporary folder:
 * the training is never lost. `note` then says where they went and why.
 */
export async function saveOutputsOrRescue(
  outDir: string,
  model: tf.LayersModel,
  metrics: unknown,
  trainedOn: TrainedOn,
): Promise<{ folder: string; note?: string }> {
  try {
    return { folder: await saveOutputs(outDir, model, metrics, trainedOn) };
  } catch (error) {
    const reason =
      error instanceof Error && error.name === 'OutputFolderError'
        ? error.message
        : `Cannot save in "${path.resolve(outDir)}": ${writeProblemInWords(error)}.`;
    const folder = await saveOutputs(await rescueFolder('model'), model, metrics, trainedOn);
    return {
      folder,
      note: `${reason.replace(/ Choose (another|a) folder.*$/, '')} The trained model was saved in "${folder}" instead: copy it from there.`,
    };
  }
}
