import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { CPU_PACKAGE } from '../../../src/main/engine/backends/explain-load-error';
import { loadNativePackage } from '../../../src/main/engine/backends/load-native';
import { TrainerControls } from '../../../src/main/engine/training/controls';
import { estimateTrainingBytes } from '../../../src/main/engine/training/memory-estimate';
import { runTraining } from '../../../src/main/engine/training/run-training';
import { parseGraphDocumentOrThrow } from '../../../src/shared/graph/parse';
import { analyzeGraph } from '../../../src/shared/inference/analyze';
import { formatBytes } from '../../../src/shared/inference/memory';
import type { TrainingJobInput } from '../../../src/shared/training/commands';
import { trainingJobSchema } from '../../../src/shared/training/commands';
import { trainingConfigSchema } from '../../../src/shared/training/config';
import type { TrainerEvent, TrainerEventOf } from '../../../src/shared/training/events';
import { trainerEventSchema } from '../../../src/shared/training/events';
import { chain, rawDocument } from '../../fixtures/build-graph';
import { fixture, tempFolder } from '../data/temp-folder';
import { template, trainInProcess } from '../../fixtures/training';

/**
 * What a student sees when the data, the network or the computer does not allow a run: a
 * `failed` event whose message says what is wrong and what to change, never an exception.
 * The run is the same code the trainer process runs, called in-process here.
 */

const temp = tempFolder('bad-input');
afterAll(() => temp.remove());

const XOR_MLP = template('xor-mlp');

interface Run {
  readonly final: TrainerEventOf<'finished'> | TrainerEventOf<'stopped'> | TrainerEventOf<'failed'>;
  readonly events: readonly TrainerEvent[];
}

async function train(
  job: Omit<TrainingJobInput, 'backend'>,
  freeMemory?: () => number,
): Promise<Run> {
  const events: TrainerEvent[] = [];
  const final = await runTraining(trainingJobSchema.parse({ backend: 'cpu', ...job }), {
    // Every event must also pass the schema the host checks them with.
    emit: (event) => events.push(trainerEventSchema.parse(event)),
    controls: new TrainerControls(),
    ...(freeMemory ? { freeMemory } : {}),
  });
  expect(events.at(-1)).toEqual(final);
  return { final, events };
}

/** Runs a job that must fail; returns its failed event. */
async function failure(
  job: Omit<TrainingJobInput, 'backend'>,
  freeMemory?: () => number,
): Promise<TrainerEventOf<'failed'>> {
  const { final, events } = await train(job, freeMemory);
  expect(final.type).toBe('failed');
  expect(events.filter((e) => e.type === 'failed')).toHaveLength(1);
  return final as TrainerEventOf<'failed'>;
}

const csv = (path: string) => ({ source: 'csv' as const, path });

