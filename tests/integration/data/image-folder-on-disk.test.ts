import { existsSync, mkdirSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/main/data/load-dataset';
import type { LoadedDataset } from '../../../src/main/data/types';
import { allRows, gatherFeatures } from '../../../src/main/engine/training/batches';
import { datasetSpecSchema } from '../../../src/shared/data/dataset-spec';
import type { TrainingConfigInput } from '../../../src/shared/training/config';
import { chain } from '../../fixtures/build-graph';
import type { TrainingRun } from '../../fixtures/training';
import { trainInProcess } from '../../fixtures/training';
import { tempFolder } from './temp-folder';

/**
 * An image folder too large for memory is decoded once to disk and read from there a batch at
 * a time. These tests make it go to disk however small it is (NEURITE_IMAGES_IN_MEMORY_MB=0)
 * and check that nothing a student sees changes: the same images, labels and skipped files,
 * and training that gives exactly the same numbers as from memory, on real PNG files.
 */

const temp = tempFolder('images-on-disk');
const FOLDER = temp.path('shapes');
const CLASSES = ['circles', 'stripes', 'squares'] as const;
const PER_CLASS = 100;
const saved = { tmp: process.env['TMPDIR'], budget: process.env['NEURITE_IMAGES_IN_MEMORY_MB'] };

/** A small deterministic noise source, so the images differ from one another. */
function noise(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return ((state >>> 0) % 1000) / 1000;
  };
}

/** A picture of its class (a circle, stripes or a square) with noise, in one of two sizes. */
function shapeImage(kind: (typeof CLASSES)[number], index: number): Buffer {
  const width = index % 2 === 0 ? 12 : 16;
  const height = index % 2 === 0 ? 12 : 10;
  const random = noise(index * 7919 + kind.length);
  const image = new PNG({ width, height });
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const u = x / width - 0.5;
      const v = y / height - 0.5;
      const inside =
        kind === 'circles'
          ? u * u + v * v < 0.1
          : kind === 'stripes'
            ? Math.floor(x / 2) % 2 === 0
            : Math.abs(u) < 0.3 && Math.abs(v) < 0.3;
      const base = inside ? 200 : 40;
      const jitter = () => Math.round(base + (random() - 0.5) * 80);
      image.data.set([jitter(), jitter(), jitter(), 255], (y * width + x) * 4);
    }
  }
  return PNG.sync.write(image);
}

const spec = datasetSpecSchema.parse({
  source: 'images',
  path: FOLDER,
  size: [8, 8],
  color: 'rgb',
});

const graph = chain(
  { form: 'image', shape: [8, 8, 3] },
  [
    ['Conv2D', { filters: 4, kernelSize: 3, activation: 'relu' }],
    ['MaxPool2D', { poolSize: 2 }],
    ['Flatten'],
    ['Dense', { units: 3, activation: 'softmax' }],
  ],
  { task: 'classification', loss: 'sparseCategoricalCrossentropy' },
);

async function load(where: 'memory' | 'disk'): Promise<LoadedDataset> {
  if (where === 'disk') process.env['NEURITE_IMAGES_IN_MEMORY_MB'] = '0';
  else delete process.env['NEURITE_IMAGES_IN_MEMORY_MB'];
  return loadDataset(spec);
}

async function train(where: 'memory' | 'disk', config: TrainingConfigInput): Promise<TrainingRun> {
  if (where === 'disk') process.env['NEURITE_IMAGES_IN_MEMORY_MB'] = '0';
  else delete process.env['NEURITE_IMAGES_IN_MEMORY_MB'];
  return trainInProcess(graph, spec, config, { backend: 'cpu' });
}

function decodedCopies(): string[] {
  const folder = temp.path('tmp/neurite-decoded-images');
  return existsSync(folder)
    ? readdirSync(folder)
        .filter((name) => name.endsWith('.rows'))
        .map((name) => join(folder, name))
    : [];
}

beforeAll(() => {
  for (const kind of CLASSES) {
    for (let i = 0; i < PER_CLASS; i += 1)
      temp.write(`shapes/${kind}/${i}.png`, shapeImage(kind, i));
  }
  // A damaged PNG (the signature, then nothing) and a file that is no image at all.
  temp.write(
    'shapes/circles/broken.png',
    Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10]),
  );
  temp.write('shapes/squares/notes.txt', 'not an image');
  // Decoded copies go to the temporary folder: this test's own, removed with it.
  mkdirSync(temp.path('tmp'), { recursive: true });
  process.env['TMPDIR'] = temp.path('tmp');
});

