import { withShortQuotes } from '../../shared/text/excerpt';
import type { DatasetInfo } from '../../shared/data/dataset-info';

/**
 * Examples as flat typed arrays, row-major: example i's features are
 * x[i·featureSize … (i+1)·featureSize). Batches become tensors only when they are trained on,
 * so a data set costs its raw size once, not a copy per batch.
 */
export interface ExampleTable {
  readonly count: number;
  /** float32 features, or int32 token ids for text. */
  readonly x: Float32Array | Int32Array;
  /** Classification: one class index per example (Int32Array, length count).
   *  Regression: targetSize numbers per example (Float32Array). */
  readonly y: Int32Array | Float32Array;
  /**
   * Set when the features stay on disk (an image folder too large to hold in memory): rows
   * are read from there when a batch is gathered, and `x` is not there to read. Read features
   * through `copyFeatures` / `featuresOfRow` (example-rows.ts), which work with both forms.
   */
  readonly onDisk?: FeatureRows;
}

/** Float32 feature rows kept in a file, read on demand. */
export interface FeatureRows {
  /** The file the rows are read from, for messages. */
  readonly file: string;
  /** Values per row. */
  readonly rowSize: number;
  /** Copies the features of `rows`, one after another, into `out` from value `outOffset` on. */
  read(rows: ArrayLike<number>, out: Float32Array, outOffset?: number): void;
}

export interface LoadedDataset {
  readonly info: DatasetInfo;
  /** Everything the source offers for training; validation may be split off it. */
  readonly examples: ExampleTable;
  /** The source's own test part (IDX t10k files), when it has one. */
  readonly test?: ExampleTable;
  /** Text data sets: each example's text as written, for the preview (same order as x). */
  readonly texts?: readonly string[];
  /** Text data sets: the vocabulary of the last fit, the word with id 2 first. */
  vocabulary?(): readonly string[];
  /**
   * Preprocessing that must learn from the training rows only (CSV scaling, a text
   * vocabulary). Called once, after the split, with the indices of the training rows; it
   * rewrites `examples` and `test` in place and may update `info` (e.g. vocabularySize).
   * Without it, nothing leaks from validation or test data into training.
   */
  fitOnTrainingRows?(trainRows: Int32Array): void;
}

/** A data set problem the user can fix, with the file line or path when there is one. */
export class DatasetError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    // Messages quote the cell or name at fault: only an excerpt of one that is long.
    super(withShortQuotes(message));
    this.name = 'DatasetError';
  }
}
