import type { DatasetInfo } from '../../../../shared/data/dataset-info';
import { plural } from '../../../../shared/text/plural';

/** "[28, 28, 1]": a shape as the Input's shape field takes it. */
export function shapeText(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

/** What one example is, in words a student reads: "4 numbers", "28 × 28 gray images". */
export function describeFeatures(info: Pick<DatasetInfo, 'featureShape' | 'featureType'>): string {
  const shape = info.featureShape;
  if (info.featureType === 'int32') return `texts of ${shape[0] ?? 0} word ids`;
  if (shape.length === 3) {
    const [height, width, channels] = shape as [number, number, number];
    const color = channels === 1 ? 'gray' : channels === 3 ? 'colour' : `${channels}-channel`;
    return `${width} × ${height} ${color} images`;
  }
  if (shape.length === 2) {
    const [steps, features] = shape as [number, number];
    return `sequences of ${steps} steps, ${features} ${features === 1 ? 'value' : 'values'} per step`;
  }
  const n = shape[0] ?? 0;
  return `${n} ${n === 1 ? 'number' : 'numbers'}`;
}

/** What the network must predict for each example. */
export function describeLabels(
  info: Pick<DatasetInfo, 'task' | 'classNames' | 'targetSize' | 'targetNames'>,
): string {
  if (info.task === 'classification') {
    const classes = info.classNames?.length ?? info.targetSize;
    return `one of ${classes} classes`;
  }
  const names = info.targetNames?.length ? ` (${info.targetNames.join(', ')})` : '';
  return `${info.targetSize} ${info.targetSize === 1 ? 'number' : 'numbers'}${names}`;
}

/** "1,234 examples" with a thousands separator. */
export function countText(count: number, noun = 'example'): string {
  return plural(count, noun);
}

/** A share of a total as a percentage a student reads: "33%", "0.5%". */
export function percentText(count: number, total: number): string {
  if (total === 0) return '0%';
  const share = (100 * count) / total;
  return `${share >= 10 || Number.isInteger(share) ? Math.round(share) : share.toFixed(1)}%`;
}