describe('bad data files', () => {
  it('a ragged CSV names the line with the wrong number of values', async () => {
    const failed = await failure({ graph: XOR_MLP, data: csv(fixture('ragged.csv')) });
    expect(failed.code).toBe('ragged-row');
    expect(failed.message).toContain('ragged.csv: line 7 has 3 values but the header has 5');
  });

  it('a word in a number column names the line, the column and the cell', async () => {
    const failed = await failure({ graph: XOR_MLP, data: csv(fixture('typo.csv')) });
    expect(failed.code).toBe('not-a-number');
    expect(failed.message).toContain('typo.csv: line 4, column "height" holds "1o5"');
  });

  it('a number too large for 32-bit training names its cell, rather than a NaN loss later', async () => {
    const rows = ['x,y', ...Array.from({ length: 10 }, (_, i) => `${i},${2 * i}`), '1e39,5'];
    const failed = await failure({
      graph: template('linear-regression'),
      data: csv(temp.write('huge.csv', rows.join('\n'))),
    });
    expect(failed.code).toBe('not-a-number');
    expect(failed.message).toContain(
      'huge.csv: line 12, column "x" holds 1e39, which is too large',
    );
  });

  it('an empty CSV, or one with only a header, says there are no rows', async () => {
    const empty = await failure({ graph: XOR_MLP, data: csv(temp.write('empty.csv', '')) });
    expect(empty.code).toBe('empty-file');
    expect(empty.message).toContain('empty.csv is empty');
    const header = await failure({
      graph: XOR_MLP,
      data: csv(temp.write('header.csv', 'a,b,label\n')),
    });
    expect(header.code).toBe('empty-file');
    expect(header.message).toContain('no data rows');
  });

  it('IDX labels outside the declared classes name the first one and the fix', async () => {
    // 12 images of 4 × 4 with labels 0…3, but only two class names.
    const count = 12;
    const images = idx([count, 4, 4], (i) => (i * 7) % 256);
    const labels = idx([count], (i) => i % 4);
    const failed = await failure({
      graph: chain({ form: 'image', shape: [4, 4, 1] }, [['Flatten'], ['Dense', { units: 2 }]], {
        task: 'classification',
        loss: 'sparseCategoricalCrossentropy',
      }),
      data: {
        source: 'idx',
        images: temp.write('idx/images-idx3-ubyte', images),
        labels: temp.write('idx/labels-idx1-ubyte', labels),
        classNames: ['zero', 'one'],
      },
    });
    expect(failed.code).toBe('label-out-of-range');
    expect(failed.message).toContain(
      'labels-idx1-ubyte: image 3 has label 2, but only 2 class names were given',
    );
    expect(failed.message).toContain('Give one class name per label value');
  });

  it('unreadable images are skipped, listed in the notes, and training goes on', async () => {
    for (let i = 0; i < 3; i += 1) {
      temp.write(`shapes/light/${i}.png`, png(8, 8, 220 + i * 10));
      temp.write(`shapes/dark/${i}.png`, png(8, 8, 10 + i * 10));
    }
    // A PNG signature with nothing after it, and a text file among the images.
    temp.write(
      'shapes/light/broken.png',
      Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10]),
    );
    temp.write('shapes/dark/notes.txt', 'not an image');
    const { final, events } = await train({
      graph: chain({ form: 'image', shape: [8, 8, 1] }, [['Flatten'], ['Dense', { units: 2 }]], {
        task: 'classification',
        loss: 'sparseCategoricalCrossentropy',
      }),
      data: { source: 'images', path: temp.path('shapes'), size: [8, 8] },
      config: { epochs: 2, batchSize: 3, validation: { kind: 'none' } },
    });
    expect(final.type).toBe('finished');
    const started = events.find((e) => e.type === 'started')!;
    expect(started.samples.train).toBe(6);
    const skipped = started.dataset.notes.find((n) => n.includes('skipped'));
    expect(skipped).toMatch(/^2 files were skipped: /);
    expect(skipped).toContain(`${join('dark', 'notes.txt')} (not a PNG or JPEG image)`);
    expect(skipped).toContain(`${join('light', 'broken.png')} (a damaged PNG file`);
  });
});

describe('data that does not fit the network', () => {
  it("Iris on the XOR network: change the Input's shape to [4]", async () => {
    const failed = await failure({ graph: XOR_MLP, data: { source: 'builtin', name: 'iris' } });
    expect(failed.code).toBe('data.mismatch');
    expect(failed.message).toContain('gives examples of shape 4');
    expect(failed.message).toContain('expects 2');
    expect(failed.message).toContain("Change the Input's shape to [4]");
  });

  const mnist = { source: 'builtin' as const, name: 'mnist' as const, limit: 10 };

  it('MNIST into one sigmoid unit with binary cross-entropy: give the last Dense 10 units', async () => {
    const failed = await failure({
      graph: chain(
        { form: 'vector', shape: [784] },
        [
          ['Dense', { units: 16, activation: 'relu' }],
          ['Dense', { units: 1, activation: 'sigmoid' }],
        ],
        { task: 'classification', loss: 'binaryCrossentropy' },
      ),
      data: mnist,
    });
    expect(failed.code).toBe('data.mismatch');
    expect(failed.message).toContain('has 10 classes and the network ends with 1 value');
    expect(failed.message).toContain('Give the last Dense 10 units.');
  });

  it('MNIST with a regression Output: set its task to classification', async () => {
    const failed = await failure({
      graph: chain({ form: 'image', shape: [28, 28, 1] }, [['Flatten'], ['Dense', { units: 10 }]], {
        task: 'regression',
        loss: 'meanSquaredError',
      }),
      data: mnist,
    });
    expect(failed.code).toBe('data.mismatch');
    expect(failed.message).toContain('Set its task to classification');
  });

  it('MNIST into a 28 × 28 Input: change its shape to [28, 28, 1]', async () => {
    const failed = await failure({
      graph: chain(
        { form: 'sequence', shape: [28, 28] },
        [['Flatten'], ['Dense', { units: 10, activation: 'softmax' }]],
        { task: 'classification', loss: 'categoricalCrossentropy' },
      ),
      data: mnist,
    });
    expect(failed.code).toBe('data.mismatch');
    expect(failed.message).toContain("Change the Input's shape to [28, 28, 1]");
  });
});

