import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decisionBoundary } from '../../../src/main/engine/inside/boundary';
import { explainExample } from '../../../src/main/engine/inside/explain';
import { openInsideModel, savedWeights } from '../../../src/main/engine/inside/inside-model';
import { loadRunData, partOf } from '../../../src/main/engine/inside/run-data';
import { gatherFeatures } from '../../../src/main/engine/training/batches';
import { startTrainer } from '../../../src/main/services/workers/trainer-host';
import { defaultWorkerEntry } from '../../../src/main/services/workers/worker-entry';
import { parseGraphDocumentOrThrow } from '../../../src/shared/graph/parse';
import { trainingJobSchema } from '../../../src/shared/training/commands';
import type { TrainerEvent, TrainerEventOf } from '../../../src/shared/training/events';
import { trainerEventSchema } from '../../../src/shared/training/events';
import { template, trainInProcess } from '../../fixtures/training';

/**
 * Looking inside while training: a real run sends, after epochs, the saliency maps of a few
 * fixed examples and (two input features) the decision boundary, computed with the engine's
 * own explain and boundary functions on the weights being trained.
 */

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

type Inside = TrainerEventOf<'inside'>;
const insideEvents = (events: readonly TrainerEvent[]): Inside[] =>
  events.filter((e): e is Inside => e.type === 'inside');

/** Trains in a real trainer process and resolves with every event it sent. */
function trainInTrainer(job: ReturnType<typeof trainingJobSchema.parse>): Promise<TrainerEvent[]> {
  const events: TrainerEvent[] = [];
  const entry = defaultWorkerEntry();
  const trainer = startTrainer(job, {
    entry: entry.entry,
    execArgv: entry.execArgv,
    onEvent: (event) => events.push(event),
  });
  return trainer.done.then(() => events);
}

function relativeError(a: readonly number[], b: readonly number[]): number {
  return Math.hypot(...a.map((value, i) => value - b[i]!)) / Math.hypot(...b);
}

