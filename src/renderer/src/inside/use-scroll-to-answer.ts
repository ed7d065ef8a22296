import { useEffect, useRef } from 'react';

/**
 * Brings the answer to the example the student just asked about into view. The answer is drawn
 * below every section of the panel, so after a click on the decision map or "Ask the network"
 * it would otherwise appear off screen, and the click would seem to do nothing. `asked` names
 * the question; the answer's place is scrolled to whenever it changes, not when the panel opens.
 */
export function useScrollToAnswer<E extends HTMLElement>(asked: string | undefined) {
  const place = useRef<E>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (asked !== undefined)
      place.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, [asked]);
  return place;
}
