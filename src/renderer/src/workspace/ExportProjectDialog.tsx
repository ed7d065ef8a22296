import { useId, useState } from 'react';
import { Dialog } from '../components/Dialog';
import { DialogForm } from '../components/DialogForm';
import { useAppTransport } from '../data/use-app-transport';

/** What a project file can hold: the network and settings, or those with the trained runs. */
export type ExportChoice = 'network' | 'runs';

const CHOICES: readonly { value: ExportChoice; title: string; holds: string }[] = [
  {
    value: 'network',
    title: 'Network and settings',
    holds:
      'A .neurite.json file: the network, the data set chosen and the training settings. Small; it opens in any Neurite, and the neurite command checks and trains it.',
  },
  {
    value: 'runs',
    title: 'Network with trained runs and weights',
    holds:
      'A .neurite file (a zip): the same, with every run’s curves, figures and trained weights, so its results open as they are.',
  },
];

interface ExportProjectDialogProps {
  /** The choice selected when the dialog opens (the menu's Save As or Export with runs). */
  readonly initial: ExportChoice;
  readonly onExport: (choice: ExportChoice) => Promise<void>;
  readonly onClose: () => void;
}

/**
 * Export…: says what each kind of project file holds, then saves the chosen one, with the
 * system's save dialog in the desktop app or as a download in a browser.
 */
export function ExportProjectDialog({ initial, onExport, onClose }: ExportProjectDialogProps) {
  const [choice, setChoice] = useState<ExportChoice>(initial);
  const [busy, setBusy] = useState(false);
  const name = useId();
  const transport = useAppTransport();
  return (
    <Dialog title="Export the project" onClose={onClose}>
      <DialogForm
        submitLabel={transport === 'electron' ? 'Save…' : 'Download'}
        busy={busy}
        onCancel={onClose}
        onSubmit={async () => {
          setBusy(true);
          try {
            await onExport(choice);
          } finally {
            setBusy(false);
          }
        }}
      >
        <fieldset className="export-choices">
          <legend>What to export</legend>
          {CHOICES.map((option) => (
            <label key={option.value} className="export-choice">
              <input
                type="radio"
                name={name}
                value={option.value}
                checked={choice === option.value}
                onChange={() => setChoice(option.value)}
              />
              <span>
                <span className="export-choice-title">{option.title}</span>
                <span className="export-choice-holds">{option.holds}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <p className="dialog-hint">
          {transport === 'electron'
            ? 'Neurite then asks where to save the file.'
            : 'Your browser then downloads the file.'}
        </p>
      </DialogForm>
    </Dialog>
  );
}
