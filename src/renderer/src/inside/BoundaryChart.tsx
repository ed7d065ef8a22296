import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { describeError, useApiQuery } from '../api';
import type { DecisionBoundary } from '../../../shared/inside/inside-schemas';
import { CHART_CONFIG, COLORS } from '../training/charts/chart-style';
import type { Data, Layout } from '../training/charts/plotly';
import { usePlotly } from '../training/charts/use-plotly';
import { classColor } from '../data/class-colors';
import { unitPicture } from './model/picture';
import { PictureCanvas } from './PictureCanvas';

const SHOWN: Record<DecisionBoundary['shows'], string> = {
  'second-class-probability': 'probability of the second class',
  'winning-probability': 'probability of the winning class',
  value: 'predicted value',
};

/** The grid's coordinates along one axis, `size` points from low to high. */
function axis([low, high]: readonly [number, number], size: number): number[] {
  return Array.from({ length: size }, (_, i) => low + ((high - low) * i) / (size - 1));
}

/**
 * What the network answers everywhere on the plane of its two inputs, with the data points on
 * it: where the colour changes is the decision boundary.
 */
export function BoundaryChart({
  runId,
  classNames,
  onPickPoint,
}: {
  readonly runId: string;
  readonly classNames?: readonly string[];
  /** A click on the plane: the point's two input values, to ask the network about it. */
  readonly onPickPoint?: (x: number, y: number) => void;
}) {
  const pickRef = useRef(onPickPoint);
  useLayoutEffect(() => {
    pickRef.current = onPickPoint;
  });
  const boundary = useApiQuery('runs.boundary', { runId, size: 100 });
  const ref = useRef<HTMLDivElement>(null);
  const { plotly, failed: notLoaded } = usePlotly();
  const [notDrawn, setNotDrawn] = useState(false);
  const failed = notLoaded || notDrawn;
  const data = boundary.data;

  useEffect(() => {
    const div = ref.current;
    if (!plotly || !div || !data) return;
    const xs = axis(data.x, data.size);
    const ys = axis(data.y, data.size);
    const z = Array.from({ length: data.size }, (_, row) =>
      data.values.slice(row * data.size, (row + 1) * data.size),
    );
    const labels = [...new Set(data.points.map((p) => p.label))].sort((a, b) => a - b);
    const traces = [
      {
        type: 'heatmap',
        x: xs,
        y: ys,
        z,
        zmin: data.shows === 'value' ? undefined : 0,
        zmax: data.shows === 'value' ? undefined : 1,
        colorscale: [
          [0, '#dbe4ff'],
          [0.5, '#ffffff'],
          [1, '#ffe3e3'],
        ],
        hovertemplate: `x %{x:.3g}, y %{y:.3g}<br>${SHOWN[data.shows]} %{z:.3f}<extra></extra>`,
        showscale: true,
      },
      ...labels.map((label) => ({
        type: 'scatter',
        mode: 'markers',
        name: classNames?.[label] ?? String(label),
        x: data.points.filter((p) => p.label === label).map((p) => p.x),
        y: data.points.filter((p) => p.label === label).map((p) => p.y),
        marker: { size: 10, color: classColor(label), line: { width: 1, color: '#ffffff' } },
      })),
    ] as unknown as Data[];
    const layout: Partial<Layout> = {
      width: 420,
      height: 380,
      margin: { l: 48, r: 16, t: 16, b: 44 },
      font: { family: 'system-ui, sans-serif', size: 12, color: COLORS.muted },
      xaxis: { title: { text: data.axes?.[0] ?? 'input 1' } },
      yaxis: { title: { text: data.axes?.[1] ?? 'input 2' } },
      legend: { orientation: 'h', y: -0.2 },
    };
    // A drawing that throws (no canvas to draw on) says so instead of breaking the page.
    void Promise.resolve()
      .then(() => plotly.react(div, traces, layout, CHART_CONFIG))
      .then((plot) => {
        plot.removeAllListeners?.('plotly_click');
        plot.on('plotly_click', (event) => {
          const point = event.points[0];
          if (point && typeof point.x === 'number' && typeof point.y === 'number') {
            pickRef.current?.(point.x, point.y);
          }
        });
      })
      .catch(() => setNotDrawn(true));
  }, [plotly, data, classNames]);

  if (boundary.error !== undefined) {
    return (
      <p className="training-error" role="alert">
        {describeError(boundary.error, 'The decision boundary could not be computed. Try again.')}
      </p>
    );
  }
  return (
    <div className="inside-boundary">
      <h5>Decision boundary</h5>
      <p className="section-hint">
        The network&apos;s answer at every point of the plane of its two inputs (colour), with the
        data on it: where the colour turns is where the network changes its mind.
        {onPickPoint ? ' Click anywhere to ask the network about that point.' : ''}
      </p>
      {failed && (
        <p className="training-error">
          The chart could not be drawn. Reload the page to try again.
        </p>
      )}
      <div
        ref={ref}
        hidden={failed}
        data-chart="decision-boundary"
        data-size={data?.size}
        role="img"
        aria-label={
          data
            ? `Decision boundary: the ${SHOWN[data.shows]} over a ${data.size} × ${data.size} grid, with ${data.points.length} data points`
            : 'Decision boundary, being computed'
        }
      />
      {data?.units && (
        <div className="inside-units">
          <h5>What each unit of the first layer sees</h5>
          <p className="section-hint">
            Each square is the same plane: orange where the unit&apos;s output is positive, blue
            where negative (white to orange when it is never negative). The line between the colours
            is that unit&apos;s own boundary; the network&apos;s boundary is built from them.
          </p>
          <ul className="inside-unit-maps" aria-label={`Units of ${data.units.layer}`}>
            {data.units.values.map((values, k) => (
              <li key={k}>
                <PictureCanvas
                  layers={[unitPicture(values, data.size)]}
                  size={72}
                  label={`Unit ${k + 1} of ${data.units!.layer}`}
                />
                <span>unit {k + 1}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
