import type { GraphAnalysis } from '../../../../shared/inference/analyze';
import { formatCount } from '../../../../shared/inference/memory';

interface SummaryBarProps {
  readonly layers: number;
  readonly analysis: GraphAnalysis;
  /** The last thing the editor wants the student to know (a refused connection). */
  readonly status?: string | undefined;
}

/** Layers, parameters and errors of the network as it is now; updated on every edit. */
export function SummaryBar({ layers, analysis, status }: SummaryBarProps) {
  const { total, trainable } = analysis.totals;
  const errors = analysis.errorCount;
  return (
    <footer className="summary-bar">
      <dl className="summary">
        <Figure label="Layers" value={formatCount(layers)} />
        <Figure label="Parameters" value={formatCount(total)} />
        <Figure label="Trainable" value={formatCount(trainable)} />
        <Figure label="Errors" value={formatCount(errors)} tone={errors > 0 ? 'error' : 'ok'} />
      </dl>
      <p className="summary-status" role="status" aria-live="polite">
        {status ?? ''}
      </p>
    </footer>
  );
}

function Figure({ label, value, tone }: { label: string; value: string; tone?: 'ok' | 'error' }) {
  return (
    <div className={`summary-figure${tone ? ` summary-${tone}` : ''}`}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
