import { useEffect, useRef, useState, type RefObject } from 'react';
import type { LiveRun } from '../model/live-run';
import type { RunSeries } from '../model/series';
import { isFraction, metricTitle } from '../model/metric-names';
import { CHART_CONFIG, COLORS, chartLayout, epochCurveMode, followSize } from './chart-style';
import { type Data, type Plotly } from './plotly';
import { DrawPacer } from '../model/draw-pacer';
import { usePlotly } from './use-plotly';

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

/** Runs this short draw every batch as a point: their few epochs alone make no curve. */
const FEW_EPOCHS = 5;

function lossTraces(
  series: RunSeries,
  epochs: number,
): { traces: Data[]; sources: () => TraceSource[] } {
  const b = series.batches;
  const few = epochs <= FEW_EPOCHS;
  const e = series.epochs;
  return {
    traces: [
      {
        name: 'Batch loss',
        mode: few ? 'lines+markers' : 'lines',
        line: { color: COLORS.train, width: 1 },
        marker: { size: 4 },
        opacity: few ? 0.6 : 0.25,
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
        mode: epochCurveMode(epochs),
        line: { color: COLORS.train, width: 2, dash: 'dot' },
        marker: { size: 5 },
        hovertemplate: 'epoch %{x}<br>training loss %{y:.4g}<extra></extra>',
      },
      {
        name: 'Validation loss per epoch',
        mode: epochCurveMode(epochs),
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
  epochs: number,
): { traces: Data[]; sources: () => TraceSource[] } {
  const e = series.epochs;
  const title = metricTitle(metric).toLowerCase();
  const format = isFraction(metric) ? '.1%' : '.4g';
  return {
    traces: [
      {
        name: `Training ${title}`,
        mode: epochCurveMode(epochs),
        line: { color: COLORS.train, width: 2 },
        marker: { size: 5 },
        hovertemplate: `epoch %{x}<br>training ${title} %{y:${format}}<extra></extra>`,
      },
      {
        name: `Validation ${title}`,
        mode: epochCurveMode(epochs),
        line: { color: COLORS.validation, width: 2 },
        marker: { size: 5 },
        hovertemplate: `epoch %{x}<br>validation ${title} %{y:${format}}<extra></extra>`,
      },
    ].map((trace) => ({ ...trace, type: 'scatter', x: [], y: [], text: [] })),
    sources: () => [
      { x: e.x, y: e.metric },
      { x: e.x, y: series.hasValidation ? e.validationMetric : [] },
    ],
  };
}

function learningRateTraces(
  series: RunSeries,
  epochs: number,
): { traces: Data[]; sources: () => TraceSource[] } {
  const r = series.rates;
  return {
    traces: [
      {
        type: 'scatter',
        name: 'Learning rate',
        mode: epochs <= FEW_EPOCHS ? 'lines+markers' : 'lines',
        line: { color: COLORS.learningRate, width: 2, shape: 'hv' },
        marker: { size: 4 },
        x: [],
        y: [],
        text: [],
        hovertemplate: '%{text}<br>learning rate %{y:.4g}<extra></extra>',
      },
    ],
    sources: () => [{ x: r.x, y: r.value, text: r.label }],
  };
}

interface ChartSpec {
  readonly traces: Data[];
  readonly sources: () => TraceSource[];
  readonly layout: Parameters<typeof chartLayout>[0];
}

/**
 * Draws one chart into its div once Plotly is loaded and registers its feed. The div is not
 * purged on unmount: Plotly may still have a margin redraw queued for it, and React drops the
 * element anyway.
 */
function useChart(
  plotly: Plotly | undefined,
  ref: RefObject<HTMLDivElement | null>,
  feeds: RefObject<ChartFeed[]>,
  onError: (message: string) => void,
  spec: () => ChartSpec | undefined,
  /** A change redraws the chart with the spec's new layout (the points are kept). */
  layoutKey?: string,
): void {
  const chart = spec();
  const ready = chart !== undefined;
  const specRef = useRef(spec);
  useEffect(() => {
    specRef.current = spec;
  });
  useEffect(() => {
    const div = ref.current;
    const current = specRef.current();
    if (!plotly || !div || !current) return;
    let feed: ChartFeed | undefined;
    let cancelled = false;
    const stopResizing = followSize(plotly, div);
    plotly
      .newPlot(div, current.traces, chartLayout(current.layout), CHART_CONFIG)
      .then(() => {
        if (cancelled) return;
        feed = new ChartFeed(div, current.sources);
        feed.flush(plotly);
        feeds.current.push(feed);
      })
      .catch((error: unknown) => {
        console.warn('A chart could not be drawn:', error);
        onError('The charts could not be drawn. Reload the page to try again.');
      });
    return () => {
      cancelled = true;
      stopResizing();
      feeds.current = feeds.current.filter((f) => f !== feed);
    };
  }, [plotly, ref, feeds, onError, ready, layoutKey]);
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
  const [lossName, setLossName] = useState<string | undefined>(run.lossName);
  const { plotly, failed } = usePlotly();
  const [drawError, setDrawError] = useState<string>();
  const loadError = failed
    ? 'The charts could not be loaded. Reload the page to try again.'
    : drawError;
  const feeds = useRef<ChartFeed[]>([]);

  // The metric chart appears once the first epoch says which metric the run reports.
  useEffect(() => {
    if (metric) return;
    return run.subscribe(() => {
      if (run.series.metric) setMetric(run.series.metric);
    });
  }, [run, metric]);

  // The loss chart is titled with the loss the trainer uses once "started" names it.
  useEffect(() => {
    if (lossName) return;
    return run.subscribe(() => {
      if (run.lossName) setLossName(run.lossName);
    });
  }, [run, lossName]);

  // New points are drawn in the frame after they arrive, as often as the pacer allows.
  useEffect(() => {
    if (!plotly) return;
    const pacer = new DrawPacer();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      timer = undefined;
      const start = performance.now();
      for (const feed of feeds.current) feed.flush(plotly);
      pacer.drew(start, performance.now());
    };
    const unsubscribe = run.subscribe(() => {
      if (run.ended) {
        // The last points are drawn at once, so the charts are complete when "Finished" shows.
        if (timer !== undefined) clearTimeout(timer);
        flush();
        return;
      }
      if (timer !== undefined) return;
      const wait = pacer.waitFrom(performance.now());
      if (wait <= 0) flush();
      else timer = setTimeout(() => requestAnimationFrame(flush), wait);
    });
    return () => {
      unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [plotly, run]);

  useChart(
    plotly,
    lossRef,
    feeds,
    setDrawError,
    () => ({
      ...lossTraces(run.series, run.epochs),
      layout: { title: lossName ? `Loss (${lossName})` : 'Loss', xTitle: 'epoch', yTitle: 'loss' },
    }),
    lossName,
  );
  useChart(plotly, rateRef, feeds, setDrawError, () => ({
    ...learningRateTraces(run.series, run.epochs),
    layout: { title: 'Learning rate', xTitle: 'epoch', yTitle: 'α', yFromZero: true },
  }));
  useChart(plotly, metricRef, feeds, setDrawError, () =>
    metric
      ? {
          ...metricTraces(run.series, metric, run.epochs),
          layout: {
            title: metricTitle(metric),
            xTitle: 'epoch',
            yTitle: metricTitle(metric).toLowerCase(),
            yPercent: isFraction(metric),
          },
        }
      : undefined,
  );

  if (loadError) return <p className="training-error">{loadError}</p>;
  return (
    <div className="training-charts">
      <div
        ref={lossRef}
        className="training-chart"
        data-chart="loss"
        role="img"
        aria-label={lossName ? `Loss (${lossName}) chart` : 'Loss chart'}
      />
      <div
        ref={metricRef}
        className="training-chart"
        data-chart="metric"
        data-metric={metric}
        hidden={!metric}
        role="img"
        aria-label={metric ? `${metricTitle(metric)} chart` : 'Metric chart'}
      />
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
