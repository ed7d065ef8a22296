import { settingsThatDiffer } from '../model/run-differences';
import type { TrainingConfig } from '../../../../shared/training/config';

export interface ComparedRun {
  readonly name: string;
  readonly config: TrainingConfig;
  /** The data set, in words. */
  readonly data: string;
}

/** Beside overlaid curves: the settings the compared runs did not share, run by run. */
export function CompareSettings({ runs }: { readonly runs: readonly ComparedRun[] }) {
  const differences = settingsThatDiffer(
    runs.map((run) => run.config),
    runs.map((run) => run.data),
  );
  return (
    <section className="compare-settings" aria-label="Settings that differ">
      <h3 className="training-subtitle">Settings that differ</h3>
      {differences.length === 0 ? (
        <p className="section-hint">These runs used the same settings and data.</p>
      ) : (
        <div className="table-frame">
          <table className="layer-table">
            <thead>
              <tr>
                <th scope="col">Setting</th>
                {runs.map((run) => (
                  <th key={run.name} scope="col">
                    {run.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {differences.map((difference) => (
                <tr key={difference.label}>
                  <th scope="row">{difference.label}</th>
                  {difference.values.map((value, i) => (
                    <td key={i}>{value}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
