import { useState } from 'react';
import { describeError, useApi } from '../api';
import { Dialog } from '../components/Dialog';
import { saveFileForUser } from '../save-file';

interface HandInDialogProps {
  readonly projectId: string;
  /** Saves the network first: the submission holds what is stored. */
  readonly saveNow: () => Promise<void>;
  readonly onClose: () => void;
  /** The sentence to show once the file is saved or downloaded. */
  readonly onDone: (said: string) => void;
}

const FAILED =
  'Your work could not be handed in. Check that Neurite is still running, then try again.';

/** The student's name, then one `.neurite` file with the project, its runs and the lab's progress. */
export function HandInDialog({ projectId, saveNow, onClose, onDone }: HandInDialogProps) {
  const api = useApi();
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);

  const handIn = async () => {
    const studentName = name.trim();
    if (!studentName) return setProblem('Type your name, so your teacher knows whose work it is.');
    setBusy(true);
    setProblem(undefined);
    try {
      await saveNow();
      const file = await api.call('labs.handIn', { projectId, studentName });
      const said = await saveFileForUser(api, file);
      if (said) onDone(said);
      else setBusy(false);
    } catch (error) {
      setProblem(describeError(error, FAILED));
      setBusy(false);
    }
  };

  return (
    <Dialog title="Hand in" onClose={onClose}>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void handIn();
        }}
      >
        <p className="dialog-hint">
          Neurite saves one file with your network, your runs and your answers. Give it to your
          teacher as they asked (a shared folder, the course website…).
        </p>
        <label className="field">
          <span className="field-label">Your name</span>
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
            {busy ? 'Handing in…' : 'Hand in'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
