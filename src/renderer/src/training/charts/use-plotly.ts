import { useEffect } from 'react';
import { useRequest } from '../../api';
import { loadPlotly, type Plotly } from './plotly';

/**
 * Plotly, once it has loaded (it is fetched the first time a chart is shown); `failed` when it
 * could not be. A chart that closes before it arrives simply never draws.
 */
export function usePlotly(): { readonly plotly: Plotly | undefined; readonly failed: boolean } {
  const { data, error } = useRequest(loadPlotly, []);
  useEffect(() => {
    // For a bug report; the student sees the chart's own sentence.
    if (error !== undefined) console.warn('Plotly did not load:', error);
  }, [error]);
  return { plotly: data, failed: error !== undefined };
}
