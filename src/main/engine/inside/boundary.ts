import type { DecisionBoundary } from '../../../shared/inside/inside-schemas';
import { MAX_BOUNDARY_POINTS } from '../../../shared/inside/inside-schemas';
import { nodeDisplayName } from '../../../shared/graph/document';
import { tf } from '../tf';
import { gatherFeatures } from '../training/batches';
import { InsideError } from './inside-error';
import type { InsideModel } from './inside-model';
import { innerNodes } from './inside-model';
import type { RunData } from './run-data';
import { partOf } from './run-data';
import { runGraph } from './run-graph';

/** Most units of the first layer whose own boundaries are drawn. */
const MAX_UNITS = 16;

/**
 * The network's answer over the plane of its two input features, as TensorFlow Playground
 * draws it: a `size` × `size` grid spanning the data (with a margin), the probability of the
 * second class at each point (or the predicted value), the data points on it, and what each
 * unit of the first layer outputs over the same grid.
 */
export function decisionBoundary(
  model: InsideModel,
  data: RunData,
  size: number,
): DecisionBoundary {
  if (
    model.inputShape.length !== 1 ||
    model.inputShape[0] !== 2 ||
    model.inputDtype !== 'float32'
  ) {
    throw new InsideError(
      'unsupported',
      `The decision boundary is drawn over a plane, for data with two input features; ${nodeDisplayName(model.input)} reads ${model.inputShape.join(' × ')} values.`,
    );
  }
  const { source, rows } = partOf(data, 'all');
  const features = gatherFeatures(source, rows);
  const range = (axis: number) => {
    let low = Infinity;
    let high = -Infinity;
    for (let i = axis; i < features.length; i += 2) {
      low = Math.min(low, features[i]!);
      high = Math.max(high, features[i]!);
    }
    const margin = (high - low) * 0.1 || 1;
    return [low - margin, high + margin] as [number, number];
  };
  const x = range(0);
  const y = range(1);
  const grid = new Float32Array(size * size * 2);
  for (let row = 0; row < size; row += 1) {
    for (let column = 0; column < size; column += 1) {
      const at = (row * size + column) * 2;
      grid[at] = x[0] + ((x[1] - x[0]) * column) / (size - 1);
      grid[at + 1] = y[0] + ((y[1] - y[0]) * row) / (size - 1);
    }
  }
  const first = innerNodes(model)[0];
  const [values, units] = tf.tidy(() => {
    const input = tf.tensor2d(grid, [size * size, 2]);
    const run = runGraph(model, input);
    const output = run.output.reshape([size * size, -1]);
    const width = output.shape[1]!;
    // Two or more classes: the second class's probability when there are two, else the
    // winning class's; one output: its value (a probability, or a number to predict).
    const shown =
      model.task === 'classification' && width > 2
        ? output.max(1)
        : output.slice([0, width === 2 ? 1 : 0], [-1, 1]).reshape([-1]);
    const firstValues = first ? run.values.get(first.id)! : undefined;
    const unitGrid =
      firstValues && firstValues.rank === 2 && firstValues.shape[1]! <= MAX_UNITS
        ? (firstValues.transpose().arraySync() as number[][])
        : [];
    return [Array.from(shown.dataSync()), unitGrid] as const;
  });
  const step = Math.max(1, Math.ceil(rows.length / MAX_BOUNDARY_POINTS));
  const points: DecisionBoundary['points'] = [];
  for (let i = 0; i < rows.length; i += step) {
    const row = rows[i]!;
    points.push({
      x: features[i * 2]!,
      y: features[i * 2 + 1]!,
      label: data.plan.task === 'classification' ? (source.table.y[row] as number) : 0,
    });
  }
  return {
    size,
    x,
    y,
    values,
    shows:
      model.task === 'classification'
        ? data.dataset.info.classNames && data.dataset.info.classNames.length > 2
          ? 'winning-probability'
          : 'second-class-probability'
        : 'value',
    points,
    ...(first && units.length > 0 ? { units: { layer: first.id, values: units } } : {}),
    ...(data.dataset.info.featureNames?.length === 2
      ? { axes: data.dataset.info.featureNames }
      : {}),
  };
}
