import { useEffect, useMemo, useState } from 'react';
import { ApiCallError, getApiClient } from '../../api';
import type { Run, RunSummary } from '../../../../shared/api/records';
import { RunCurves, type NamedSeries } from '../charts/RunCurves';
import { RunSeries } from '../model/series';
import { FinalResults } from '../results/FinalResults';
import { RunsList } from './RunsList';
import { runNames } from '../model/run-labels';

export interface PastRunsProps {
  readonly projectId: string;
  /** Bumped when a run starts or ends, so the list is read again. */
  readonly version: number;
  readonly datasetTitles: Readonly<Record<string, string>>;
  /** The run the live charts show. */
  readonly liveRunId: string | undefined;
}

function errorText(error: unknown, doing: string): string {
  return error instanceof ApiCallError
    ? error.error.message
    : `The runs could not be ${doing}: Neurite did not answer. Try again in a moment.`;
}

/** The project's runs, and the curves of the ones the user checks, overlaid to compare. */
export function PastRuns({ projectId, version, datasetTitles, liveRunId }: PastRunsProps) {
  const api = getApiClient();
  const [runs, setRuns] = useState<readonly RunSummary[]>([]);
  const [reloads, setReloads] = useState(0);
  const [error, setError] = useState<string>();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [details, setDetails] = useState<ReadonlyMap<string, Run>>(new Map());

  useEffect(
    () =>
      api.on('project.changed', (payload) => {
        if (payload.projectId === projectId) setReloads((n) => n + 1);
      }),
    [api, projectId],
  );

  useEffect(() => {
    let cancelled = false;
    api
      .call('runs.list', { projectId })
      .then((list) => {
        if (cancelled) return;
        setRuns([...list].sort((a, b) => b.startedAt.localeCompare(a.startedAt)));
        setError(undefined);
      })
      .catch((e: unknown) => {
        if (!cancelled) setError(errorText(e, 'read'));
      });
    return () => {
      cancelled = true;
    };
  }, [api, projectId, version, reloads]);

  // Details of checked runs are fetched once each; a run that ended since is fetched again.
  useEffect(() => {
    let cancelled = false;
    for (const runId of selected) {
      const summary = runs.find((run) => run.id === runId);
      const known = details.get(runId);
      if (!summary) continue;
      if (known && known.status === summary?.status && known.epochsRun === summary.epochsRun) {
        continue;
      }
      api
        .call('runs.get', { runId })
        .then((run) => {
          if (!cancelled) setDetails((current) => new Map(current).set(runId, run));
        })
        .catch((e: unknown) => {
          if (!cancelled) setError(errorText(e, 'read'));
        });
    }
    return () => {
      cancelled = true;
    };
  }, [api, selected, runs, details]);

  const names = useMemo(() => runNames(runs), [runs]);
  const shown: NamedSeries[] = useMemo(
    () =>
      runs
        .filter((run) => selected.has(run.id) && details.has(run.id))
        .reverse()
        .map((run) => ({
          name: names.get(run.id) ?? 'Run',
          series: RunSeries.fromRecords(details.get(run.id)!.epochs),
        })),
    [runs, selected, details, names],
  );
  const single = selected.size === 1 ? details.get([...selected][0]!) : undefined;

  const toggle = (runId: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(runId)) next.delete(runId);
      else next.add(runId);
      return next;
    });

  const remove = async (runId: string) => {
    try {
      await api.call('runs.delete', { runId });
      setSelected((current) => {
        const next = new Set(current);
        next.delete(runId);
        return next;
      });
      setReloads((n) => n + 1);
    } catch (e) {
      setError(errorText(e, 'deleted'));
    }
  };

  return (
    <section className="past-runs" aria-label="Runs">
      <h2 className="training-subtitle">Runs of this project</h2>
      <p className="section-hint">
        Check runs to see their curves; check two or more to compare them on the same axes.
      </p>
      <RunsList
        runs={runs}
        names={names}
        datasetTitles={datasetTitles}
        selected={selected}
        onToggle={toggle}
        onOpen={(runId) => setSelected(new Set([runId]))}
        onDelete={remove}
        error={error}
      />
      {shown.length > 0 && (
        <div className="compare-block" aria-label="Curves of the chosen runs">
          <RunCurves runs={shown} />
          {single?.final?.type === 'finished' && single.id !== liveRunId && (
            <FinalResults key={single.id} event={single.final} />
          )}
          {single?.final?.type === 'failed' && (
            <p className="training-error">{single.final.message}</p>
          )}
        </div>
      )}
    </section>
  );
}
