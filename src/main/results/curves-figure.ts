import type { TopLevelSpec } from 'vega-lite';
import type { EpochRecord } from '../../shared/api/records';
import { isFraction, metricTitle } from '../../shared/training/metric-names';
import { epochCurves } from './epoch-curves';
import type { CurvePoint } from './epoch-curves';
import { FIGURE_COLORS, vegaLiteSvg } from './vega-svg';

const PARTS: readonly CurvePoint['part'][] = ['Training', 'Validation'];
/** Beyond this many epochs the dots would hide the lines: lines alone. */
const MOST_EPOCHS_WITH_DOTS = 60;

/**
 * The curves of a run as one SVG, as the app's charts show them: "Loss per epoch" and the
 * run's metric per epoch side by side, training solid and validation dashed. `classNames`
 * name whose precision, recall or F1 it is.
 */
export function curvesSvg(
  records: readonly EpochRecord[],
  classNames?: readonly string[],
): Promise<string> {
  const { points, metric, folds } = epochCurves(records);
  const epochs = new Set(points.map((point) => point.epoch)).size;
  const xTitle = folds > 1 ? `Epoch (the ${folds} folds one after another)` : 'Epoch';
  const chart = (which: CurvePoint['chart'], title: string, percent: boolean) => ({
    title: `${title} per epoch`,
    width: 360,
    height: 240,
    transform: [{ filter: { field: 'chart', equal: which } }],
    mark: {
      type: 'line' as const,
      strokeWidth: 2,
      // A description of every point would make a long run's file huge; the axes keep theirs.
      aria: false,
      ...(epochs <= MOST_EPOCHS_WITH_DOTS ? { point: { size: 24, aria: false } } : {}),
    },
    encoding: {
      x: {
        field: 'epoch',
        type: 'quantitative' as const,
        title: xTitle,
        axis: { tickMinStep: 1, format: 'd' },
      },
      y: {
        field: 'value',
        type: 'quantitative' as const,
        title,
        ...(percent ? { axis: { format: '.0%' } } : {}),
      },
      color: {
        field: 'part',
        type: 'nominal' as const,
        title: null,
        scale: {
          domain: [...PARTS],
          range: [FIGURE_COLORS.training, FIGURE_COLORS.validation],
        },
        legend: { orient: 'bottom' as const },
      },
      strokeDash: {
        field: 'part',
        type: 'nominal' as const,
        title: null,
        scale: {
          domain: [...PARTS],
          range: [
            [1, 0],
            [6, 4],
          ],
        },
        legend: { orient: 'bottom' as const },
      },
    },
  });
  const charts = [chart('loss', 'Loss', false)];
  if (metric && points.some((point) => point.chart === 'metric')) {
    charts.push(chart('metric', metricTitle(metric, classNames), isFraction(metric)));
  }
  const spec = {
    data: { values: points.map((point) => ({ ...point })) },
    hconcat: charts,
    resolve: { legend: { color: 'shared', strokeDash: 'shared' } },
  } as TopLevelSpec;
  return vegaLiteSvg(spec);
}