describe('live saliency and decision boundary', () => {
  it('come after epochs of a real XOR run, equal the engine’s for the same weights, and the boundary moves', async () => {
    const outDir = mkdtempSync(path.join(tmpdir(), 'neurite-live-'));
    folders.push(outDir);
    const graph = template('xor-mlp');
    const config = {
      epochs: 300,
      batchSize: 4,
      validation: { kind: 'none' },
      optimizer: { type: 'adam', learningRate: 0.05 },
    };
    const job = trainingJobSchema.parse({
      graph,
      data: { source: 'builtin', name: 'xor' },
      backend: 'cpu',
      config,
      outDir,
    });
    const events = await trainInTrainer(job);
    expect(events.at(-1)?.type, JSON.stringify(events.at(-1))).toBe('finished');
    for (const event of events) expect(trainerEventSchema.safeParse(event).success).toBe(true);

    const looks = insideEvents(events);
    // The first and the last epoch always; the others as the time budget allows.
    expect(looks[0]!.epoch).toBe(1);
    expect(looks.at(-1)!.epoch).toBe(300);
    expect(looks.map((l) => l.epoch)).toEqual(
      [...new Set(looks.map((l) => l.epoch))].sort((a, b) => a - b),
    );
    // Each look follows its epoch's event.
    for (const look of looks) {
      const at = events.indexOf(look);
      const before = events.slice(0, at).findLast((e) => e.type === 'epoch');
      expect(before).toMatchObject({ type: 'epoch', epoch: look.epoch });
    }

    for (const look of looks) {
      const { saliency, boundary } = look;
      // No validation split: the training examples, all four of XOR.
      expect(saliency).toMatchObject({ part: 'train', inputShape: [2], mapShape: [2] });
      expect(saliency!.examples.map((e) => e.index)).toEqual([0, 1, 2, 3]);
      for (const example of saliency!.examples) {
        expect(example.values).toHaveLength(2);
        expect(example.map).toHaveLength(2);
        expect(example.map.some((v) => v !== 0)).toBe(true);
        expect(example.output).toHaveLength(1);
      }
      expect(boundary).toMatchObject({ size: 40, shows: 'second-class-probability' });
      expect(boundary!.values).toHaveLength(40 * 40);
      expect(boundary!.points).toHaveLength(4);
      expect(boundary).not.toHaveProperty('units');
      expect(JSON.stringify(look).length).toBeLessThan(40_000);
    }
    // Trained: every example right at the end.
    for (const example of looks.at(-1)!.saliency!.examples) {
      expect(example.predicted).toBe(example.label);
    }

    // The boundary moved: the network's answer changed over the plane.
    const first = looks[0]!.boundary!.values;
    const last = looks.at(-1)!.boundary!.values;
    expect(Math.max(...first.map((v, i) => Math.abs(v - last[i]!)))).toBeGreaterThan(0.3);

    // The last look is what the engine computes from the saved (final) weights.
    const document = parseGraphDocumentOrThrow(graph);
    const model = openInsideModel(
      document,
      savedWeights(
        readFileSync(path.join(outDir, 'model.json')),
        readFileSync(path.join(outDir, 'weights.bin')),
        'the run',
      ),
    );
    try {
      const data = await loadRunData(model, job.data, { data: job.data, config: job.config });
      const { source, rows } = partOf(data, 'train');
      for (const example of looks.at(-1)!.saliency!.examples) {
        const values = gatherFeatures(source, [rows[example.index]!]);
        expect(Array.from(values)).toEqual(example.values);
        const explained = explainExample(model, values, { method: 'saliency' });
        expect(relativeError(example.map, explained.map)).toBeLessThan(1e-3);
        expect(example.predicted).toBe(explained.classIndex);
      }
      const engine = decisionBoundary(model, data, 40);
      expect(relativeError(last, engine.values)).toBeLessThan(1e-3);
      expect(looks.at(-1)!.boundary!.x).toEqual(engine.x);
    } finally {
      model.dispose();
    }
  });

  it('explain validation examples of different classes, per measurement, with no boundary beyond two inputs', async () => {
    const run = await trainInProcess(
      template('softmax-regression'),
      { source: 'builtin', name: 'iris' },
      { epochs: 3, batchSize: 16, validation: { kind: 'split', fraction: 0.2 } },
    );
    const looks = insideEvents(run.events);
    expect(looks.map((l) => l.epoch)).toContain(3);
    const { saliency, boundary, classNames } = looks.at(-1)!;
    expect(boundary).toBeUndefined();
    expect(classNames).toEqual(['setosa', 'versicolor', 'virginica']);
    expect(saliency).toMatchObject({ part: 'validation', inputShape: [4], mapShape: [4] });
    expect(saliency!.featureNames).toHaveLength(4);
    expect(saliency!.examples).toHaveLength(4);
    expect(new Set(saliency!.examples.map((e) => e.label))).toEqual(new Set([0, 1, 2]));
  });

  it('lay a 28 × 28 map over each watched digit of a convolutional network', async () => {
    const run = await trainInProcess(
      template('lenet-5'),
      { source: 'builtin', name: 'mnist', limit: 200 },
      { epochs: 1, batchSize: 32, validation: { kind: 'split', fraction: 0.2 } },
    );
    const [look] = insideEvents(run.events);
    expect(look?.saliency).toMatchObject({ inputShape: [28, 28, 1], mapShape: [28, 28, 1] });
    for (const example of look!.saliency!.examples) {
      expect(example.values).toHaveLength(784);
      expect(example.map).toHaveLength(784);
      expect(example.map.some((v) => v !== 0)).toBe(true);
      expect(example.output).toHaveLength(10);
    }
    expect(new Set(look!.saliency!.examples.map((e) => e.label)).size).toBe(4);
  });

  it('explain each step of a recurrent network’s sequence, which predicts a number', async () => {
    const run = await trainInProcess(
      template('simple-rnn-sequence'),
      { source: 'builtin', name: 'sine' },
      { epochs: 1, batchSize: 32, validation: { kind: 'split', fraction: 0.2 } },
    );
    const [look] = insideEvents(run.events);
    expect(look?.saliency).toMatchObject({
      inputShape: [20, 1],
      mapShape: [20, 1],
      explained: 'value',
    });
    for (const example of look!.saliency!.examples) {
      expect(example.map).toHaveLength(20);
      expect(example.predicted).toBeUndefined();
      expect(example.output).toHaveLength(1);
    }
    expect(look?.boundary).toBeUndefined();
  });

  it('are not computed for an autoencoder, which has no answer to explain', async () => {
    const run = await trainInProcess(
      template('deep-autoencoder'),
      { source: 'builtin', name: 'mnist', limit: 100 },
      { epochs: 1, batchSize: 32 },
    );
    expect(run.final.type).toBe('finished');
    expect(insideEvents(run.events)).toEqual([]);
    expect(run.events.filter((e) => e.type === 'log')).toEqual([]);
  });

  it('are not computed when the settings turn them off', async () => {
    const run = await trainInProcess(
      template('xor-mlp'),
      { source: 'builtin', name: 'xor' },
      { epochs: 3, batchSize: 4, validation: { kind: 'none' }, liveInside: false },
    );
    expect(run.final.type).toBe('finished');
    expect(insideEvents(run.events)).toEqual([]);
  });
});
