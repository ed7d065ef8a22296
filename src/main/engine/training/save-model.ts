import { rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { makeFolder } from '../../data/output-folder';
import { tf } from '../tf';

/**
 * Saves a model in the TF.js layers format (model.json + weights.bin) into a folder.
 * Files are written under temporary names and renamed, so a crash never leaves a
 * half-written model where a good one was.
 */
export async function saveModel(model: tf.LayersModel, folder: string): Promise<void> {
  await makeFolder(folder);
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      const weights = artifacts.weightData
        ? Buffer.from(tf.io.CompositeArrayBuffer.join(artifacts.weightData))
        : Buffer.alloc(0);
      const modelJson = {
        format: 'layers-model',
        generatedBy: `TensorFlow.js tfjs-layers v${tf.version_layers}`,
        convertedBy: null,
        modelTopology: artifacts.modelTopology,
        weightsManifest: [{ paths: ['weights.bin'], weights: artifacts.weightSpecs ?? [] }],
      };
      await writeAtomically(path.join(folder, 'weights.bin'), weights);
      await writeAtomically(path.join(folder, 'model.json'), JSON.stringify(modelJson));
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
}

export async function writeAtomically(file: string, content: string | Buffer): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, content);
  await rename(temporary, file);
}
