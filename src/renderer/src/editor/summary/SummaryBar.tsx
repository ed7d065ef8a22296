import type { EditorStatus } from '../actions/use-editor-actions';
import { ruinousWarnings } from '../../../../shared/inference/ruinous';
import './summary-bar.css';
import type { GraphAnalysis } from '../../../../shared/inference/analyze';
import {
  describeMemoryToRun,
  formatBytes,
  formatCount,
  memoryToRun,
} from '../../../../shared/inference/memory';

interface SummaryBarProps {
  readonly layers: number;
  readonly analysis: GraphAnalysis;
  /** The last thing the editor wants the student to know (a refused connection, a paste). */
  readonly status?: EditorStatus | undefined;
}

/**
 * Layers, parameters, memory, errors and warnings of the network as it is now; updated on
 * every edit. The warnings' tooltip lists the ones that will ruin training.
 */
export function SummaryBar({ layers, analysis, status }: SummaryBarProps) {
  const { total, trainable } = analysis.totals;
  const errors = analysis.errorCount;
  const warnings = analysis.warningCount;
  const ruinous = ruinousWarnings(analysis.issues);
  const warningsHelp =
    ruinous.length > 0
      ? `Training will not learn until this is fixed: ${ruinous.map((w) => w.message).join(' ')}`
      : undefined;
  // The one memory figure, as the template browser and neurite inspect show it.
  const memory = memoryToRun(analysis.totals);
  const memoryHelp = describeMemoryToRun(analysis.totals);
  return (
    <footer className="summary-bar">
      <dl className="summary">
        <Figure label="Layers" value={formatCount(layers)} />
        <Figure label="Parameters" value={formatCount(total)} />
        <Figure label="Trainable" value={formatCount(trainable)} />
        <Figure label="Memory" value={formatBytes(memory)} help={memoryHelp} />
        <Figure label="Errors" value={formatCount(errors)} tone={errors > 0 ? 'error' : 'ok'} />
        <Figure
          label="Warnings"
          value={formatCount(warnings)}
          tone={warnings > 0 ? 'warning' : 'ok'}
          {...(warningsHelp ? { help: warningsHelp } : {})}
        />
      </dl>
      <p
        className={`summary-status summary-status-${status?.tone ?? 'info'}`}
        role="status"
        aria-live="polite"
      >
        {status?.message ?? ''}
      </p>
    </footer>
  );
}

function Figure({
  label,
  value,
  tone,
  help,
}: {
  label: string;
  value: string;
  tone?: 'ok' | 'warning' | 'error';
  help?: string;
}) {
  return (
    <div
      className={`summary-figure${tone ? ` summary-${tone}` : ''}${help ? ' summary-has-help' : ''}`}
      title={help}
    >
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