afterAll(() => {
  for (const [name, value] of [
    ['TMPDIR', saved.tmp],
    ['NEURITE_IMAGES_IN_MEMORY_MB', saved.budget],
  ] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  temp.remove();
});

describe('an image folder read from disk', () => {
  it('holds the same images, labels and skipped files as in memory, and says where they are', async () => {
    const memory = await load('memory');
    const disk = await load('disk');
    expect(memory.examples.onDisk).toBeUndefined();
    expect(disk.examples.onDisk).toBeDefined();
    expect(disk.examples.count).toBe(3 * PER_CLASS);
    expect(disk.examples.y).toEqual(memory.examples.y);

    const rows = allRows(disk.examples.count);
    const source = (data: LoadedDataset) => ({
      table: data.examples,
      featureShape: [8, 8, 3],
      featureType: 'float32' as const,
      encoding: { kind: 'classIndex' as const, classes: 3 },
    });
    const fromDisk = gatherFeatures(source(disk), rows);
    expect(fromDisk).toEqual(memory.examples.x);
    // Rows in any order, as a shuffled batch asks for them.
    const shuffled = Int32Array.from([299, 0, 150, 7]);
    expect(gatherFeatures(source(disk), shuffled)).toEqual(
      gatherFeatures(source(memory), shuffled),
    );

    const [onDiskNote, ...sameNotes] = [...disk.info.notes].reverse();
    expect([...sameNotes].reverse()).toEqual(memory.info.notes);
    expect(memory.info.notes.join(' ')).toContain(
      `${join('circles', 'broken.png')} (a damaged PNG file`,
    );
    const [copy] = decodedCopies();
    expect(onDiskNote).toContain(`decoded once into ${copy}`);
    expect(onDiskNote).toContain('read from there one batch at a time');
    expect(() => disk.examples.x).toThrow(/too many to hold in memory and are read from disk/);
  });

  it('decodes the images once, and anew when one of them changes', async () => {
    await load('disk');
    const [copy] = decodedCopies();
    const written = statSync(copy!).mtimeMs;
    await load('disk');
    expect(decodedCopies()).toEqual([copy]);
    expect(statSync(copy!).mtimeMs).toBe(written);

    temp.write('shapes/stripes/0.png', shapeImage('squares', 0));
    const changed = await load('disk');
    const copies = decodedCopies();
    expect(copies).toHaveLength(1);
    expect(copies[0]).not.toBe(copy);
    expect(changed.examples.onDisk?.file).toBe(copies[0]);
    temp.write('shapes/stripes/0.png', shapeImage('stripes', 0));
  });

  it('trains to exactly the same losses and metrics as from memory, with the same seed', async () => {
    const config: TrainingConfigInput = {
      epochs: 3,
      batchSize: 16,
      seed: 7,
      validation: { kind: 'split', fraction: 0.2 },
      test: { kind: 'split', fraction: 0.1 },
      stratify: true,
      augmentation: { flipHorizontal: true, shift: 0.1, rotation: 0, noise: 0 },
    };
    const memory = await train('memory', config);
    const disk = await train('disk', config);
    expect(disk.final.type).toBe('finished');
    expect(memory.final.type).toBe('finished');
    const notes = (run: TrainingRun) =>
      run.events.find((e) => e.type === 'started')?.dataset.notes.join(' ') ?? '';
    expect(notes(disk)).toContain('read from there one batch at a time');
    expect(notes(memory)).not.toContain('read from there');
    expect(disk.epochs).toHaveLength(3);
    const numbers = (run: TrainingRun) =>
      run.epochs.map((e) => ({ loss: e.loss, metrics: e.metrics, validation: e.validation }));
    expect(numbers(disk)).toEqual(numbers(memory));
    if (disk.final.type !== 'finished' || memory.final.type !== 'finished') return;
    expect(disk.final.test).toEqual(memory.final.test);
    expect(disk.final.train).toEqual(memory.final.train);
  });

  it('gives the same k-fold results as from memory', async () => {
    const config: TrainingConfigInput = { epochs: 1, batchSize: 32, seed: 3, kFold: 3 };
    const memory = await train('memory', config);
    const disk = await train('disk', config);
    if (disk.final.type !== 'finished' || memory.final.type !== 'finished') {
      throw new Error(`k-fold did not finish: ${JSON.stringify([memory.final, disk.final])}`);
    }
    expect(disk.final.folds).toHaveLength(3);
    expect(disk.final.folds).toEqual(memory.final.folds);
    expect(disk.final.foldMean).toEqual(memory.final.foldMean);
  });

  it('stops with a message naming the decoded copy when it is removed while training', async () => {
    process.env['NEURITE_IMAGES_IN_MEMORY_MB'] = '0';
    let removed = '';
    const run = await trainInProcess(
      graph,
      spec,
      { epochs: 3, batchSize: 16, validation: { kind: 'none' } },
      {
        backend: 'cpu',
        onEvent: (event) => {
          if (event.type !== 'epoch' || removed) return;
          removed = decodedCopies()[0]!;
          unlinkSync(removed);
        },
      },
    );
    expect(run.final.type).toBe('failed');
    if (run.final.type !== 'failed') return;
    expect(run.final.code).toBe('decoded-copy-unreadable');
    expect(run.final.message).toBe(
      `The images of ${FOLDER} are read from the copy Neurite decoded to disk, ${removed}, but that file is no longer there. Train again: Neurite then decodes the images anew.`,
    );
    // Training again decodes the images anew.
    const again = await train('disk', { epochs: 1, batchSize: 16, validation: { kind: 'none' } });
    expect(again.final.type).toBe('finished');
    expect(existsSync(removed)).toBe(true);
  });
});
