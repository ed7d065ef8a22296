import {
  describeMemoryToRun,
  formatBytes,
  formatCount,
  memoryToRun,
} from '../../../shared/inference/memory';
import { plural } from '../../../shared/text/plural';
import type { NetworkInspection } from '../inspection';

export function NetworkTotals({ inspection }: { readonly inspection: NetworkInspection }) {
  const { rows, totals, errorCount, warningCount } = inspection;
  return (
    <dl className="totals">
      <Total label="Layers" value={String(rows.length)} />
      <Total
        label="Parameters"
        value={formatCount(totals.total)}
        note={`${formatCount(totals.trainable)} learned in training`}
      />
      {/* The same figure as the editor's summary bar, explained the same way. */}
      <Total
        label="Memory"
        value={formatBytes(memoryToRun(totals))}
        help={describeMemoryToRun(totals)}
      />
      <Total
        label="Status"
        value={statusText(errorCount, warningCount)}
        tone={errorCount > 0 ? 'error' : warningCount > 0 ? 'warning' : 'ok'}
      />
    </dl>
  );
}

interface TotalProps {
  readonly label: string;
  readonly value: string;
  readonly note?: string;
  readonly tone?: 'ok' | 'warning' | 'error';
  /** What the figure counts, shown when pointed at. */
  readonly help?: string;
}

function Total({ label, value, note, tone, help }: TotalProps) {
  return (
    <div className={`total${tone ? ` total-${tone}` : ''}`} title={help}>
      <dt>{label}</dt>
      <dd>
        <span className="total-value">{value}</span>
        {note && <span className="total-note">{note}</span>}
      </dd>
    </div>
  );
}

function statusText(errors: number, warnings: number): string {
  if (errors > 0) return plural(errors, 'error');
  if (warnings > 0) return plural(warnings, 'warning');
  return 'Ready to train';
}
