import type { WeightTensor } from '../../../shared/inside/inside-schemas';
import { formatValue } from './model/answers';

const WIDTH = 240;
const HEIGHT = 72;

/**
 * How a layer's weights are spread: bars after training, and an outline of where they
 * started, on the same bins, so a student sees what training moved.
 */
export function WeightHistogram({
  tensor,
  label,
}: {
  readonly tensor: WeightTensor;
  readonly label: string;
}) {
  const bins = tensor.after.counts.length;
  const top = Math.max(...tensor.after.counts, ...(tensor.before?.counts ?? []), 1);
  const barWidth = WIDTH / bins;
  const height = (count: number) => (count / top) * (HEIGHT - 4);
  const outline = tensor.before
    ? tensor.before.counts
        .map((count, i) => {
          const y = HEIGHT - height(count);
          return `${i === 0 ? 'M' : 'L'}${i * barWidth},${y} L${(i + 1) * barWidth},${y}`;
        })
        .join(' ')
    : undefined;
  const summary = `mean ${formatValue(tensor.after.mean)}, spread (std) ${formatValue(tensor.after.std)}`;
  const start = tensor.before
    ? `; before training mean ${formatValue(tensor.before.mean)}, std ${formatValue(tensor.before.std)}`
    : '';
  return (
    <figure className="inside-histogram">
      <svg
        width={WIDTH}
        height={HEIGHT + 16}
        role="img"
        aria-label={`${label}: ${tensor.shape.join(' × ')} weights, ${summary}${start}`}
      >
        {tensor.after.counts.map((count, i) => (
          <rect
            key={i}
            x={i * barWidth + 0.5}
            y={HEIGHT - height(count)}
            width={Math.max(0, barWidth - 1)}
            height={height(count)}
            className="inside-histogram-after"
          />
        ))}
        {outline && <path d={outline} className="inside-histogram-before" />}
        <text x={0} y={HEIGHT + 13} className="inside-histogram-axis">
          {formatValue(tensor.edges[0]!)}
        </text>
        <text x={WIDTH} y={HEIGHT + 13} textAnchor="end" className="inside-histogram-axis">
          {formatValue(tensor.edges[tensor.edges.length - 1]!)}
        </text>
      </svg>
      <figcaption>
        {tensor.name} ({tensor.shape.join(' × ')}): {summary}
      </figcaption>
    </figure>
  );
}
