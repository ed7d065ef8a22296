import type { Config, Layout, Plotly } from './plotly';

/** Colours from styles.css (Plotly needs real colours, not CSS variables). */
export const COLORS = {
  text: '#1d2430',
  muted: '#5d6777',
  grid: '#e1e4ea',
  train: '#3a5bd9',
  validation: '#d9480f',
  test: '#2b8a3e',
  learningRate: '#7048e8',
} as const;

/** Colours of overlaid runs, in order. */
export const RUN_COLORS = [
  '#3a5bd9',
  '#d9480f',
  '#2b8a3e',
  '#7048e8',
  '#c2255c',
  '#0b7285',
  '#e67700',
  '#495057',
] as const;

/**
 * Up to this many epochs a per-epoch curve marks every epoch with a dot. Beyond it the dots
 * merge into a smear, and each is an SVG element Plotly restyles on every redraw: a long run
 * of a small network (XOR for 50,000 epochs) drew tens of thousands of them, until its view
 * fell seconds behind the trainer and Stop took a minute to show.
 */
const MOST_MARKED_EPOCHS = 200;

/** A per-epoch curve's Plotly mode for a run of `epochs` epochs. */
export function epochCurveMode(epochs: number): 'lines+markers' | 'lines' {
  return epochs <= MOST_MARKED_EPOCHS ? 'lines+markers' : 'lines';
}

export const CHART_CONFIG: Partial<Config> = {
  displaylogo: false,
  modeBarButtonsToRemove: ['select2d', 'lasso2d', 'autoScale2d', 'toggleSpikelines'],
};

export function chartLayout(options: {
  readonly title: string;
  readonly xTitle: string;
  readonly yTitle: string;
  readonly yPercent?: boolean;
  readonly yLog?: boolean;
  /** Start the y axis at 0, so a constant curve does not float in the middle of ±0.5. */
  readonly yFromZero?: boolean;
}): Partial<Layout> {
  // A fraction (accuracy) always reads on 0–100%, never on an autorange like −50%…100%.
  const fractionRange = options.yPercent ? { range: [0, 1.04], autorange: false } : {};
  return {
    title: { text: options.title, font: { size: 14, color: COLORS.text }, x: 0.02 },
    height: 260,
    // The toolbar stands upright in the right margin, clear of the title.
    margin: { l: 56, r: 40, t: 36, b: 40 },
    modebar: { orientation: 'v' },
    font: { family: 'system-ui, sans-serif', size: 12, color: COLORS.muted },
    paper_bgcolor: '#ffffff',
    plot_bgcolor: '#ffffff',
    hovermode: 'closest',
    showlegend: true,
    legend: { orientation: 'h', y: -0.2, x: 0, font: { size: 11 } },
    xaxis: {
      title: { text: options.xTitle, standoff: 4 },
      // Margins grow to fit long tick labels (0.0001), so a title never lies on them.
      automargin: true,
      gridcolor: COLORS.grid,
      zeroline: false,
      rangemode: 'tozero',
    },
    yaxis: {
      title: { text: options.yTitle, standoff: 8 },
      automargin: true,
      // Outside ticks keep the labels clear of the x axis's first label where the axes meet.
      ticks: 'outside',
      ticklen: 4,
      tickcolor: COLORS.grid,
      exponentformat: 'power',
      gridcolor: COLORS.grid,
      zeroline: false,
      ...(options.yPercent ? { tickformat: '.0%' } : {}),
      ...(options.yLog ? { type: 'log' as const } : {}),
      ...(options.yFromZero ? { rangemode: 'tozero' as const } : {}),
      ...fractionRange,
    },
  };
}

/**
 * Keeps a chart as wide as its box. (Plotly's own `responsive` option listens to the window
 * only, and its listener outlives a chart React removed.)
 */
export function followSize(plotly: Plotly, div: HTMLDivElement): () => void {
  let width = div.clientWidth;
  const observer = new ResizeObserver(() => {
    if (div.clientWidth === width || !div.isConnected || div.clientWidth === 0) return;
    width = div.clientWidth;
    // Plots.resize returns a promise, though its types say void.
    Promise.resolve(plotly.Plots.resize(div) as unknown).catch(() => undefined);
  });
  observer.observe(div);
  return () => observer.disconnect();
}
