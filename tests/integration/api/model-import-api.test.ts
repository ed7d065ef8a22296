import path from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createApiService } from '../../../src/main/services/api-service';
import type { Project, Run } from '../../../src/shared/api/records';
import type { GraphDocument } from '../../../src/shared/graph/document';
import type { LayerWeights, Prediction } from '../../../src/shared/inside/inside-schemas';
import {
  apiServices,
  callService as call,
  refusalOf,
  trainedXorRun,
  waitForTrainingEvent,
} from '../../fixtures/api-service';
import { runNeurite } from '../../fixtures/cli';
import { readFolderWeights, weightValues } from '../../fixtures/saved-weights';
import { tempFolder } from '../data/temp-folder';
import { xorTrainingStart } from '../../fixtures/xor-settings';

/**
 * The app's import of a trained model: the zip of a run's TF.js export becomes a new project
 * with the same network, its weights kept in the project (through a restart), every run
 * starting from them; frozen layers come out of training unchanged.
 */

const open = apiServices();

async function exportedXor() {
  const opened = open();
  const { service, runId } = await trainedXorRun(opened, 'XOR to import');
  const zip = await call<{ fileName: string; base64: string }>(service, 'runs.exportModel', {
    runId,
    format: 'tfjs',
  });
  const trained = (await call<Project>(service, 'projects.list', {})) as unknown as {
    id: string;
  }[];
  const original = await call<Project>(service, 'projects.open', { projectId: trained[0]!.id });
  const trainedWeights = weightValues(readFolderWeights(path.join(opened.dataDir, 'runs', runId)));
  return { ...opened, zip, original, trainedWeights, runId };
}

describe('importing a trained TensorFlow.js model', () => {
  it('makes a project of the same network that keeps the weights and trains from them', async () => {
    const { service, events, dataDir, zip, original, trainedWeights } = await exportedXor();

    const project = await call<Project>(service, 'projects.importModel', { files: [zip] });
    expect(project.name).toBe('XOR to import');
    expect(project.startingWeights).toMatchObject({ source: 'XOR-to-import-tensorflowjs.zip' });
    const graph = project.graph as GraphDocument;
    expect(graph.nodes).toEqual((original.graph as GraphDocument).nodes);
    expect(graph.edges).toEqual((original.graph as GraphDocument).edges);

    // The student freezes the hidden layer and trains again.
    const hidden = graph.nodes.find((n) => n.kind === 'Dense' && n.params['units'] === 4)!;
    const frozen = {
      ...graph,
      nodes: graph.nodes.map((n) => (n.id === hidden.id ? { ...n, trainable: false } : n)),
    };
    await call(service, 'graph.save', { projectId: project.id, graph: frozen });
    events.length = 0;
    const { runId } = await call<{ runId: string }>(service, 'training.start', {
      ...xorTrainingStart(project.id, 20),
      config: {
        ...xorTrainingStart(project.id, 20).config,
        optimizer: { type: 'sgd', learningRate: 0.5 },
      },
    });
    await waitForTrainingEvent(events, 'finished');
    const run = await call<Run>(service, 'runs.get', { runId });
    expect(run.final?.type === 'finished' && run.final.notes).toContain(
      'Training starts from the weights this project was imported with, in every layer (Dense "Hidden layer" and Dense "Prediction").',
    );
    // Trained from where the model was: the first epoch already gets XOR right.
    expect(run.epochs[0]!.metrics['accuracy']).toBe(1);
    const after = weightValues(readFolderWeights(path.join(dataDir, 'runs', runId)));
    expect(after.get(`${hidden.id}/kernel`)).toEqual(trainedWeights.get(`${hidden.id}/kernel`));
    expect(after.get(`${hidden.id}/bias`)).toEqual(trainedWeights.get(`${hidden.id}/bias`));
    expect(after.get('prediction/kernel')).not.toEqual(trainedWeights.get('prediction/kernel'));

    // What the run started from is what it shows as "before" training.
    const weights = await call<LayerWeights>(service, 'runs.weights', { runId });
    const kernel = weights.layers
      .find((l) => l.nodeId === hidden.id)!
      .tensors.find((t) => t.name === 'kernel')!;
    expect(kernel.before).toEqual(kernel.after);
  }, 120_000);

  it('gives its project file the imported weights, which neurite predict answers with before any training', async () => {
    const { service, zip, runId } = await exportedXor();
    const project = await call<Project>(service, 'projects.importModel', { files: [zip] });
    const file = await call<{ fileName: string; base64: string }>(service, 'projectFiles.export', {
      projectId: project.id,
    });
    // Version 2: a Neurite that reads only version 1 refuses it, instead of dropping the weights.
    const archive = unzipSync(Buffer.from(file.base64, 'base64'));
    expect(JSON.parse(Buffer.from(archive['project.json']!).toString('utf8'))).toMatchObject({
      version: 2,
    });
    const temp = tempFolder('imported-project-file');
    try {
      const projectFile = temp.write(file.fileName, Buffer.from(file.base64, 'base64'));
      const run = await runNeurite('predict', projectFile, '--input=0,1', '--json');
      expect(run.code, run.stderr).toBe(0);
      const answer = JSON.parse(run.stdout) as { model: string; outputs: number[][] };
      expect(answer.model).toBe(
        'XOR to import, with the weights it was imported with (not trained in Neurite yet)',
      );
      const trained = await call<Prediction>(service, 'runs.predict', {
        runId,
        example: { values: [0, 1] },
      });
      expect(answer.outputs[0]![0]).toBeCloseTo(trained.output[0]!, 6);
    } finally {
      temp.remove();
    }
  }, 120_000);

  it('keeps the starting weights through a restart, and in a duplicate', async () => {
    const { service, dataDir, zip } = await exportedXor();
    const project = await call<Project>(service, 'projects.importModel', { files: [zip] });
    await service.close();
    const reopened = createApiService({ dataDir, transport: 'websocket' });
    try {
      const again = await call<Project>(reopened, 'projects.open', { projectId: project.id });
      expect(again.startingWeights).toEqual(project.startingWeights);
      const copy = await call<{ id: string }>(reopened, 'projects.duplicate', {
        projectId: project.id,
      });
      const duplicate = await call<Project>(reopened, 'projects.open', { projectId: copy.id });
      expect(duplicate.startingWeights).toEqual(project.startingWeights);
    } finally {
      await reopened.close();
    }
  }, 120_000);

  it('takes model.json and weights.bin picked together', async () => {
    const { service, zip } = await exportedXor();
    const files = unzipSync(Buffer.from(zip.base64, 'base64'));
    const project = await call<Project>(service, 'projects.importModel', {
      files: Object.entries(files).map(([fileName, bytes]) => ({
        fileName,
        base64: Buffer.from(bytes).toString('base64'),
      })),
    });
    expect(project.startingWeights?.source).toBe('model.json, weights.bin');
  }, 120_000);

  it('refuses what it cannot import with a sentence, and makes no project', async () => {
    const { service } = open();
    const notAModel = await refusalOf(service, 'projects.importModel', {
      files: [{ fileName: 'notes.txt', base64: Buffer.from('hello').toString('base64') }],
    });
    expect(notAModel).toEqual({
      code: 'invalid-input',
      message:
        'There is no model.json among these files. Pick the model.json together with its weights file(s) (weights.bin, or group1-shard…bin), or the zip that Neurite’s TensorFlow.js export gives.',
    });
    expect(await call<unknown[]>(service, 'projects.list', {})).toEqual([]);
  });
});
