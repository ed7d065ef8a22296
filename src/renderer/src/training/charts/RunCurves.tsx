import { useEffect, useRef } from 'react';
import type { RunSeries } from '../model/series';
import { isFraction, metricTitle } from '../model/metric-names';
import { CHART_CONFIG, RUN_COLORS, chartLayout, epochCurveMode, followSize } from './chart-style';
import { type Data } from './plotly';
import { usePlotly } from './use-plotly';

export interface NamedSeries {
  readonly name: string;
  readonly series: RunSeries;
}

function traces(runs: readonly NamedSeries[], pick: 'loss' | 'metric'): Data[] {
  return runs.flatMap(({ name, series }, index) => {
    const color = RUN_COLORS[index % RUN_COLORS.length]!;
    const e = series.epochs;
    const train = pick === 'loss' ? e.loss : e.metric;
    const validation = pick === 'loss' ? e.validationLoss : e.validationMetric;
    const what = pick === 'loss' ? 'loss' : metricTitle(series.metric ?? '').toLowerCase();
    const format = pick === 'metric' && series.metric && isFraction(series.metric) ? '.1%' : '.4g';
    const mode = epochCurveMode(e.x.length);
    const result: Data[] = [
      {
        type: 'scatter',
        mode,
        name: `${name}: training`,
        x: e.x,
        y: train,
        line: { color, width: 2 },
        marker: { size: 4 },
        hovertemplate: `${name}<br>epoch %{x}<br>training ${what} %{y:${format}}<extra></extra>`,
      },
    ];
    if (series.hasValidation) {
      result.push({
        type: 'scatter',
        mode,
        name: `${name}: validation`,
        x: e.x,
        y: validation,
        line: { color, width: 2, dash: 'dash' },
        marker: { size: 4, symbol: 'square' },
        hovertemplate: `${name}<br>epoch %{x}<br>validation ${what} %{y:${format}}<extra></extra>`,
      });
    }
    return result;
  });
}

/**
 * Per-epoch curves of one or more past runs on the same axes: solid lines are training,
 * dashed ones validation, one colour per run.
 */
export function RunCurves({ runs }: { readonly runs: readonly NamedSeries[] }) {
  const lossRef = useRef<HTMLDivElement>(null);
  const metricRef = useRef<HTMLDivElement>(null);
  const { plotly, failed } = usePlotly();
  const metric = runs.find((run) => run.series.metric)?.series.metric;

  useEffect(() => {
    if (!plotly) return;
    const stops: (() => void)[] = [];
    for (const div of [lossRef.current, metricRef.current]) {
      if (div) stops.push(followSize(plotly, div));
    }
    if (lossRef.current) {
      void plotly.react(
        lossRef.current,
        traces(runs, 'loss'),
        chartLayout({ title: 'Loss per epoch', xTitle: 'epoch', yTitle: 'loss' }),
        CHART_CONFIG,
      );
    }
    if (metricRef.current && metric) {
      void plotly.react(
        metricRef.current,
        traces(
          runs.filter((run) => run.series.metric === metric),
          'metric',
        ),
        chartLayout({
          title: `${metricTitle(metric)} per epoch`,
          xTitle: 'epoch',
          yTitle: metricTitle(metric).toLowerCase(),
          yPercent: isFraction(metric),
        }),
        CHART_CONFIG,
      );
    }
    return () => stops.forEach((stop) => stop());
  }, [plotly, runs, metric]);

  if (failed) {
    return (
      <p className="training-error">
        The charts could not be loaded. Reload the page to try again.
      </p>
    );
  }
  return (
    <div className="training-charts">
      <div
        ref={lossRef}
        className="training-chart"
        data-chart="compare-loss"
        role="img"
        aria-label="Loss per epoch of the chosen runs"
      />
      {metric && (
        <div
          ref={metricRef}
          className="training-chart"
          data-chart="compare-metric"
          role="img"
          aria-label={`${metricTitle(metric)} per epoch of the chosen runs`}
        />
      )}
    </div>
  );
}
