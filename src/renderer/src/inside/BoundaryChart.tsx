import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useApiQuery } from '../api';
import { AnswerError } from './AnswerError';
import { BOUNDARY_SHOWN, boundaryFigure } from '../training/charts/boundary-figure';
import { CHART_CONFIG } from '../training/charts/chart-style';
import { usePlotly } from '../training/charts/use-plotly';
import { unitPicture } from './model/picture';
import { PictureCanvas } from './PictureCanvas';

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
    const { traces, layout } = boundaryFigure(data, classNames);
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
      <AnswerError
        error={boundary.error}
        fallback={'The decision boundary could not be computed.'}
        onRetry={boundary.reload}
      />
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
            ? `Decision boundary: the ${BOUNDARY_SHOWN[data.shows]} over a ${data.size} × ${data.size} grid, with ${data.points.length} data points`
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
