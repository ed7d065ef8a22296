import { useState } from 'react';
import type { LabRef } from '../../../shared/labs/lab-api';
import { describeError, useApi } from '../api';
import { Dialog } from '../components/Dialog';
import { DialogForm } from '../components/DialogForm';
import { FieldError, TextField } from '../components/Field';

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
      <DialogForm submitLabel="Start the lab" busy={busy} onSubmit={start} onCancel={onClose}>
        <TextField label="Project name" value={name} onChange={setName} autoFocus />
        <FieldError problem={problem} />
      </DialogForm>
    </Dialog>
  );
}
