import { useState } from 'react';
import type { LabRef } from '../../../shared/labs/lab-api';
import { describeError, useApi } from '../api';
import { Dialog } from '../components/Dialog';

interface StartLabDialogProps {
  readonly lab: LabRef;
  readonly title: string;
  readonly onClose: () => void;
  readonly onStarted: (projectId: string) => void;
}

/** Names the project a lab starts (the lab's title unless the student types another). */
export function StartLabDialog({ lab, title, onClose, onStarted }: StartLabDialogProps) {
  const api = useApi();
  const [name, setName] = useState(title);
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);

  const start = async () => {
    setBusy(true);
    try {
      const project = await api.call('labs.start', { lab, name: name.trim() || title });
      onStarted(project.id);
    } catch (error) {
      setProblem(describeError(error, 'The lab could not be started. Try again.'));
      setBusy(false);
    }
  };

  return (
    <Dialog title={`Start “${title}”`} onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void start();
        }}
      >
        <label className="field">
          <span className="field-label">Project name</span>
          <input
            value={name}
            maxLength={200}
            autoFocus
            onChange={(event) => setName(event.target.value)}
          />
        </label>
        {problem && (
          <p className="field-error" role="alert">
            {problem}
          </p>
        )}
        <div className="dialog-buttons">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            Start the lab
          </button>
        </div>
      </form>
    </Dialog>
  );
}
