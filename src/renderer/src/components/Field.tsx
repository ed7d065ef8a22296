import type { ReactNode } from 'react';

interface FieldProps {
  /** What the field holds, shown above it and naming its control. */
  readonly label: ReactNode;
  /** The control: an input or a select. */
  readonly children: ReactNode;
}

/** A form's control with its label, as the dialogs lay them out. */
export function Field({ label, children }: FieldProps) {
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      {children}
    </label>
  );
}

interface TextFieldProps {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly placeholder?: string;
  readonly autoFocus?: boolean;
}

/** A name typed into a dialog: one line, at most 200 characters, as the API accepts names. */
export function TextField({ label, value, onChange, placeholder, autoFocus }: TextFieldProps) {
  return (
    <Field label={label}>
      <input
        value={value}
        maxLength={200}
        placeholder={placeholder}
        autoFocus={autoFocus}
        onChange={(event) => onChange(event.target.value)}
      />
    </Field>
  );
}

interface FieldErrorProps {
  /** The sentence saying what went wrong and what to do; nothing is shown without one. */
  readonly problem: string | undefined;
  readonly className?: string;
}

/** What went wrong with a form, announced to screen readers as it appears. */
export function FieldError({ problem, className }: FieldErrorProps) {
  if (!problem) return null;
  return (
    <p className={className ? `field-error ${className}` : 'field-error'} role="alert">
      {problem}
    </p>
  );
}
