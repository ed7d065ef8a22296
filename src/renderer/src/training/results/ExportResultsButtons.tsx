import { useState } from 'react';
import { RESULT_FORMATS, RESULT_FORMAT_INFO } from '../../../../shared/export/run-results';
import type { ResultFormat } from '../../../../shared/export/run-results';
import { describeError, useApi } from '../../api';
import { saveFileForUser } from '../../save-file';

type Result = ResultFormat;

const LABEL: Readonly<Record<Result, string>> = {
  predictions: `${RESULT_FORMAT_INFO.predictions.title} (CSV)…`,
  figures: `${RESULT_FORMAT_INFO.figures.title} (PNG and SVG)…`,
};

/**
 * Takes a finished run's results out of Neurite, beside its model: the test predictions as a
 * CSV file, and the curves and confusion matrix as PNG and SVG in one zip, saved with the
 * desktop app's Save dialog or downloaded in a browser.
 */
export function ExportResultsButtons({ runId }: { readonly runId: string }) {
  const api = useApi();
  const [busy, setBusy] = useState<Result>();
  const [said, setSaid] = useState<{ text: string; failed: boolean }>();
  const exportResult = async (result: Result) => {
    setBusy(result);
    setSaid(undefined);
    try {
      const { fileName, base64, note }: { fileName: string; base64: string; note?: string } =
        result === 'predictions'
          ? await api.call('runs.exportPredictions', { runId })
          : await api.call('runs.exportFigures', { runId });
      const done = await saveFileForUser(api, { fileName, base64 });
      if (done) setSaid({ text: note ? `${done} ${note}` : done, failed: false });
    } catch (error) {
      setSaid({
        text: describeError(
          error,
          `The ${RESULT_FORMAT_INFO[result].title.toLowerCase()} could not be exported.`,
        ),
        failed: true,
      });
    } finally {
      setBusy(undefined);
    }
  };
  const button = (result: Result) => (
    <button
      type="button"
      className="button small"
      disabled={busy !== undefined}
      onClick={() => void exportResult(result)}
    >
      {busy === result ? 'Exporting…' : LABEL[result]}
    </button>
  );
  return (
    <div className="export-results" role="group" aria-label="Export the results">
      <span>Export the results</span>
      {button('predictions')}
      {button('figures')}
      <span className="section-hint">
        {RESULT_FORMATS.map(
          (result) => `${RESULT_FORMAT_INFO[result].title}: ${RESULT_FORMAT_INFO[result].contents}`,
        ).join(' ')}
      </span>
      {said && (
        <p
          className={said.failed ? 'training-error' : 'section-hint'}
          role={said.failed ? 'alert' : 'status'}
        >
          {said.text}
        </p>
      )}
    </div>
  );
}
