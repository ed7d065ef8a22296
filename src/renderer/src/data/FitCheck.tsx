import { useId } from 'react';
import type { DatasetFit, FitEdit } from '../../../shared/data/dataset-preview';

export interface FitCheckProps {
  readonly fit: DatasetFit;
  /** The network changed and the fit is being checked again. */
  readonly checking: boolean;
  /** Applies fixes to the network; without it the fixes are only words. */
  readonly onApply?: ((edits: readonly FitEdit[]) => void) | undefined;
  /** Why the network refused the last fix applied, if it did. */
  readonly applyError?: string | undefined;
}

/**
 * Whether the data set fits the project's network, and exactly what to change if not; a fix
 * that is a change of one layer's settings can be applied from here.
 */
export function FitCheck({ fit, checking, onApply, applyError }: FitCheckProps) {
  const id = useId();
  const heading =
    fit.status === 'fits'
      ? 'Fits your network'
      : fit.status === 'mismatch'
        ? 'Does not fit your network'
        : 'Not checked against your network yet';
  // Offered only as the fit check planned it: every fix together, checked to leave no mismatch.
  const allFixes = fit.applyAll ?? [];
  const onlyEdit = fit.problems.length === 1 ? fit.problems[0]!.edit : undefined;
  const offerAll =
    allFixes.length > 0 && JSON.stringify(allFixes) !== JSON.stringify(onlyEdit ? [onlyEdit] : []);
  return (
    <section
      className={`data-fit data-fit-${fit.status}`}
      aria-label="Fit with the network"
      aria-busy={checking}
    >
      <h3 className="data-fit-title">
        <span className="data-fit-icon" aria-hidden="true">
          {fit.status === 'fits' ? '✓' : fit.status === 'mismatch' ? '✕' : '•'}
        </span>
        {heading}
      </h3>
      {fit.status === 'fits' && fit.notes.length === 0 && (
        <p>The network’s Input takes these examples and its Output gives what they need.</p>
      )}
      {fit.notes.map((note, i) => (
        <p key={i}>{note}</p>
      ))}
      {fit.status === 'unchecked' && fit.problems.length === 0 && (
        <p>There is no network to check this data set against.</p>
      )}
      {fit.problems.length > 0 && (
        <ul className="data-fit-problems">
          {fit.problems.map((problem, i) => (
            <li key={i}>
              <p>{problem.message}</p>
              <div className="data-fit-fix-row">
                <p className="data-fit-fix" id={`${id}-fix-${i}`}>
                  <strong>Fix:</strong> {problem.fix}
                </p>
                {onApply && problem.edit && (
                  <button
                    type="button"
                    className="button data-fit-apply"
                    aria-describedby={`${id}-fix-${i}`}
                    title={editSummary(problem.edit)}
                    disabled={checking}
                    onClick={() => onApply([problem.edit!])}
                  >
                    Apply fix
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {onApply && offerAll && (
        <div className="data-fit-apply-all">
          <button
            type="button"
            className="button button-primary"
            disabled={checking}
            title={allFixes.map(editSummary).join('; ')}
            onClick={() => onApply(allFixes)}
          >
            Apply all fixes
          </button>
          <span className="data-hint">
            Changes the network; Ctrl+Z in the Network tab undoes it.
          </span>
        </div>
      )}
      {applyError && (
        <p className="data-fit-refused" role="alert">
          The fix could not be applied: {applyError}
        </p>
      )}
    </section>
  );
}

/** Exactly what a button will change, for its tooltip: a sentence may offer two options. */
function editSummary(edit: FitEdit): string {
  const values = Object.entries(edit.params).map(
    ([name, value]) => `${name} = ${JSON.stringify(value)}`,
  );
  return `Sets ${values.join(', ')} on layer "${edit.nodeId}"`;
}
