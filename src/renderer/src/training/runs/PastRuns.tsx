import { useEffect, useMemo, useState } from 'react';
import { describeError, useApi, useApiEvent, useApiQuery, useLatestRequest } from '../../api';
import type { Run } from '../../../../shared/api/records';
import { RunCurves, type NamedSeries } from '../charts/RunCurves';
import { RunSeries } from '../model/series';
import { FinalResults } from '../results/FinalResults';
import { RunDiagnosis } from '../results/RunDiagnosis';
import type { ComparedRun } from './CompareSettings';
import { CompareSettings } from './CompareSettings';
import { ExportModelButton } from '../results/ExportModelButton';
import { ExportResultsButtons } from '../results/ExportResultsButtons';
import { RunsList } from './RunsList';
import { LiveInsideView } from '../live-inside/LiveInsideView';
import { InsidePanel } from '../../inside/InsidePanel';
import { datasetLabel, runNames } from '../model/run-labels';

export interface PastRunsProps {
  readonly projectId: string;
  /** Bumped when a run starts or ends, so the list is read again. */
  readonly version: number;
  readonly datasetTitles: Readonly<Record<string, string>>;
  /** The run the live charts show. */
  readonly liveRunId: string | undefined;
  /** That run, while it waits for a free core (the database knows it only as running). */
  readonly waitingRunId?: string | undefined;
}

const errorText = (error: unknown, doing: string) =>
  describeError(
    error,
    `The runs could not be ${doing}: Neurite did not answer. Try again in a moment.`,
  );

/** The project's runs, and the curves of the ones the user checks, overlaid to compare. */
export function PastRuns({
  projectId,
  version,
  datasetTitles,
  liveRunId,
  waitingRunId,
}: PastRunsProps) {
  const api = useApi();
  const listing = useApiQuery('runs.list', { projectId }, [version]);
  const runs = useMemo(
    () => [...(listing.data ?? [])].sort((a, b) => b.startedAt.localeCompare(a.startedAt)),
    [listing.data],
  );
  // Reading the details or deleting a run failed; a newer list clears it.
  const [actionError, setActionError] = useState<{ list: unknown; message: string }>();
  const error =
    listing.error !== undefined
      ? errorText(listing.error, 'read')
      : actionError?.list === listing.data
        ? actionError?.message
        : undefined;
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [details, setDetails] = useState<ReadonlyMap<string, Run>>(new Map());

  const { reload } = listing;
  useApiEvent('project.changed', (payload) => {
    if (payload.projectId === projectId) reload();
  });

  // Details of checked runs are fetched once each; a run that ended since is fetched again.
  const reading = useLatestRequest();
  useEffect(() => {
    const wanted = [...selected].filter((runId) => {
      const summary = runs.find((run) => run.id === runId);
      const known = details.get(runId);
      if (!summary) return false;
      return !known || known.status !== summary.status || known.epochsRun !== summary.epochsRun;
    });
    if (wanted.length === 0) return;
    return reading.run(
      () => Promise.allSettled(wanted.map((runId) => api.call('runs.get', { runId }))),
      (answers) => {
        const read = answers.flatMap((a) => (a.status === 'fulfilled' ? [a.value] : []));
        if (read.length > 0) {
          setDetails((current) => {
            const next = new Map(current);
            for (const run of read) next.set(run.id, run);
            return next;
          });
        }
        const failed = answers.find((a) => a.status === 'rejected');
        if (failed)
          setActionError({ list: listing.data, message: errorText(failed.reason, 'read') });
      },
    );
  }, [api, reading, selected, runs, details, listing.data]);

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
  const compared: ComparedRun[] = useMemo(
    () =>
      runs
        .filter((run) => selected.has(run.id) && details.has(run.id))
        .reverse()
        .map((run) => ({
          name: names.get(run.id) ?? 'Run',
          config: details.get(run.id)!.config,
          data: datasetLabel(run.data, datasetTitles),
        })),
    [runs, selected, details, names, datasetTitles],
  );

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
      reload();
    } catch (e) {
      setActionError({ list: listing.data, message: errorText(e, 'deleted') });
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
        waitingRunId={waitingRunId}
      />
      {shown.length > 0 && (
        <div className="compare-block" aria-label="Curves of the chosen runs">
          <RunCurves runs={shown} />
          {compared.length > 1 && <CompareSettings runs={compared} />}
          {single && single.id !== liveRunId && (
            <RunDiagnosis
              key={`diagnosis-${single.id}`}
              epochs={single.epochs}
              end={single.final}
            />
          )}
          {single?.final?.type === 'finished' && single.id !== liveRunId && (
            <FinalResults key={single.id} event={single.final} />
          )}
          {single?.liveInside && single.id !== liveRunId && (
            <LiveInsideView key={`live-${single.id}`} event={single.liveInside} past />
          )}
          {single?.final?.type === 'finished' && single.hasWeights && single.id !== liveRunId && (
            <>
              <ExportModelButton key={`export-${single.id}`} runId={single.id} />
              <ExportResultsButtons key={`results-${single.id}`} runId={single.id} />
              <InsidePanel key={`inside-${single.id}`} runId={single.id} />
            </>
          )}
          {single?.final?.type === 'failed' && (
            <p className="training-error">{single.final.message}</p>
          )}
        </div>
      )}
    </section>
  );
}
