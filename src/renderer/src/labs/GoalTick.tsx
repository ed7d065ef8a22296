/**
 * Neurite's tick beside a goal. It is a picture, never a checkbox: a goal is met when Neurite
 * sees it met, not when the student says so.
 */
export function GoalTick({ met }: { readonly met: boolean }) {
  return (
    <span
      className={`goal-tick${met ? ' goal-tick-met' : ''}`}
      role="img"
      aria-label={met ? 'Met' : 'Not met yet'}
    >
      {met ? '✓' : ''}
    </span>
  );
}
