import { useCallback, useEffect, useRef, type RefObject } from 'react';

/**
 * The canvas can be opened and then hidden (another tab of the project) before React Flow has
 * measured its layers, which leaves the first "zoom to fit" undone and the network off screen.
 * So each time the canvas comes back into view, and as long as the student has not moved the
 * view themselves, fit the network again. Returns the handler that notices their moves.
 */
export function useFitWhenShown(
  container: RefObject<HTMLElement | null>,
  /** Zoom to fit (the readable one). */
  fit: () => void,
  hasLayers: () => boolean,
): (event: unknown) => void {
  const userMoved = useRef(false);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    let wasShown = element.offsetWidth > 0 && element.offsetHeight > 0;
    const observer = new ResizeObserver(() => {
      const shown = element.offsetWidth > 0 && element.offsetHeight > 0;
      if (shown && !wasShown && !userMoved.current && hasLayers()) {
        // After the layers have been measured in their new box.
        requestAnimationFrame(fit);
      }
      wasShown = shown;
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [container, fit, hasLayers]);

  // React Flow passes the pointer or wheel event for a move the user made, null for ours.
  return useCallback((event: unknown) => {
    if (event) userMoved.current = true;
  }, []);
}
