import { useId } from 'react';

/**
 * A labelled number field that keeps what the user typed and shows the problem with it
 * underneath, tied to the input for screen readers.
 */
export function NumberField({
  label,
  hint,
  value,
  error,
  min,
  max,
  step,
  onChange,
}: {
  label: string;
  hint?: string | undefined;
  value: string;
  error: string | undefined;
  min?: number;
  max?: number;
  step?: number;
  onChange: (text: string) => void;
}) {
  const id = useId();
  return (
    <div className={`data-field${error ? ' data-field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        value={value}
        min={min}
        max={max}
        step={step}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-help`}
        onChange={(event) => onChange(event.target.value)}
      />
      <span id={`${id}-help`} className={error ? 'data-field-error' : 'data-field-hint'}>
        {error ?? hint}
      </span>
    </div>
  );
}
