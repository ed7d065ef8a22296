import { useState } from 'react';
import type { FitEdit } from '../../../shared/data/dataset-preview';
import type { GraphDocument } from '../../../shared/graph/document';
import { csvTargetNames, type Shown } from './model/dataset-choice';
import { PreviewPane } from './PreviewPane';

/**
 * The data panel's view side: what went wrong, what is loading, and the data set on show with
 * its fit check, whose fixes change the network.
 */
export function DataView({
  graph,
  shown,
  loading,
  refreshing,
  stale,
  alerts,
  onApplyFix,
  onApplyFixes,
}: {
  /** The network as it is now in the editor. */
  readonly graph: GraphDocument;
  readonly shown: Shown | undefined;
  /** What is being loaded ("Uploading…", "Loading Iris…"), if anything is. */
  readonly loading: string | undefined;
  /** The fit is being checked again after an edit of the network. */
  readonly refreshing: boolean;
  /** A newer data set is loading: the one shown is about to be replaced. */
  readonly stale: boolean;
  /** Failures to show above the data set. */
  readonly alerts: readonly string[];
  readonly onApplyFix?: ((edit: FitEdit) => string | void) | undefined;
  readonly onApplyFixes?: ((edits: readonly FitEdit[]) => string | void) | undefined;
}) {
  // Kept with the network it was refused on: any later edit makes it old news.
  const [applyError, setApplyError] = useState<{ graph: GraphDocument; message: string }>();

  const applyFixes =
    onApplyFix || onApplyFixes
      ? (edits: readonly FitEdit[]) => {
          let refused: string | void = undefined;
          if (onApplyFixes) refused = onApplyFixes(edits);
          else for (const edit of edits) refused ??= onApplyFix!(edit);
          // Applied: the network changes, and the fit is checked again like after any edit.
          setApplyError(refused ? { graph, message: refused } : undefined);
        }
      : undefined;

  return (
    <div className="data-view">
      {alerts.map((alert, i) => (
        <p key={i} className="data-alert" role="alert">
          {alert}
        </p>
      ))}
      {loading && (
        <p className="data-loading" role="status">
          {loading}
        </p>
      )}
      {shown ? (
        <div className={stale ? 'data-stale' : undefined}>
          <PreviewPane
            result={shown.result}
            // The fit shown is for an older network until the check after an edit is back.
            refreshing={refreshing || shown.graph !== graph}
            targets={csvTargetNames(shown)}
            onApplyFixes={applyFixes}
            applyError={applyError?.graph === graph ? applyError.message : undefined}
          />
        </div>
      ) : (
        !loading && (
          <p className="empty data-empty">
            Choose a built-in data set or import your own to see its examples here, and whether it
            fits your network.
          </p>
        )
      )}
    </div>
  );
}
