import { useEffect, useRef, useState } from 'react';
import type { LiveBoundary as LiveBoundaryData } from '../../../../shared/training/live-inside';
import { BOUNDARY_SHOWN, boundaryFigure } from '../charts/boundary-figure';
import { CHART_CONFIG } from '../charts/chart-style';
import { usePlotly } from '../charts/use-plotly';

/**
 * The decision boundary as the run trains: redrawn in place (Plotly.react) with each new
 * look, so the colours move while the axes and any zoom stay put.
 */
export function LiveBoundary({
  boundary,
  classNames,
  epoch,
}: {
  readonly boundary: LiveBoundaryData;
  readonly classNames: readonly string[] | undefined;
  readonly epoch: number;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const { plotly, failed: notLoaded } = usePlotly();
  const [notDrawn, setNotDrawn] = useState(false);

  useEffect(() => {
    const div = ref.current;
    if (!plotly || !div) return;
    const { traces, layout } = boundaryFigure(boundary, classNames, { width: 360, height: 320 });
    // A drawing that throws (no canvas to draw on) says so instead of breaking the page.
    void Promise.resolve()
      .then(() => plotly.react(div, traces, { ...layout, uirevision: 'live' }, CHART_CONFIG))
      .catch(() => setNotDrawn(true));
  }, [plotly, boundary, classNames]);

  return (
    <figure className="live-boundary">
      <figcaption>
        <strong>Decision boundary</strong> after epoch {epoch}
      </figcaption>
      {notLoaded || notDrawn ? (
        <p className="training-error">
          The decision boundary could not be drawn. Reload the page to try again.
        </p>
      ) : (
        <div
          ref={ref}
          data-chart="live-decision-boundary"
          data-epoch={epoch}
          data-size={boundary.size}
          role="img"
          aria-label={`Decision boundary after epoch ${epoch}: the ${BOUNDARY_SHOWN[boundary.shows]} over a ${boundary.size} × ${boundary.size} grid, with ${boundary.points.length} data points`}
        />
      )}
    </figure>
  );
}