describe('runs that cannot go on', () => {
  /** y = 1000·x and plain gradient descent with α = 10: every step overshoots further. */
  function diverging(config: TrainingJobInput['config']) {
    const rows = ['x,y'];
    for (let i = 0; i < 20; i += 1) rows.push(`${i},${i * 1000}`);
    return {
      graph: template('linear-regression'),
      data: csv(temp.write('steep.csv', rows.join('\n'))),
      config: { optimizer: { type: 'sgd' as const, learningRate: 10 }, ...config },
    };
  }

  it('a diverging loss stops the run, naming the epoch and batch, and suggests a lower rate', async () => {
    const { final, events } = await train(
      diverging({ epochs: 50, batchSize: 4, validation: { kind: 'none' }, batchEventInterval: 0 }),
    );
    expect(final.type).toBe('failed');
    const failed = final as TrainerEventOf<'failed'>;
    expect(failed.code).toBe('loss.not-finite');
    const match =
      /^The loss became (NaN|infinite) at epoch (\d+), batch (\d+), so training stopped\. Try a lower learning rate or gradient clipping\.$/.exec(
        failed.message,
      );
    expect(match).not.toBeNull();
    // The epoch and batch named are the ones after the last batch that still had a loss.
    const batches = events.filter((e) => e.type === 'batch');
    expect(batches.every((b) => Number.isFinite(b.loss))).toBe(true);
    const last = batches.at(-1)!;
    const [epoch, batch] = [Number(match![2]), Number(match![3])];
    expect(epoch * last.batchesPerEpoch + batch).toBe(
      last.epoch * last.batchesPerEpoch + last.batch + 1,
    );
  });

  it('a loss that overflows only after a step, when the network is evaluated, also stops it', async () => {
    const evaluatedAfterAStep =
      /^The loss became (NaN|infinite) when the network was evaluated after a training step, so training stopped: .*Try a lower learning rate/;
    // One full batch per epoch: the validation examples see each step's result first.
    const validated = await failure(
      diverging({ epochs: 100, batchSize: 'full', validation: { kind: 'split', fraction: 0.2 } }),
    );
    expect(validated.code).toBe('loss.not-finite');
    expect(validated.message).toMatch(evaluatedAfterAStep);

    // Without validation, a run whose very last step blows up must fail too, not finish with an
    // infinite loss (which no event can carry).
    const free = await failure(
      diverging({ epochs: 100, batchSize: 'full', validation: { kind: 'none' } }),
    );
    const epoch = Number(/ at epoch (\d+), batch 1,/.exec(free.message)?.[1]);
    expect(epoch).toBeGreaterThan(1);
    const { final, events } = await train(
      diverging({ epochs: epoch - 1, batchSize: 'full', validation: { kind: 'none' } }),
    );
    expect(final).toMatchObject({ type: 'failed', code: 'loss.not-finite' });
    expect((final as TrainerEventOf<'failed'>).message).toMatch(evaluatedAfterAStep);
    expect(events.filter((e) => e.type === 'epoch')).toHaveLength(epoch - 1);
  });

  it('a network and batch too big for the free memory is refused before it starts', async () => {
    const graph = rawDocument(
      [
        ['x', 'Input', { form: 'vector', shape: [2] }],
        ['wide', 'Dense', { units: 4096, activation: 'relu' }],
        ['wider', 'Dense', { units: 4096, activation: 'relu' }],
        ['p', 'Dense', { units: 1, activation: 'sigmoid' }],
        ['y', 'Output', { task: 'classification', loss: 'binaryCrossentropy' }],
      ],
      [
        ['x', 'wide'],
        ['wide', 'wider'],
        ['wider', 'p'],
        ['p', 'y'],
      ],
    );
    const config = { batchSize: 32 };
    const estimate = estimateTrainingBytes(
      analyzeGraph(parseGraphDocumentOrThrow(graph)),
      32,
      trainingConfigSchema.parse(config).optimizer,
    );
    const { final, events } = await train(
      { graph, data: { source: 'builtin', name: 'xor' }, config },
      () => 50e6,
    );
    // Refused before anything was allocated or started.
    expect(events).toEqual([final]);
    const failed = final as TrainerEventOf<'failed'>;
    expect(failed.code).toBe('memory.insufficient');
    expect(failed.message).toBe(
      `Training this network with batches of 32 needs about ${formatBytes(estimate)} of memory, but only ${formatBytes(50e6)} is free. Use a smaller batch size, or fewer units or filters.`,
    );
  });

  it('an invalid network lists every error', async () => {
    // A Dense fed by nothing, and a Conv2D on a vector.
    const graph = rawDocument(
      [
        ['x', 'Input', { form: 'vector', shape: [2] }],
        ['conv', 'Conv2D', { filters: 2, kernelSize: [3, 3] }],
        ['p', 'Dense', { units: 1, activation: 'sigmoid' }],
        ['loose', 'Dense', { units: 3 }],
        ['y', 'Output', { task: 'classification', loss: 'binaryCrossentropy' }],
      ],
      [
        ['x', 'conv'],
        ['conv', 'p'],
        ['p', 'y'],
      ],
    );
    const failed = await failure({ graph, data: { source: 'builtin', name: 'xor' } });
    expect(failed.code).toBe('graph.errors');
    expect(failed.message).toMatch(/^Fix the network first: /);
    expect(failed.message).toContain('Conv2D "conv" needs a 3-D input');
    expect(failed.message).toContain('Dense "loose" is not connected to any Input');

    const unparsable = await failure({
      graph: rawDocument(
        [
          ['x', 'Input', { form: 'vector', shape: [2] }],
          ['d', 'Dense', { units: 0 }],
          ['y', 'Output', { task: 'classification', loss: 'noSuchLoss' }],
        ],
        [
          ['x', 'd'],
          ['d', 'y'],
        ],
      ),
      data: { source: 'builtin', name: 'xor' },
    });
    expect(unparsable.code).toBe('graph.invalid');
    expect(unparsable.message).toMatch(/^The network file has 2 problems: /);
    expect(unparsable.message).toContain('"units" must be at least 1 (got 0)');
    expect(unparsable.message).toContain('noSuchLoss');
  });

  it('a chosen backend that cannot run here fails with the reason, not another backend', async (context) => {
    const native = loadNativePackage(CPU_PACKAGE);
    if (native.ok) context.skip('tfjs-node works on this machine');
    const events: TrainerEvent[] = [];
    const final = await runTraining(
      trainingJobSchema.parse({
        graph: XOR_MLP,
        data: { source: 'builtin', name: 'xor' },
        backend: 'tensorflow',
      }),
      { emit: (e) => events.push(e), controls: new TrainerControls() },
    );
    expect(events).toEqual([final]);
    expect(final.type).toBe('failed');
    const failed = final as TrainerEventOf<'failed'>;
    expect(failed.code).toBe('backend.unavailable');
    expect(failed.message).toContain('CPU (TensorFlow native) was chosen to train with');
    if (!native.ok) expect(failed.message).toContain(native.reason);
    expect(failed.message).toContain('Choose "Automatic"');
  });
});

