import type { DecisionBoundary } from '../../../../shared/inside/inside-schemas';
import { classColor } from '../../data/class-colors';
import { COLORS } from './chart-style';
import type { Data, Layout } from './plotly';

/** What the colour of a decision boundary means, in words. */
export const BOUNDARY_SHOWN: Readonly<Record<DecisionBoundary['shows'], string>> = {
  'second-class-probability': 'probability of the second class',
  'winning-probability': 'probability of the winning class',
  value: 'predicted value',
};

/** What a decision-boundary figure draws: the grid's answers and the data points. */
export type BoundaryData = Pick<
  DecisionBoundary,
  'size' | 'x' | 'y' | 'values' | 'shows' | 'points' | 'axes'
>;

/** The grid's coordinates along one axis, `size` points from low to high. */
function axis([low, high]: readonly [number, number], size: number): number[] {
  return Array.from({ length: size }, (_, i) => low + ((high - low) * i) / (size - 1));
}

/**
 * The Plotly traces and layout of a decision boundary: the network's answer over the plane as
 * a heat map, the data points on it coloured by class. Used by the Inside panel of a finished
 * run and by the live view while a run trains.
 */
export function boundaryFigure(
  data: BoundaryData,
  classNames: readonly string[] | undefined,
  size: { readonly width: number; readonly height: number } = { width: 420, height: 380 },
): { traces: Data[]; layout: Partial<Layout> } {
  const xs = axis(data.x, data.size);
  const ys = axis(data.y, data.size);
  const z = Array.from({ length: data.size }, (_, row) =>
    data.values.slice(row * data.size, (row + 1) * data.size),
  );
  const labels = [...new Set(data.points.map((p) => p.label))].sort((a, b) => a - b);
  const traces = [
    {
      type: 'heatmap',
      x: xs,
      y: ys,
      z,
      zmin: data.shows === 'value' ? undefined : 0,
      zmax: data.shows === 'value' ? undefined : 1,
      colorscale: [
        [0, '#dbe4ff'],
        [0.5, '#ffffff'],
        [1, '#ffe3e3'],
      ],
      hovertemplate: `x %{x:.3g}, y %{y:.3g}<br>${BOUNDARY_SHOWN[data.shows]} %{z:.3f}<extra></extra>`,
      showscale: true,
    },
    ...labels.map((label) => ({
      type: 'scatter',
      mode: 'markers',
      name: classNames?.[label] ?? String(label),
      x: data.points.filter((p) => p.label === label).map((p) => p.x),
      y: data.points.filter((p) => p.label === label).map((p) => p.y),
      marker: { size: 10, color: classColor(label), line: { width: 1, color: '#ffffff' } },
    })),
  ] as unknown as Data[];
  const layout: Partial<Layout> = {
    width: size.width,
    height: size.height,
    margin: { l: 48, r: 16, t: 16, b: 44 },
    font: { family: 'system-ui, sans-serif', size: 12, color: COLORS.muted },
    xaxis: { title: { text: data.axes?.[0] ?? 'input 1' } },
    yaxis: { title: { text: data.axes?.[1] ?? 'input 2' } },
    legend: { orientation: 'h', y: -0.2 },
  };
  return { traces, layout };
}
