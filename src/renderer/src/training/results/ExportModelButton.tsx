import { useState } from 'react';
import { describeError, useApi } from '../../api';
import { saveFileForUser } from '../../save-file';

/**
 * Takes a finished run's trained model out of Neurite as a TensorFlow.js model (model.json and
 * weights.bin in a zip): the desktop app's Save dialog, or a download in a browser.
 */
export function ExportModelButton({ runId }: { readonly runId: string }) {
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState<{ text: string; failed: boolean }>();
  const exportModel = async () => {
    setBusy(true);
    setSaid(undefined);
    try {
      const file = await api.call('runs.exportModel', { runId, format: 'tfjs' });
      const done = await saveFileForUser(api, file);
      if (done) setSaid({ text: done, failed: false });
    } catch (error) {
      setSaid({ text: describeError(error, 'The model could not be exported.'), failed: true });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="export-model">
      <button
        type="button"
        className="button small"
        disabled={busy}
        onClick={() => void exportModel()}
      >
        {busy ? 'Exporting…' : 'Export the trained model (TensorFlow.js)…'}
      </button>
      <span className="section-hint">
        model.json and weights.bin, which tf.loadLayersModel reads in a browser or in Node.
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
