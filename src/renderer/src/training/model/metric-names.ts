import { isFraction } from '../../../../shared/training/metric-names';

/**
 * Names and choice of the numbers a run reports, shared by charts, tables and the runs list:
 * the names and the choice come from src/shared (the exported figures use them too), the
 * formatting of values is the page's.
 */
export { headlineMetric, isFraction, metricTitle } from '../../../../shared/training/metric-names';

export function formatMetric(name: string, value: number): string {
  if (isFraction(name)) return `${(value * 100).toFixed(1)}%`;
  return formatValue(value);
}

/** A loss or error: four significant digits, scientific only for the very small. */
export function formatValue(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value !== 0 && Math.abs(value) < 1e-3) return value.toExponential(2);
  return Number(value.toPrecision(4)).toString();
}
