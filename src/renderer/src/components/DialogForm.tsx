import './dialog-form.css';
import type { ReactNode } from 'react';

interface DialogFormProps {
  /** The primary button's text, saying what pressing it (or Enter) does. */
  readonly submitLabel: string;
  /** While true the primary button is disabled: the work it started is under way. */
  readonly busy: boolean;
  readonly onSubmit: () => Promise<void>;
  readonly onCancel: () => void;
  readonly className?: string;
  /** The form's fields, above its buttons. */
  readonly children: ReactNode;
}

/** A dialog's form: its fields, then Cancel and the primary button; Enter submits. */
export function DialogForm({
  submitLabel,
  busy,
  onSubmit,
  onCancel,
  className,
  children,
}: DialogFormProps) {
  return (
    <form
      className={className ? `dialog-form ${className}` : 'dialog-form'}
      onSubmit={(event) => {
        event.preventDefault();
        void onSubmit();
      }}
    >
      {children}
      <div className="dialog-buttons">
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
