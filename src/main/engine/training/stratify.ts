import type { LoadedDataset } from '../../data/types';

/**
 * The labels a stratified split keeps in proportion, when the data has classes. Numbers to
 * predict have no classes to keep: the split stays random, and the run's notes say so.
 */
export function stratifyLabels(
  dataset: LoadedDataset,
  stratify: boolean,
  notes: string[],
): Int32Array | undefined {
  if (!stratify) return undefined;
  if (dataset.info.task === 'classification') return dataset.examples.y as Int32Array;
  notes.push(
    'Stratified splits keep the share of each class, but this data set has numbers to predict rather than classes, so its parts are drawn at random.',
  );
  return undefined;
}
