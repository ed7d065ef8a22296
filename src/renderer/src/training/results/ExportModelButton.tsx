import { useId, useState } from 'react';
import { EXPORT_FORMATS, EXPORT_FORMAT_INFO } from '../../../../shared/export/formats';
import type { ExportFormat } from '../../../../shared/export/formats';
import { describeError, useApi } from '../../api';
import { saveFileForUser } from '../../save-file';

/**
 * Takes a finished run's trained model out of Neurite in the format the student picks (its
 * files in one zip): the desktop app's Save dialog, or a download in a browser.
 */
export function ExportModelButton({ runId }: { readonly runId: string }) {
  const api = useApi();
  const formatId = useId();
  const [format, setFormat] = useState<ExportFormat>('tfjs');
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState<{ text: string; failed: boolean }>();
  const exportModel = async () => {
    setBusy(true);
    setSaid(undefined);
    try {
      const file = await api.call('runs.exportModel', { runId, format });
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
      <label htmlFor={formatId}>Export the trained model as</label>
      <select
        id={formatId}
        value={format}
        disabled={busy}
        onChange={(event) => {
          setFormat(event.target.value as ExportFormat);
          setSaid(undefined);
        }}
      >
        {EXPORT_FORMATS.map((choice) => (
          <option key={choice} value={choice}>
            {EXPORT_FORMAT_INFO[choice].title}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="button small"
        disabled={busy}
        onClick={() => void exportModel()}
      >
        {busy ? 'Exporting…' : 'Export…'}
      </button>
      <span className="section-hint">{EXPORT_FORMAT_INFO[format].contents}</span>
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
