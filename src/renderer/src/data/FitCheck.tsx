import type { DatasetFit } from '../../../shared/data/dataset-preview';

/** Whether the data set fits the project's network, and exactly what to change if not. */
export function FitCheck({ fit, checking }: { fit: DatasetFit; checking: boolean }) {
  const heading =
    fit.status === 'fits'
      ? 'Fits your network'
      : fit.status === 'mismatch'
        ? 'Does not fit your network'
        : 'Not checked against your network yet';
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
              <p className="data-fit-fix">
                <strong>Fix:</strong> {problem.fix}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
