import { Dialog } from '../../components/Dialog';

interface StartWarningDialogProps {
  /** The warnings that will ruin this run, each as the editor words it. */
  readonly warnings: readonly string[];
  readonly onTrainAnyway: () => void;
  readonly onGoBack: () => void;
}

/**
 * Asked before a run whose network has a warning that will stop it learning (a loss that
 * does not suit the final activation, a step unit under gradient descent): training it is
 * allowed, since a student may want to see what happens, but never by accident.
 */
export function StartWarningDialog({ warnings, onTrainAnyway, onGoBack }: StartWarningDialogProps) {
  return (
    <Dialog title="Train with this warning?" onClose={onGoBack}>
      <p>This network will probably not learn:</p>
      <ul className="start-warnings">
        {warnings.map((warning) => (
          <li key={warning}>{warning}</li>
        ))}
      </ul>
      <p>Fix it on the Network tab, or train anyway to see what happens.</p>
      <div className="dialog-buttons">
        <button type="button" className="button" onClick={onGoBack}>
          Go back
        </button>
        <button type="button" className="button primary" onClick={onTrainAnyway}>
          Train anyway
        </button>
      </div>
    </Dialog>
  );
}
