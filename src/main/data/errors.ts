import { DatasetError } from './types';

/**
 * Every way loading a data set can fail, so callers (UI, CLI, tests) can tell them apart
 * without reading the message.
 */
export type DatasetErrorCode =
  | 'file-not-found'
  | 'not-a-file'
  | 'not-a-folder'
  | 'unreadable-file'
  | 'empty-file'
  | 'corrupt-csv'
  | 'ragged-row'
  | 'not-a-number'
  | 'missing-value'
  | 'unknown-column'
  | 'no-features'
  | 'bad-target'
  | 'too-few-classes'
  | 'too-few-images'
  | 'bad-idx-file'
  | 'count-mismatch'
  | 'shape-mismatch'
  | 'label-out-of-range'
  | 'too-large'
  /** The copy of a large image folder, decoded once to disk, is gone or cut short. */
  | 'decoded-copy-unreadable'
  /** One example typed or given by hand (a prediction's input) that does not fit the Input. */
  | 'bad-example';

export function datasetError(code: DatasetErrorCode, message: string): DatasetError {
  return new DatasetError(message, code);
}
