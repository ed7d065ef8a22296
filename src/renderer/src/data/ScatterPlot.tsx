import type { ScatterPreview } from '../../../shared/data/dataset-preview';
import { linearScale, niceTicks, tickText } from './model/axis-ticks';
import { classColor } from './class-colors';

const WIDTH = 440;
const HEIGHT = 340;
const MARGIN = { top: 12, right: 16, bottom: 44, left: 52 };

/** The examples of a 2-D set as points, one colour per class. */
export function ScatterPlot({
  scatter,
  classNames,
}: {
  scatter: ScatterPreview;
  classNames?: readonly string[] | undefined;
}) {
  const xs = scatter.points.map((p) => p.x);
  const ys = scatter.points.map((p) => p.y);
  // The frame spans the data (a little wider); the grid lines sit at round numbers inside it.
  const xDomain = padded(xs);
  const yDomain = padded(ys);
  const xTicks = ticksWithin(xDomain);
  const yTicks = ticksWithin(yDomain);
  const x = linearScale(xDomain, [MARGIN.left, WIDTH - MARGIN.right]);
  const y = linearScale(yDomain, [HEIGHT - MARGIN.bottom, MARGIN.top]);
  const labels = classNames?.length
    ? [...classNames]
    : [...new Set(scatter.points.map((p) => p.label))].sort();
  const colorOf = (label: string) => classColor(Math.max(0, labels.indexOf(label)));
  // Few points (a logic gate) are drawn large enough to see.
  const radius = scatter.points.length <= 20 ? 7 : scatter.points.length <= 300 ? 4 : 3;

  return (
    <figure className="data-figure">
      <svg
        className="data-scatter"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width={WIDTH}
        height={HEIGHT}
        role="img"
        aria-label={`Scatter plot of ${scatter.points.length} examples: ${scatter.xLabel} across, ${scatter.yLabel} up, coloured by class`}
      >
        <g className="data-axis">
          {xTicks.map((t) => (
            <g key={`x${t}`}>
              <line x1={x(t)} x2={x(t)} y1={MARGIN.top} y2={HEIGHT - MARGIN.bottom} />
              <text x={x(t)} y={HEIGHT - MARGIN.bottom + 16} textAnchor="middle">
                {tickText(t)}
              </text>
            </g>
          ))}
          {yTicks.map((t) => (
            <g key={`y${t}`}>
              <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(t)} y2={y(t)} />
              <text x={MARGIN.left - 8} y={y(t) + 4} textAnchor="end">
                {tickText(t)}
              </text>
            </g>
          ))}
          <text
            className="data-axis-title"
            x={(MARGIN.left + WIDTH - MARGIN.right) / 2}
            y={HEIGHT - 6}
            textAnchor="middle"
          >
            {scatter.xLabel}
          </text>
          <text
            className="data-axis-title"
            transform={`translate(14 ${(MARGIN.top + HEIGHT - MARGIN.bottom) / 2}) rotate(-90)`}
            textAnchor="middle"
          >
            {scatter.yLabel}
          </text>
        </g>
        <g>
          {scatter.points.map((p, i) => (
            <circle
              key={i}
              className="data-point"
              cx={x(p.x)}
              cy={y(p.y)}
              r={radius}
              fill={colorOf(p.label)}
              data-label={p.label}
            />
          ))}
        </g>
      </svg>
      <figcaption>
        <ul className="data-legend" aria-label="Classes">
          {labels.map((label) => (
            <li key={label}>
              <span className="data-swatch" style={{ background: colorOf(label) }} />
              class {label}
            </li>
          ))}
        </ul>
        {scatter.points.length < scatter.total
          ? `${scatter.points.length} of ${scatter.total} examples shown.`
          : `All ${scatter.total} examples.`}
      </figcaption>
    </figure>
  );
}

/** The values' range widened a little, so points on its edge are not cut by the frame. */
function padded(values: readonly number[]): [number, number] {
  const low = Math.min(...values);
  const high = Math.max(...values);
  const pad = high === low ? 1 : (high - low) * 0.06;
  return [low - pad, high + pad];
}

function ticksWithin([low, high]: [number, number]): number[] {
  return niceTicks(low, high, 6).filter((t) => t >= low && t <= high);
}
