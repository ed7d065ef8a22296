import type { ClassCount } from '../../../shared/data/dataset-preview';
import { classColor } from './class-colors';
import { percentText } from './model/describe-data';

/** How many examples each class has, as bars: a lopsided set is seen at once. */
export function ClassBalance({ counts }: { counts: readonly ClassCount[] }) {
  const total = counts.reduce((sum, c) => sum + c.count, 0);
  const largest = Math.max(1, ...counts.map((c) => c.count));
  return (
    <ul className="data-balance" aria-label="Class balance">
      {counts.map((c, i) => (
        <li key={i} className="data-balance-row">
          <span className="data-balance-name">{c.name}</span>
          <span className="data-balance-track" aria-hidden="true">
            <span
              className="data-balance-bar"
              style={{ width: `${(100 * c.count) / largest}%`, background: classColor(i) }}
            />
          </span>
          <span className="data-balance-count">
            {c.count.toLocaleString('en-US')} ({percentText(c.count, total)})
          </span>
        </li>
      ))}
    </ul>
  );
}
