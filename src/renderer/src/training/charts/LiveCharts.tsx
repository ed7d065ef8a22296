import { useEffect, useRef, useState } from 'react';
import type { LiveRun } from '../model/live-run';
import type { RunSeries } from '../model/series';
import { isFraction, metricTitle } from '../model/metric-names';
import { CHART_CONFIG, COLORS, chartLayout } from './chart-style';
import { loadPlotly, type Data, type Plotly } from './plotly';

/** Charts are extended at most this often: each extend redraws a chart, and 10 a second looks live. */
const MIN_FLUSH_MS = 100;

interface TraceSource {
  readonly x: readonly number[];
  readonly y: readonly (number | null)[];
  readonly text?: readonly string[];
}

/** One chart: a div, the arrays each trace plots, and how much of them is drawn. */
class ChartFeed {
  private drawn: number[];
  constructor(
    readonly div: HTMLDivElement,
    private readonly sources: () => readonly TraceSource[],
  ) {
    this.drawn = sources().map(() => 0);
  }

  /** Everything not drawn yet, as one extendTraces call; nothing when there is nothing new. */
  flush(plotly: Plotly): void {
    const sources = this.sources();
    const indices: number[] = [];
    const x: number[][] = [];
    const y: (number | null)[][] = [];
    const text: string[][] = [];
    sources.forEach((source, index) => {
      const from = this.drawn[index]!;
      if (source.x.length <= from) return;
      indices.push(index);
      x.push(source.x.slice(from));
      y.push(source.y.slice(from));
      text.push(source.text ? source.text.slice(from) : source.x.slice(from).map(() => ''));
      this.drawn[index] = source.x.length;
    });
    if (indices.length === 0) return;
    void plotly.extendTraces(this.div, { x, y, text } as unknown as Data, indices);
  }
}

function lossTraces(series: RunSeries): { traces: Data[]; sources: () => TraceSource[] } {
  const b = series.batches;
  const e = series.epochs;
  return {
    traces: [
      {
        name: 'Batch loss',
        mode: 'lines',
        line: { color: COLORS.train, width: 1 },
        opacity: 0.25,
        hovertemplate: '%{text}<br>loss %{y:.4g}<extra>batch</extra>',
      },
      {
        name: 'Batch loss (smoothed)',
        mode: 'lines',
        line: { color: COLORS.train, width: 2 },
        hovertemplate: '%{text}<br>smoothed loss %{y:.4g}<extra>smoothed</extra>',
      },
      {
        name: 'Training loss per epoch',
        mode: 'lines+markers',
        line: { color: COLORS.train, width: 2, dash: 'dot' },
        marker: { size: 5 },
        hovertemplate: 'epoch %{x}<br>training loss %{y:.4g}<extra></extra>',
      },
      {
        name: 'Validation loss per epoch',
        mode: 'lines+markers',
        line: { color: COLORS.validation, width: 2 },
        marker: { size: 5 },
        hovertemplate: 'epoch %{x}<br>validation loss %{y:.4g}<extra></extra>',
      },
    ].map((trace) => ({ ...trace, type: 'scatter', x: [], y: [], text: [] }) as Data),
    sources: () => [
      { x: b.x, y: b.loss, text: b.label },
      { x: b.x, y: b.smoothed, text: b.label },
      { x: e.x, y: e.loss },
      { x: e.x, y: series.hasValidation ? e.validationLoss : [] },
    ],
  };
}

function metricTraces(
  series: RunSeries,
  metric: string,
): { traces: Data[]; sources: () => TraceSource[] } {
  const e = series.epochs;
  const title = metricTitle(metric).toLowerCase();
  const format = isFraction(metric) ? '.1%' : '.4g';
  return {
    traces: [
      {
        name: `Training ${title}`,
        mode: 'lines+markers',
        line: { color: COLORS.train, width: 2 },
        marker: { size: 5 },
        hovertemplate: `epoch %{x}<br>training ${title} %{y:${format}}<extra></extra>`,
      },
      {
        name: `Validation ${title}`,
        mode: 'lines+markers',
        line: { color: COLORS.validation, width: 2 },
        marker: { size: 5 },
        hovertemplate: `epoch %{x}<br>validation ${title} %{y:${format}}<extra></extra>`,
      },
    ].map((trace) => ({ ...trace, type: 'scatter', x: [], y: [] }) as Data),
    sources: () => [
      { x: e.x, y: e.metric },
      { x: e.x, y: series.hasValidation ? e.validationMetric : [] },
    ],
  };
}

