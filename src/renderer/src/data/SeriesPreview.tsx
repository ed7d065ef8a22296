import type { SeriesPreview as Series } from '../../../shared/data/dataset-preview';
import { linearScale } from './model/axis-ticks';
import { classColor } from './class-colors';

const WIDTH = 220;
const HEIGHT = 90;
const PAD = 6;

/** A few example sequences as small line charts, each with its label. */
export function SeriesPreview({ series }: { series: Series }) {
  const values = series.items.flatMap((item) => item.lines.flat());
  const low = Math.min(...values);
  const high = Math.max(...values);
  const x = linearScale([0, Math.max(1, series.steps - 1)], [PAD, WIDTH - PAD]);
  const y = linearScale([low, high === low ? low + 1 : high], [HEIGHT - PAD, PAD]);
  return (
    <figure className="data-figure">
      <ul className="data-series-grid" aria-label="Example sequences">
        {series.items.map((item, i) => (
          <li key={i} className="data-series">
            <svg
              viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
              width={WIDTH}
              height={HEIGHT}
              role="img"
              aria-label={`Sequence of ${series.steps} steps, labelled ${item.label}`}
            >
              <rect x={0} y={0} width={WIDTH} height={HEIGHT} className="data-series-frame" />
              {item.lines.map((line, f) => (
                <polyline
                  key={f}
                  fill="none"
                  stroke={classColor(f)}
                  strokeWidth={1.6}
                  points={line.map((v, t) => `${x(t).toFixed(1)},${y(v).toFixed(1)}`).join(' ')}
                />
              ))}
            </svg>
            <span className="data-series-label">{item.label}</span>
          </li>
        ))}
      </ul>
      <figcaption>
        {series.items.length} example sequences of {series.steps} steps.
      </figcaption>
    </figure>
  );
}
