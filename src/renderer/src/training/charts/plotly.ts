import type * as PlotlyApi from 'plotly.js';

export type Plotly = typeof PlotlyApi;
export type { Data, Layout, Config, PlotlyHTMLElement } from 'plotly.js';

let loading: Promise<Plotly> | undefined;

/** Plotly is large (several MB), so it is fetched the first time a chart is shown. */
export function loadPlotly(): Promise<Plotly> {
  loading ??= import('plotly.js-dist-min').then((module) => module.default);
  return loading;
}
