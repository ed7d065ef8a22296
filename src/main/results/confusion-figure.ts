import type { TopLevelSpec } from 'vega-lite';
import type { ConfusionMatrix } from '../../shared/training/events';
import { FIGURE_COLORS, vegaLiteSvg } from './vega-svg';

/** Side of a cell, in pixels; many classes get smaller ones so the figure stays readable. */
function cellSize(classes: number): number {
  return classes <= 4 ? 64 : classes <= 10 ? 44 : Math.max(18, Math.floor(480 / classes));
}

/**
 * A confusion matrix as one SVG, oriented as the app shows it: a row per true class (top to
 * bottom in the classes' order), a column per predicted class, the count in each cell, darker
 * for more examples. `title` names the data it counts.
 */
export function confusionSvg(matrix: ConfusionMatrix, title: string): Promise<string> {
  const classes = matrix.labels.length;
  const cells = matrix.counts.flatMap((row, trueClass) =>
    row.map((count, predicted) => ({ trueClass, predicted, count })),
  );
  const most = Math.max(1, ...cells.map((cell) => cell.count));
  const size = cellSize(classes) * classes;
  const longest = Math.max(...matrix.labels.map((label) => label.length));
  // Class names are looked up by index: two classes of the same name stay two rows.
  const names = `${JSON.stringify(matrix.labels)}[datum.value]`;
  const axis = (angle: number) => ({
    labelExpr: names,
    labelLimit: 140,
    labelAngle: angle,
    ticks: false,
    domain: false,
  });
  const spec = {
    title,
    width: size,
    height: size,
    data: { values: cells },
    encoding: {
      x: {
        field: 'predicted',
        type: 'ordinal',
        title: 'Predicted class',
        scale: { domain: matrix.labels.map((_, k) => k) },
        axis: { ...axis(longest > 6 && classes > 3 ? -45 : 0), orient: 'bottom' },
      },
      y: {
        field: 'trueClass',
        type: 'ordinal',
        title: 'True class',
        scale: { domain: matrix.labels.map((_, k) => k) },
        axis: axis(0),
      },
    },
    layer: [
      {
        mark: { type: 'rect', stroke: FIGURE_COLORS.grid, strokeWidth: 1, aria: false },
        encoding: {
          color: {
            field: 'count',
            type: 'quantitative',
            scale: {
              domain: [0, most],
              range: ['#ffffff', FIGURE_COLORS.training],
              interpolate: 'rgb',
            },
            legend: null,
          },
        },
      },
      {
        mark: { type: 'text', fontSize: classes > 12 ? 9 : 12, aria: false },
        encoding: {
          text: { field: 'count', type: 'quantitative', format: 'd' },
          // Light text on dark cells, dark text on light ones.
          color: {
            condition: { test: `datum.count > ${most / 2}`, value: '#ffffff' },
            value: FIGURE_COLORS.text,
          },
        },
      },
    ],
  } as TopLevelSpec;
  return vegaLiteSvg(spec);
}
