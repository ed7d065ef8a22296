import { formatValue } from './model/answers';
import { valueRange } from './model/picture';

/** Numbers as labelled horizontal bars: class probabilities, or saliency per feature. */
export function ValueBars({
  label,
  names,
  values,
  highlight,
  signed = false,
}: {
  readonly label: string;
  readonly names: readonly string[];
  readonly values: readonly number[];
  /** The bar to mark (the predicted class). */
  readonly highlight?: number | undefined;
  /** Bars are scaled to the largest |value| (saliency); otherwise values are shares of 1. */
  readonly signed?: boolean;
}) {
  const top = signed ? Math.max(...valueRange(values.map(Math.abs)), Number.MIN_VALUE) : 1;
  return (
    <ul className="inside-bars" aria-label={label}>
      {values.map((value, i) => (
        <li key={i} className={i === highlight ? 'inside-bar highlight' : 'inside-bar'}>
          <span className="inside-bar-name">{names[i] ?? String(i)}</span>
          <span className="inside-bar-track">
            <span
              className="inside-bar-fill"
              style={{ width: `${Math.round((Math.min(1, Math.abs(value) / top) || 0) * 100)}%` }}
            />
          </span>
          <span className="inside-bar-value">{formatValue(value)}</span>
        </li>
      ))}
    </ul>
  );
}
