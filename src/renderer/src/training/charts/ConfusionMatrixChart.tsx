import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ConfusionMatrix } from '../../../../shared/training/events';
import { CHART_CONFIG, COLORS } from './chart-style';
import { type Data, type Layout } from './plotly';
import { usePlotly } from './use-plotly';

/**
 * The confusion matrix as a heatmap: rows are the true class, columns the predicted one, each
 * cell shows its count. The diagonal holds the examples classified right.
 */
export function ConfusionMatrixChart({
  matrix,
  title,
  onChooseCell,
}: {
  readonly matrix: ConfusionMatrix;
  readonly title: string;
  /** Clicking a cell: its true class (row) and predicted class (column), as indices. */
  readonly onChooseCell?: (label: number, predicted: number) => void;
}) {
  const chooseRef = useRef(onChooseCell);
  useLayoutEffect(() => {
    chooseRef.current = onChooseCell;
  });
  const clickable = onChooseCell !== undefined;
  const ref = useRef<HTMLDivElement>(null);
  const { plotly, failed: notLoaded } = usePlotly();
  const [notDrawn, setNotDrawn] = useState(false);
  const failed = notLoaded || notDrawn;
  const total = matrix.counts.flat().reduce((sum, count) => sum + count, 0);

  useEffect(() => {
    const div = ref.current;
    if (!plotly || !div) return;
    const size = Math.min(560, Math.max(300, 120 + matrix.labels.length * 42));
    const trace = {
      type: 'heatmap',
      z: matrix.counts,
      x: matrix.labels,
      y: matrix.labels,
      colorscale: [
        [0, '#ffffff'],
        [1, COLORS.train],
      ],
      showscale: false,
      texttemplate: '%{z}',
      textfont: { size: matrix.labels.length > 12 ? 9 : 12 },
      xgap: 1,
      ygap: 1,
      hovertemplate: `true class %{y}<br>predicted %{x}<br>%{z} examples${clickable ? '<br>click to see them' : ''}<extra></extra>`,
    } as unknown as Data;
    const layout: Partial<Layout> = {
      title: { text: title, font: { size: 14, color: COLORS.text }, x: 0.02 },
      width: size,
      height: size,
      margin: { l: 90, r: 16, t: 40, b: 80 },
      font: { family: 'system-ui, sans-serif', size: 12, color: COLORS.muted },
      xaxis: { title: { text: 'predicted class' }, type: 'category', side: 'bottom' },
      yaxis: { title: { text: 'true class' }, type: 'category', autorange: 'reversed' },
    };
    // A drawing that throws (no canvas to draw on) says so instead of breaking the page.
    void Promise.resolve()
      .then(() => plotly.react(div, [trace], layout, CHART_CONFIG))
      .then((plot) => {
        plot.removeAllListeners?.('plotly_click');
        plot.on('plotly_click', (event) => {
          const point = event.points[0];
          if (!point) return;
          const label = matrix.labels.indexOf(String(point.y));
          const predicted = matrix.labels.indexOf(String(point.x));
          if (label >= 0 && predicted >= 0) chooseRef.current?.(label, predicted);
        });
      })
      .catch(() => setNotDrawn(true));
  }, [plotly, matrix, title, clickable]);

  if (failed) {
    return (
      <p className="training-error">
        The confusion matrix could not be drawn. Reload the page to try again.
      </p>
    );
  }
  return (
    <div
      ref={ref}
      className="confusion-matrix"
      data-chart="confusion-matrix"
      data-total={total}
      data-classes={matrix.labels.length}
      role="img"
      aria-label={`${title}: ${matrix.labels.length} classes, ${total} examples`}
    />
  );
}
