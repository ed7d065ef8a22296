import type { TopLevelSpec } from 'vega-lite';

/** The look every exported figure shares: the app's colours, and one font the PNGs embed. */
export const FIGURE_FONT = 'DejaVu Sans';

export const FIGURE_COLORS = {
  text: '#1d2430',
  muted: '#5d6777',
  grid: '#e1e4ea',
  training: '#3a5bd9',
  validation: '#d9480f',
} as const;

const CONFIG = {
  font: `${FIGURE_FONT}, sans-serif`,
  background: '#ffffff',
  padding: 12,
  title: { fontSize: 14, fontWeight: 'normal', color: FIGURE_COLORS.text, anchor: 'start' },
  axis: {
    labelColor: FIGURE_COLORS.muted,
    titleColor: FIGURE_COLORS.text,
    titleFontWeight: 'normal',
    titleFontSize: 12,
    labelFontSize: 11,
    gridColor: FIGURE_COLORS.grid,
    domainColor: FIGURE_COLORS.muted,
    tickColor: FIGURE_COLORS.muted,
  },
  // The top label of a y axis kept inside the chart, so that titles of charts side by side
  // stand at the same height whatever their numbers.
  axisY: { labelFlush: true },
  legend: {
    labelColor: FIGURE_COLORS.text,
    labelFontSize: 12,
    symbolType: 'stroke',
    symbolSize: 400,
    symbolStrokeWidth: 2,
  },
  view: { stroke: FIGURE_COLORS.grid },
} as const;

/**
 * A Vega-Lite figure drawn as SVG, headless: Vega lays it out and writes the SVG without a
 * browser or a canvas, so the app and the command line draw the same figure. Vega is loaded
 * on first use (it is an ES module with top-level await, so only `import()` can load it from
 * the bundled main process).
 */
export async function vegaLiteSvg(spec: TopLevelSpec): Promise<string> {
  const [vega, vegaLite] = await Promise.all([import('vega'), import('vega-lite')]);
  const compiled = vegaLite.compile({
    ...spec,
    config: { ...CONFIG, ...spec.config },
  }).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', logLevel: vega.Error });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
