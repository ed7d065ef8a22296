import { useEffect } from 'react';
import type { ApiEventPayload } from '../../shared/api/contract';

export type AppCommand = ApiEventPayload<'app.command'>['command'];

const EVENT = 'neurite:command';

/**
 * Menu items of the desktop app arrive as `app.command` events; the App re-broadcasts them on
 * the window so whichever screen is showing can act on the ones it knows.
 */
export function broadcastAppCommand(command: AppCommand): void {
  window.dispatchEvent(new CustomEvent<AppCommand>(EVENT, { detail: command }));
}

/** True when the focus is in a field that takes text: menu commands then act on its text. */
export function isTextField(target: Element | null): boolean {
  return (
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    (target instanceof HTMLElement && target.isContentEditable)
  );
}

/** Runs `handle` for each app command while the calling component is shown. */
export function useAppCommands(handle: (command: AppCommand) => void): void {
  useEffect(() => {
    const listener = (event: Event) => handle((event as CustomEvent<AppCommand>).detail);
    window.addEventListener(EVENT, listener);
    return () => window.removeEventListener(EVENT, listener);
  }, [handle]);
}
