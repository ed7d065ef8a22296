import { useId } from 'react';
import type { ChosenFile } from '../model/import-forms';

/**
 * Choosing a file or folder: a button that opens the system's dialog in the desktop app, or a
 * file input that uploads in a browser. Shows what is chosen and any problem with it.
 */
export function FilePicker({
  label,
  chosen,
  desktop,
  accept,
  buttonText,
  error,
  busy,
  onDesktopChoose,
  onUpload,
}: {
  label: string;
  chosen: ChosenFile | undefined;
  desktop: boolean;
  accept?: string;
  buttonText: string;
  error: string | undefined;
  busy: boolean;
  onDesktopChoose: () => void;
  onUpload: (files: File[]) => void;
}) {
  const id = useId();
  return (
    <div className={`data-field${error ? ' data-field-invalid' : ''}`}>
      <span className="data-field-label" id={`${id}-label`}>
        {label}
      </span>
      <div className="data-file-row">
        <span className="data-file-name" aria-labelledby={`${id}-label`}>
          {chosen ? chosen.name : 'None chosen'}
        </span>
        {desktop ? (
          <button type="button" className="data-button" disabled={busy} onClick={onDesktopChoose}>
            {buttonText}
          </button>
        ) : (
          <input
            id={id}
            type="file"
            className="data-file-input"
            accept={accept}
            aria-label={`${label}: ${buttonText}`}
            aria-describedby={error ? `${id}-error` : undefined}
            disabled={busy}
            onChange={(event) => {
              const files = [...(event.target.files ?? [])];
              // Cleared so choosing the same file again still uploads it.
              event.target.value = '';
              if (files.length > 0) onUpload(files);
            }}
          />
        )}
      </div>
      {error && (
        <span id={`${id}-error`} className="data-field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
