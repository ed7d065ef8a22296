import { Dialog } from '../components/Dialog';

interface LabProblemsDialogProps {
  readonly message: string;
  readonly problems: readonly string[];
  readonly onClose: () => void;
}

/** Why a lab file cannot be used, each problem with its line, for whoever wrote the file. */
export function LabProblemsDialog({ message, problems, onClose }: LabProblemsDialogProps) {
  return (
    <Dialog title="This lab file cannot be used" onClose={onClose} wide>
      <p role="alert">{message}</p>
      {problems.length > 0 && (
        <ul className="lab-problems" aria-label="Problems in the lab file">
          {problems.map((problem, index) => (
            <li key={index}>{problem}</li>
          ))}
        </ul>
      )}
      <p className="dialog-hint">
        Fix these in the file (docs/lab-format.md describes every field), then open it again.
      </p>
      <div className="dialog-buttons">
        <button type="button" className="button button-primary" onClick={onClose}>
          OK
        </button>
      </div>
    </Dialog>
  );
}
