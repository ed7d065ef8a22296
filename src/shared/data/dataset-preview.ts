import { z } from 'zod';
import { datasetInfoSchema } from './dataset-info';

/**
 * What the data panel shows of a data set before training: a glimpse of its examples (a
 * table, an image grid, a scatter plot or a few sequences), how many examples each class has,
 * and whether it fits the project's network, with the fix when it does not.
 */

/** Rows of a table preview (CSV, text CSV, Iris): cells as the file has them. */
export const MAX_PREVIEW_ROWS = 50;
/** Images in an image-grid preview. */
export const MAX_PREVIEW_IMAGES = 32;
/** Points in a scatter preview: every point of the small 2-D sets. */
export const MAX_PREVIEW_POINTS = 1000;
/** Sequences in a series preview. */
export const MAX_PREVIEW_SERIES = 6;

const cell = z.union([z.string(), z.number()]);

export const tablePreviewSchema = z.strictObject({
  kind: z.literal('table'),
  columns: z.array(z.string()),
  rows: z.array(z.array(cell)).max(MAX_PREVIEW_ROWS),
  /** All rows of the source, of which `rows` are the first. */
  rowCount: z.number().int().min(0),
});

export const imagesPreviewSchema = z.strictObject({
  kind: z.literal('images'),
  width: z.number().int().min(1),
  height: z.number().int().min(1),
  channels: z.union([z.literal(1), z.literal(3)]),
  items: z
    .array(
      z.strictObject({
        label: z.string(),
        /** Base64 of height × width × channels bytes (0–255), row by row. */
        pixels: z.string(),
      }),
    )
    .max(MAX_PREVIEW_IMAGES),
});

export const scatterPreviewSchema = z.strictObject({
  kind: z.literal('scatter'),
  xLabel: z.string(),
  yLabel: z.string(),
  points: z
    .array(z.strictObject({ x: z.number(), y: z.number(), label: z.string() }))
    .max(MAX_PREVIEW_POINTS),
  /** All examples of the source, of which `points` are the first. */
  total: z.number().int().min(0),
});

export const seriesPreviewSchema = z.strictObject({
  kind: z.literal('series'),
  steps: z.number().int().min(1),
  items: z
    .array(
      z.strictObject({
        /** The class, or the value to predict. */
        label: z.string(),
        /** One line per feature of a step, `steps` values each. */
        lines: z.array(z.array(z.number())),
      }),
    )
    .max(MAX_PREVIEW_SERIES),
});

export const datasetPreviewSchema = z.discriminatedUnion('kind', [
  tablePreviewSchema,
  imagesPreviewSchema,
  scatterPreviewSchema,
  seriesPreviewSchema,
]);

/**
 * A fix that is a parameter change on one node, so the data panel can apply it: `params` are
 * merged into the node's params (the complete new values of the params that change).
 */
export const fitEditSchema = z.strictObject({
  nodeId: z.string(),
  params: z.record(z.string(), z.unknown()),
});

export const fitProblemSchema = z.strictObject({
  /** What does not fit, naming the node and the numbers. */
  message: z.string(),
  /** Exactly what to change. */
  fix: z.string(),
  /**
   * The fix as an edit, only when applying it is exactly what `fix` says (or, when `fix` offers
   * choices, exactly its first one).
   */
  edit: fitEditSchema.optional(),
});

export const datasetFitSchema = z.strictObject({
  /**
   * fits: the trainer will accept this data set with this network.
   * mismatch: it will refuse it, or training would not learn (a warning such as a loss that
   *   does not suit the final activation), for the reasons in `problems`.
   * unchecked: there is no network to check against yet (none given, empty or with errors).
   */
  status: z.enum(['fits', 'mismatch', 'unchecked']),
  ok: z.boolean(),
  problems: z.array(fitProblemSchema),
  /** How the data will be read when it fits (e.g. an image read as one flat list). */
  notes: z.array(z.string()),
  /**
   * Every edit that makes the data fit, planned together and checked: present only when
   * applying them all at once leaves no mismatch (it may hold edits for problems that only
   * show once the listed ones are fixed).
   */
  applyAll: z.array(fitEditSchema).optional(),
});

export const classCountSchema = z.strictObject({
  name: z.string(),
  count: z.number().int().min(0),
});

export const datasetPreviewResultSchema = z.strictObject({
  info: datasetInfoSchema,
  preview: datasetPreviewSchema,
  /** Classification: examples per class, in class order. */
  classBalance: z.array(classCountSchema).optional(),
  fit: datasetFitSchema,
});

/** The first rows of a CSV file, cut into columns as the import reads them. */
export const csvTableResultSchema = tablePreviewSchema.extend({
  delimiter: z.enum([',', ';', '\t', '|']),
  hasHeader: z.boolean(),
});

/** What kind of data an uploaded or chosen file is. */
export const IMPORT_KINDS = ['csv', 'idx', 'images'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** The largest file a browser may upload as a data set. */
export const MAX_UPLOAD_BYTES = 40 * 1024 * 1024;

export type TablePreview = z.output<typeof tablePreviewSchema>;
export type ImagesPreview = z.output<typeof imagesPreviewSchema>;
export type ScatterPreview = z.output<typeof scatterPreviewSchema>;
export type SeriesPreview = z.output<typeof seriesPreviewSchema>;
export type DatasetPreview = z.output<typeof datasetPreviewSchema>;
export type FitEdit = z.output<typeof fitEditSchema>;
export type FitProblem = z.output<typeof fitProblemSchema>;
export type DatasetFit = z.output<typeof datasetFitSchema>;
export type ClassCount = z.output<typeof classCountSchema>;
export type DatasetPreviewResult = z.output<typeof datasetPreviewResultSchema>;
export type CsvTableResult = z.output<typeof csvTableResultSchema>;
