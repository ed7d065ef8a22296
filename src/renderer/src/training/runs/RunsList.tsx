import { useState } from 'react';
import type { RunSummary } from '../../../../shared/api/records';
import { STATUS_TITLES, datasetLabel, formatStartedAt, runHeadline } from '../model/run-labels';

export interface RunsListProps {
  readonly runs: readonly RunSummary[];
  readonly names: ReadonlyMap<string, string>;
  readonly datasetTitles: Readonly<Record<string, string>>;
  /** Runs whose curves are shown (checked). */
  readonly selected: ReadonlySet<string>;
  readonly onToggle: (runId: string) => void;
  /** Shows this run alone. */
  readonly onOpen: (runId: string) => void;
  readonly onDelete: (runId: string) => Promise<void>;
  readonly error: string | undefined;
  /** A run started but waiting for a free core: shown as waiting, not running. */
  readonly waitingRunId?: string | undefined;
}

/** The project's runs, newest first; check two or more to compare their curves. */
export function RunsList(props: RunsListProps) {
  const [confirming, setConfirming] = useState<string>();
  const [deleting, setDeleting] = useState<string>();
  if (props.runs.length === 0) {
    return <p className="empty">No runs yet. Press Start training and the run appears here.</p>;
  }
  return (
    <div className="table-frame">
      <table className="layer-table runs-table" aria-label="Runs of this project">
        <thead>
          <tr>
            <th scope="col">Compare</th>
            <th scope="col">Run</th>
            <th scope="col">Status</th>
            <th scope="col">Started</th>
            <th scope="col">Data set</th>
            <th scope="col" className="numeric">
              Epochs
            </th>
            <th scope="col">Result</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {props.runs.map((run) => {
            const name = props.names.get(run.id) ?? 'Run';
            return (
              <tr key={run.id} aria-selected={props.selected.has(run.id)}>
                <td>
                  <input
                    type="checkbox"
                    checked={props.selected.has(run.id)}
                    onChange={() => props.onToggle(run.id)}
                    aria-label={`Show ${name} on the charts`}
                  />
                </td>
                <td className="layer-name nowrap">{name}</td>
                <td>
                  {run.id === props.waitingRunId && run.status === 'running' ? (
                    <span
                      className="run-status run-status-queued"
                      title="Every core is training another run; this one starts when one ends."
                    >
                      Waiting for a free core
                    </span>
                  ) : (
                    <span className={`run-status run-status-${run.status}`}>
                      {STATUS_TITLES[run.status]}
                    </span>
                  )}
                  {run.status === 'failed' && run.message && (
                    <span className="run-message">{run.message}</span>
                  )}
                </td>
                <td className="nowrap">{formatStartedAt(run.startedAt)}</td>
                <td>{datasetLabel(run.data, props.datasetTitles)}</td>
                <td className="numeric">{run.epochsRun}</td>
                <td>{runHeadline(run.finalMetrics)}</td>
                <td>
                  <div className="run-actions">
                    {confirming === run.id ? (
                      <>
                        <span>Delete {name}?</span>
                        <button
                          type="button"
                          className="button small danger"
                          disabled={deleting === run.id}
                          onClick={() => {
                            setDeleting(run.id);
                            void props.onDelete(run.id).finally(() => {
                              setDeleting(undefined);
                              setConfirming(undefined);
                            });
                          }}
                        >
                          Delete
                        </button>
                        <button
                          type="button"
                          className="button small"
                          onClick={() => setConfirming(undefined)}
                        >
                          Keep
                        </button>
                      </>
                    ) : (
                      <>
                        <button
                          type="button"
                          className="button small"
                          onClick={() => props.onOpen(run.id)}
                          aria-label={`Open ${name}`}
                        >
                          Open
                        </button>
                        <button
                          type="button"
                          className="button small"
                          disabled={run.status === 'running'}
                          title={
                            run.status === 'running' ? 'Stop the run before deleting it' : undefined
                          }
                          onClick={() => setConfirming(run.id)}
                          aria-label={`Delete ${name}`}
                        >
                          Delete
                        </button>
                      </>
                    )}
                  </div>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {props.error && (
        <p className="training-error" role="alert">
          {props.error}
        </p>
      )}
    </div>
  );
}
