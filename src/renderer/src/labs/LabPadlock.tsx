import './labs.css';
import { SET_BY_THE_LAB } from './locked-settings';

/**
 * Beside a setting the lab keeps: the student sees why the field cannot be changed. Inside a
 * field's label it is `decorative`, so the field's name stays its label ("Learning rate") and
 * the field says "Set by the lab" itself (see lockedFieldProps).
 */
/** Drawn rather than an emoji: not every machine has a font with one. No text inside it. */
function PadlockIcon() {
  return (
    <svg width="11" height="12" viewBox="0 0 11 12" aria-hidden="true" focusable="false">
      <path d="M3 5V3.5a2.5 2.5 0 0 1 5 0V5" fill="none" stroke="currentColor" strokeWidth="1.4" />
      <rect x="1" y="5" width="9" height="7" rx="1.5" fill="currentColor" />
    </svg>
  );
}

export function LabPadlock({ decorative = false }: { readonly decorative?: boolean }) {
  return decorative ? (
    <span className="lab-padlock" aria-hidden="true" title={SET_BY_THE_LAB}>
      <PadlockIcon />
    </span>
  ) : (
    <span className="lab-padlock" role="img" aria-label={SET_BY_THE_LAB} title={SET_BY_THE_LAB}>
      <PadlockIcon />
    </span>
  );
}
