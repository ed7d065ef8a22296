import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserWindow, Rectangle } from 'electron';
import { app, screen } from 'electron';

interface WindowState {
  readonly bounds: Rectangle;
  readonly maximized: boolean;
}

const file = (): string => path.join(app.getPath('userData'), 'window-state.json');

/** The last window position and size, if it still fits on a connected screen. */
export function loadWindowState(): WindowState | undefined {
  try {
    const state = JSON.parse(readFileSync(file(), 'utf8')) as WindowState;
    const visible = screen.getAllDisplays().some((display) => {
      const area = display.workArea;
      return (
        state.bounds.x < area.x + area.width &&
        state.bounds.x + state.bounds.width > area.x &&
        state.bounds.y < area.y + area.height &&
        state.bounds.y + state.bounds.height > area.y
      );
    });
    return visible ? state : undefined;
  } catch {
    return undefined;
  }
}

/** Remembers where the window was when it closes. */
export function rememberWindowState(window: BrowserWindow): void {
  window.on('close', () => {
    const state: WindowState = {
      bounds: window.getNormalBounds(),
      maximized: window.isMaximized(),
    };
    try {
      writeFileSync(file(), JSON.stringify(state));
    } catch {
      // Losing the window position is not worth bothering the user about.
    }
  });
}