function learningRateTraces(series: RunSeries): { traces: Data[]; sources: () => TraceSource[] } {
  const b = series.batches;
  return {
    traces: [
      {
        type: 'scatter',
        name: 'Learning rate',
        mode: 'lines',
        line: { color: COLORS.learningRate, width: 2, shape: 'hv' },
        x: [],
        y: [],
        text: [],
        hovertemplate: '%{text}<br>learning rate %{y:.4g}<extra></extra>',
      },
    ],
    sources: () => [{ x: b.x, y: b.learningRate, text: b.label }],
  };
}

/**
 * Loss, metric and learning-rate charts of the run that is training. Plotly draws into divs
 * React never touches again; new points arrive through LiveRun's once-per-frame notice and
 * extend the traces, so streaming events never re-render React or redraw a chart from scratch.
 */
export function LiveCharts({ run }: { readonly run: LiveRun }) {
  const lossRef = useRef<HTMLDivElement>(null);
  const metricRef = useRef<HTMLDivElement>(null);
  const rateRef = useRef<HTMLDivElement>(null);
  const [metric, setMetric] = useState<string | undefined>(run.series.metric);
  const [loadError, setLoadError] = useState<string>();

  // The metric chart appears once the first epoch says which metric the run reports.
  useEffect(() => {
    if (metric) return;
    return run.subscribe(() => {
      if (run.series.metric) setMetric(run.series.metric);
    });
  }, [run, metric]);

  useEffect(() => {
    let cancelled = false;
    let plotly: Plotly | undefined;
    const divs = [lossRef.current, metricRef.current, rateRef.current];
    const feeds: ChartFeed[] = [];
    let lastFlush = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      timer = undefined;
      if (!plotly) return;
      lastFlush = performance.now();
      for (const feed of feeds) feed.flush(plotly);
    };
    const onFrame = () => {
      if (timer !== undefined) return;
      const wait = MIN_FLUSH_MS - (performance.now() - lastFlush);
      if (wait <= 0) flush();
      else timer = setTimeout(() => requestAnimationFrame(flush), wait);
    };
    const unsubscribe = run.subscribe(onFrame);

    const makeChart = async (
      div: HTMLDivElement | null,
      chart: { traces: Data[]; sources: () => TraceSource[] },
      layout: Parameters<typeof chartLayout>[0],
    ) => {
      if (!div || !plotly) return;
      await plotly.newPlot(div, chart.traces, chartLayout(layout), CHART_CONFIG);
      if (cancelled) return;
      const feed = new ChartFeed(div, chart.sources);
      feed.flush(plotly);
      feeds.push(feed);
    };

    loadPlotly()
      .then(async (loaded) => {
        if (cancelled) return;
        plotly = loaded;
        await makeChart(lossRef.current, lossTraces(run.series), {
          title: 'Loss',
          xTitle: 'epoch',
          yTitle: 'loss',
        });
        if (metric) {
          await makeChart(metricRef.current, metricTraces(run.series, metric), {
            title: metricTitle(metric),
            xTitle: 'epoch',
            yTitle: metricTitle(metric).toLowerCase(),
            yPercent: isFraction(metric),
          });
        }
        await makeChart(rateRef.current, learningRateTraces(run.series), {
          title: 'Learning rate',
          xTitle: 'epoch',
          yTitle: 'α',
        });
      })
      .catch(() => setLoadError('The charts could not be loaded. Reload the page to try again.'));

    return () => {
      cancelled = true;
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
      for (const div of divs) {
        if (div && plotly) plotly.purge(div);
      }
    };
  }, [run, metric]);

  if (loadError) return <p className="training-error">{loadError}</p>;
  return (
    <div className="training-charts">
      <div
        ref={lossRef}
        className="training-chart"
        data-chart="loss"
        role="img"
        aria-label="Loss chart"
      />
      {metric && (
        <div
          ref={metricRef}
          className="training-chart"
          data-chart="metric"
          data-metric={metric}
          role="img"
          aria-label={`${metricTitle(metric)} chart`}
        />
      )}
      <div
        ref={rateRef}
        className="training-chart"
        data-chart="learning-rate"
        role="img"
        aria-label="Learning rate chart"
      />
    </div>
  );
}
