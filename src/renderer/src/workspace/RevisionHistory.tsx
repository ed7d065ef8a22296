import { useMemo, useState } from 'react';
import type { RevisionSummary } from '../../../shared/api/records';
import { describeError, useApi, useRequest } from '../api';
import { Dialog } from '../components/Dialog';
import { plural } from '../../../shared/text/plural';
import { formatDateTime } from '../format';
import type { ProjectSession } from './project-session';

interface RevisionHistoryProps {
  readonly session: ProjectSession;
  readonly onClose: () => void;
  readonly onRestored: (savedAt: string) => void;
}

/** Every saved version of the network, newest first; any of them can be made current again. */
export function RevisionHistory({ session, onClose, onRestored }: RevisionHistoryProps) {
  const api = useApi();
  // The newest edits are saved first, so they are in the list.
  const reading = useRequest(
    () =>
      session
        .saveNow()
        .catch(() => undefined)
        .then(() => api.call('graph.revisions', { projectId: session.projectId })),
    [api, session],
  );
  const revisions = useMemo(
    () => reading.data && [...reading.data].sort((a, b) => b.id - a.id),
    [reading.data],
  );
  const [restoreProblem, setRestoreProblem] = useState<string>();
  const problem =
    restoreProblem ??
    (reading.error === undefined
      ? undefined
      : describeError(reading.error, 'The history could not be read.'));
  const [busy, setBusy] = useState(false);

  const restore = async (revision: RevisionSummary) => {
    setBusy(true);
    try {
      await session.restoreRevision(revision.id);
      onRestored(formatDateTime(revision.savedAt, true));
    } catch (error) {
      setRestoreProblem(describeError(error, 'That version could not be restored.'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title="History" onClose={onClose}>
      <p className="dialog-hint">
        Every save is kept. Restoring a version makes it the current network; the version you have
        now stays in this list.
      </p>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      {!revisions && !problem && <p className="loading">Reading the history…</p>}
      {revisions && (
        <ol className="revision-list">
          {revisions.map((revision, index) => (
            <li key={revision.id} className="revision">
              <span className="revision-text">
                <span className="revision-time">{formatDateTime(revision.savedAt, true)}</span>
                <span className="revision-size">
                  {plural(revision.nodeCount, 'layer')}, {plural(revision.edgeCount, 'connection')}
                </span>
                <span className="revision-changes">{changesText(revision.changes)}</span>
              </span>
              {index === 0 ? (
                <span className="revision-current">Current</span>
              ) : (
                <button
                  type="button"
                  className="button"
                  disabled={busy}
                  onClick={() => void restore(revision)}
                >
                  Restore
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
    </Dialog>
  );
}

/** "Added Dense, hidden: units 8 → 16": the phrases as one sentence-like line. */
function changesText(changes: readonly string[]): string {
  const text = changes.join(', ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
