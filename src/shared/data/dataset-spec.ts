import { z } from 'zod';

/**
 * Where a training run's examples come from: a built-in set or a file/folder to import.
 * Paths are resolved by main (never by the renderer).
 */
const samples = z.number().int().min(4).max(100_000);
const noise = z.number().min(0).max(5);
const seed = z
  .number()
  .int()
  .min(0)
  .max(2 ** 31 - 1);

export const BUILT_IN_DATASETS = [
  'and',
  'or',
  'xor',
  'circle',
  'xor-quadrants',
  'gaussians',
  'spiral',
  'moons',
  'iris',
  'cereals',
  'gd-steps',
  'cars',
  'penguins',
  'mnist',
  'sine',
  'co2',
  'parity',
  'reverse',
  'reviews',
] as const;
export type BuiltInDatasetName = (typeof BUILT_IN_DATASETS)[number];

export const builtInDatasetSchema = z.strictObject({
  source: z.literal('builtin'),
  name: z.enum(BUILT_IN_DATASETS),
  /** Toy 2-D sets and synthetic sequences: how many examples. */
  samples: samples.optional(),
  /** Toy 2-D sets: how much the points scatter. */
  noise: noise.optional(),
  /** Toy 2-D sets and synthetic sequences are generated from this seed. */
  seed: seed.optional(),
  /** MNIST: how many of the 10,000 digits to use (first N). */
  limit: z.number().int().min(10).max(10_000).optional(),
  /** Synthetic sequences: steps per example. */
  steps: z.number().int().min(2).max(500).optional(),
});

/** A CSV column: its header name, or its 0-based index. */
const csvColumn = z.union([z.string().min(1), z.number().int().min(0)]);
/** Most target columns a CSV file may give (a sequence of numbers to predict per row). */
export const MAX_TARGET_COLUMNS = 1000;

export const csvDatasetSchema = z.strictObject({
  source: z.literal('csv'),
  path: z.string().min(1),
  /**
   * The column to predict (default: the last column), or several columns in order: a sequence
   * of numbers to predict per row (regression), as a sequence-to-sequence network writes.
   */
  target: z.union([csvColumn, z.array(csvColumn).min(1).max(MAX_TARGET_COLUMNS)]).optional(),
  task: z.enum(['auto', 'classification', 'regression']).default('auto'),
  delimiter: z.enum(['auto', ',', ';', '\t', '|']).default('auto'),
  header: z.enum(['auto', 'yes', 'no']).default('auto'),
  scaling: z.enum(['none', 'standardize', 'minmax']).default('standardize'),
  /** What to do with empty cells: refuse the file, drop those rows, or fill with the column mean. */
  missing: z.enum(['error', 'drop', 'mean']).default('error'),
});

export const imageFolderDatasetSchema = z.strictObject({
  source: z.literal('images'),
  /** A folder with one subfolder per class, holding PNG or JPEG files. */
  path: z.string().min(1),
  size: z
    .tuple([z.number().int().min(4).max(512), z.number().int().min(4).max(512)])
    .default([28, 28]),
  color: z.enum(['grayscale', 'rgb']).default('grayscale'),
});

export const idxDatasetSchema = z.strictObject({
  source: z.literal('idx'),
  images: z.string().min(1),
  labels: z.string().min(1),
  /** Optional separate test files (e.g. t10k-images-idx3-ubyte). */
  testImages: z.string().min(1).optional(),
  testLabels: z.string().min(1).optional(),
  classNames: z.array(z.string().min(1)).optional(),
  limit: z.number().int().min(10).optional(),
});

export const textCsvDatasetSchema = z.strictObject({
  source: z.literal('text-csv'),
  path: z.string().min(1),
  textColumn: z.union([z.string().min(1), z.number().int().min(0)]),
  labelColumn: z.union([z.string().min(1), z.number().int().min(0)]),
  /** Tokens per text: longer texts are cut, shorter ones padded with 0. */
  maxLength: z.number().int().min(2).max(2000).default(100),
  /** Most frequent words kept (ids 2…vocabularySize−1); 0 pads, 1 stands for any other word. */
  vocabularySize: z.number().int().min(10).max(200_000).default(10_000),
});

export const datasetSpecSchema = z.discriminatedUnion('source', [
  builtInDatasetSchema,
  csvDatasetSchema,
  imageFolderDatasetSchema,
  idxDatasetSchema,
  textCsvDatasetSchema,
]);

export type DatasetSpec = z.output<typeof datasetSpecSchema>;
export type DatasetSpecInput = z.input<typeof datasetSpecSchema>;
