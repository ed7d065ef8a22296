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
