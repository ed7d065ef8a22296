import { describe, expect, it } from 'vitest';
import type { Project } from '../../../src/shared/api/records';
import type {
  ExamplesPage,
  Explanation,
  FeatureImportance,
  LatentSpace,
  LayerValues,
  PartConfusion,
  Prediction,
} from '../../../src/shared/inside/inside-schemas';
import type { TrainerEventOf } from '../../../src/shared/training/events';
import {
  apiServices,
  callService as call,
  trainedXorRun,
  waitForTrainingEvent,
} from '../../fixtures/api-service';

/**
 * Looking inside a past run through the API, as the app asks: main names the run, a kept
 * serving process of the trainer family opens its saved weights and answers.
 */

const open = apiServices();

const trainedXor = () => trainedXorRun(open());

describe('looking inside a run', () => {
  it('lists its examples with labels and answers, predicts, explains and shows a layer', async () => {
    const { service, runId } = await trainedXor();

    const page = await call<ExamplesPage>(service, 'runs.examples', { runId });
    expect(page).toMatchObject({ part: 'all', count: 4, inputShape: [2], classNames: ['0', '1'] });
    // XOR learnt: every row's answer is its label.
    expect(page.examples.map((e) => e.values)).toEqual([
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ]);
    expect(page.examples.map((e) => e.predicted)).toEqual(page.examples.map((e) => e.label));

    const drawn = await call<Prediction>(service, 'runs.predict', {
      runId,
      example: { values: [1, 0] },
    });
    expect(drawn.predicted).toBe(1);
    expect(drawn.output[0]).toBeCloseTo(page.examples[2]!.output[0]!, 6);

    const saliency = await call<Explanation>(service, 'runs.explain', {
      runId,
      example: { part: 'all', index: 1 },
      options: { method: 'saliency' },
    });
    expect(saliency).toMatchObject({ method: 'saliency', classIndex: 1, mapShape: [2] });

    const hidden = await call<LayerValues>(service, 'runs.layer', {
      runId,
      example: { part: 'all', index: 3 },
      nodeId: 'hidden',
    });
    expect(hidden.shape).toEqual([4]);
    // tanh units: every value in (−1, 1).
    expect(hidden.values.every((v) => Math.abs(v) < 1)).toBe(true);

    // The narrowest layer is the one-unit answer: each row's point is its value, on a line.
    const latent = await call<LatentSpace>(service, 'runs.latent', { runId });
    expect(latent).toMatchObject({ nodeId: 'prediction', method: 'values' });
    expect(latent.points.map((p) => p.x)).toEqual(
      page.examples.map((e) => expect.closeTo(e.output[0]!, 6)),
    );
    expect(latent.outliers).toBeUndefined();
  }, 90_000);

  it('says clearly what cannot be done, and keeps answering after it', async () => {
    const { service, runId } = await trainedXor();
    const gradcam = await service.handle('runs.explain', {
      runId,
      example: { part: 'all', index: 0 },
      options: { method: 'gradcam' },
    });
    expect(gradcam).toMatchObject({
      ok: false,
      error: {
        code: 'unsupported',
        message:
          'Grad-CAM weighs the feature maps of a convolution layer, and this network has none. Use saliency, SmoothGrad or Integrated Gradients instead.',
      },
    });
    const tooFew = await service.handle('runs.predict', { runId, example: { values: [1] } });
    expect(tooFew).toMatchObject({
      ok: false,
      error: {
        code: 'invalid-input',
        message:
          "The network's Input takes 2 values, but the input has 1. Give exactly 2, row by row.",
      },
    });
    const noRow = await service.handle('runs.predict', {
      runId,
      example: { part: 'all', index: 9 },
    });
    expect(noRow).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    const noLayer = await service.handle('runs.layer', {
      runId,
      example: { part: 'all', index: 0 },
      nodeId: 'nope',
    });
    expect(noLayer).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    // The same process still answers.
    const still = await call<Prediction>(service, 'runs.predict', {
      runId,
      example: { values: [0, 0] },
    });
    expect(still.predicted).toBe(0);
  }, 90_000);

  it('finds the mistakes of an Iris run: its confusion matrix is the one training reported', async () => {
    const { service, events } = open();
    const project = await call<Project>(service, 'projects.create', {
      name: 'Iris',
      template: 'softmax-regression',
    });
    const { runId } = await call<{ runId: string }>(service, 'training.start', {
      projectId: project.id,
      data: { source: 'builtin', name: 'iris' },
      config: {
        epochs: 8,
        batchSize: 16,
        validation: { kind: 'split', fraction: 0.2 },
        test: { kind: 'split', fraction: 0.3 },
        optimizer: { type: 'sgd', learningRate: 0.05 },
      },
      backend: 'auto',
    });
    await waitForTrainingEvent(events, 'finished');
    const finished = events
      .map((e) => (e.payload as { event?: { type: string } }).event)
      .find((e): e is TrainerEventOf<'finished'> => e?.type === 'finished')!;
    const reported = finished.test!.confusionMatrix!;

    const confusion = await call<PartConfusion>(service, 'runs.confusion', { runId, part: 'test' });
    // Going through a whole part is reported as it goes; here the last report: all 45 done.
    expect(events.filter((e) => e.name === 'runs.progress').at(-1)?.payload).toEqual({
      runId,
      done: 45,
      total: 45,
    });
    // Nothing is being worked on now, so there is nothing to stop.
    expect(await call(service, 'runs.stop', { runId })).toEqual({ stopped: false });
    expect(confusion.labels).toEqual(reported.labels);
    expect(confusion.counts).toEqual(reported.counts);
    expect(confusion.count).toBe(45);
    expect(confusion.accuracy).toBeCloseTo(finished.test!.metrics.accuracy!, 6);
    const wrong = 45 - reported.counts.reduce((sum, row, k) => sum + row[k]!, 0);
    // Eight epochs of plain SGD leave some flowers wrong, so there is something to find.
    expect(wrong).toBeGreaterThan(0);

    const mistakes = await call<ExamplesPage>(service, 'runs.examples', {
      runId,
      part: 'test',
      select: 'mistakes',
      limit: 100,
    });
    expect(mistakes.count).toBe(wrong);
    expect(mistakes.examples.every((e) => e.label !== e.predicted)).toBe(true);
    // Each listed example is the test example of that place.
    const whole = await call<ExamplesPage>(service, 'runs.examples', {
      runId,
      part: 'test',
      limit: 100,
    });
    for (const e of mistakes.examples) expect(whole.examples[e.index]).toEqual(e);

    const [label, predicted] = [mistakes.examples[0]!.label!, mistakes.examples[0]!.predicted!];
    const cell = await call<ExamplesPage>(service, 'runs.examples', {
      runId,
      part: 'test',
      cell: { label, predicted },
      limit: 100,
    });
    expect(cell.count).toBe(reported.counts[label]![predicted]);
    expect(cell.cell).toEqual({ label, predicted });
    expect(cell.examples.every((e) => e.label === label && e.predicted === predicted)).toBe(true);

    const unsure = await call<ExamplesPage>(service, 'runs.examples', {
      runId,
      part: 'test',
      select: 'least-confident',
      limit: 100,
    });
    expect(unsure.count).toBe(45);
    const confidence = unsure.examples.map((e) => Math.max(...e.output));
    expect(confidence).toEqual([...confidence].sort((a, b) => a - b));
    expect(new Set(unsure.examples.map((e) => e.index)).size).toBe(45);

    // Which measurement matters: each feature's |saliency| averaged over the test flowers,
    // the same as averaging the maps of each flower asked one by one.
    const importance = await call<FeatureImportance>(service, 'runs.importance', {
      runId,
      part: 'test',
    });
    expect(importance.examples).toBe(45);
    const maps = await Promise.all(
      Array.from({ length: 45 }, (_, index) =>
        call<Explanation>(service, 'runs.explain', {
          runId,
          example: { part: 'test', index },
          options: { method: 'saliency' },
        }),
      ),
    );
    const expected = [0, 1, 2, 3].map(
      (k) => maps.reduce((sum, m) => sum + Math.abs(m.map[k]!), 0) / 45,
    );
    expect(importance.ranking.map((r) => r.feature).sort()).toEqual([
      'petal length (cm)',
      'petal width (cm)',
      'sepal length (cm)',
      'sepal width (cm)',
    ]);
    for (const entry of importance.ranking) {
      expect(entry.meanAbsolute).toBeCloseTo(expected[entry.index]!, 6);
    }
    const order = importance.ranking.map((r) => r.meanAbsolute);
    expect(order).toEqual([...order].sort((a, b) => b - a));
  }, 90_000);

  it('lists no examples for a cell of the confusion matrix that the network never fills', async () => {
    const { service, runId } = await trainedXor();
    // XOR is learnt: no 1 is taken for a 0.
    const empty = await call<ExamplesPage>(service, 'runs.examples', {
      runId,
      cell: { label: 1, predicted: 0 },
    });
    expect(empty).toMatchObject({ count: 0, examples: [] });
  }, 90_000);
});
