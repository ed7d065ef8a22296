import { BrowserWindow, dialog } from 'electron';
import { join } from 'node:path';
import { rendererUrl } from './renderer-location';
import { loadWindowState, rememberWindowState } from './window-state';

/**
 * The main window. Its page is treated as untrusted: it runs sandboxed without Node, talks to
 * main only through the preload's small API, and can neither navigate away nor open windows.
 */
export function createMainWindow(): BrowserWindow {
  const saved = loadWindowState();
  const window = new BrowserWindow({
    width: saved?.bounds.width ?? 1280,
    height: saved?.bounds.height ?? 820,
    ...(saved ? { x: saved.bounds.x, y: saved.bounds.y } : {}),
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Neurite',
    backgroundColor: '#f6f7f9',
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  });

  window.once('ready-to-show', () => {
    if (saved?.maximized) window.maximize();
    window.show();
  });
  rememberWindowState(window);
  // Neurite is a single page: any navigation (a dropped file, a stray link) would replace it.
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  // The page refuses to unload while edits are not stored yet. A browser asks the user then;
  // Electron would silently keep the window open, so ask here instead.
  window.webContents.on('will-prevent-unload', (event) => {
    const choice = dialog.showMessageBoxSync(window, {
      type: 'warning',
      buttons: ['Close without saving', 'Stay'],
      defaultId: 1,
      cancelId: 1,
      title: 'Unsaved changes',
      message: 'Some changes to this project are not saved yet.',
      detail: 'Stay a moment and Neurite saves them, or close now and lose the last edits.',
    });
    // preventDefault() here overrides the page's refusal, so the window closes.
    if (choice === 0) event.preventDefault();
  });

  void window.loadURL(rendererUrl());
  return window;
}
