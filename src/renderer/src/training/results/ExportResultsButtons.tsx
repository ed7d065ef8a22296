import { useState } from 'react';
import { describeError, useApi } from '../../api';
import { saveFileForUser } from '../../save-file';

type Result = 'predictions' | 'figures';

const FAILED: Readonly<Record<Result, string>> = {
  predictions: 'The test predictions could not be exported.',
  figures: 'The figures could not be exported.',
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
      setSaid({ text: describeError(error, FAILED[result]), failed: true });
    } finally {
      setBusy(undefined);
    }
  };
  const button = (result: Result, label: string) => (
    <button
      type="button"
      className="button small"
      disabled={busy !== undefined}
      onClick={() => void exportResult(result)}
    >
      {busy === result ? 'Exporting…' : label}
    </button>
  );
  return (
    <div className="export-results" role="group" aria-label="Export the results">
      <span>Export the results</span>
      {button('predictions', 'Test predictions (CSV)…')}
      {button('figures', 'Figures (PNG and SVG)…')}
      <span className="section-hint">
        A row per test example with its true and predicted class and each class’s probability; the
        loss and metric curves and the confusion matrix, as pictures.
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