/** An IDX file of unsigned bytes. */
function idx(dimensions: readonly number[], value: (i: number) => number): Uint8Array {
  const count = dimensions.reduce((a, b) => a * b, 1);
  const bytes = new Uint8Array(4 + 4 * dimensions.length + count);
  const view = new DataView(bytes.buffer);
  bytes.set([0, 0, 0x08, dimensions.length]);
  dimensions.forEach((size, i) => view.setUint32(4 + 4 * i, size, false));
  for (let i = 0; i < count; i += 1) bytes[4 + 4 * dimensions.length + i] = value(i);
  return bytes;
}

/** A grey PNG. */
function png(width: number, height: number, grey: number): Buffer {
  const image = new PNG({ width, height });
  for (let p = 0; p < width * height; p += 1) image.data.set([grey, grey, grey, 255], p * 4);
  return PNG.sync.write(image);
}

describe('a network TensorFlow.js cannot train', () => {
  it('refuses a dilated convolution before training, and says what to change', async () => {
    const graph = template('mnist-small-cnn') as {
      nodes: { id: string; params: Record<string, unknown> }[];
    };
    graph.nodes.find((n) => n.id === 'conv1')!.params['dilation'] = 2;
    const run = await trainInProcess(
      graph,
      { source: 'builtin', name: 'mnist', limit: 100 },
      { epochs: 1 },
    );
    expect(run.events).toHaveLength(1);
    expect(run.final).toMatchObject({ type: 'failed', code: 'graph.untrainable' });
    expect(run.final.type === 'failed' && run.final.message).toContain(
      'Set the dilation to 1 to train it.',
    );
  });
});
