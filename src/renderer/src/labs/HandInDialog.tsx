import { useState } from 'react';
import { describeError, useApi } from '../api';
import { Dialog } from '../components/Dialog';
import { DialogForm } from '../components/DialogForm';
import { FieldError, TextField } from '../components/Field';
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
      <DialogForm
        submitLabel={busy ? 'Handing in…' : 'Hand in'}
        busy={busy}
        onSubmit={handIn}
        onCancel={onClose}
      >
        <p className="dialog-hint">
          Neurite saves one file with your network, your runs and your answers. Give it to your
          teacher as they asked (a shared folder, the course website…).
        </p>
        <TextField label="Your name" value={name} onChange={setName} autoFocus />
        <FieldError problem={problem} />
      </DialogForm>
    </Dialog>
  );
}
