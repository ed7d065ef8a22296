import './labs.css';
import { SET_BY_THE_LAB } from './locked-settings';

/** Beside a setting the lab keeps: the student sees why the field cannot be changed. */
export function LabPadlock() {
  return (
    <span className="lab-padlock" role="img" aria-label={SET_BY_THE_LAB} title={SET_BY_THE_LAB}>
      🔒
    </span>
  );
}
