import type { GraphIssue } from './analyze';

/**
 * Warnings that do not stop training but make it pointless: the loss expects values the
 * final activation cannot give, or a step unit blocks every gradient. The editor, the data
 * panel and the Start button all treat these more loudly than advice.
 */
export const RUINOUS_WARNING_CODES: ReadonlySet<string> = new Set([
  'output.loss-activation',
  'activation.step-no-gradient',
]);

/** The warnings among `issues` that will ruin a training run, in their order. */
export function ruinousWarnings(issues: readonly GraphIssue[]): GraphIssue[] {
  return issues.filter(
    (issue) => issue.severity === 'warning' && RUINOUS_WARNING_CODES.has(issue.code),
  );
}
