/**
 * Electron entry point: the app's lifecycle and nothing else. Everything the app does lives in
 * plain modules that the CLI and the tests can run without Electron.
 */
import { app, BrowserWindow } from 'electron';
import { registerAppInfoHandler } from './app-info';
import { createMainWindow } from './window';

// A second launch (double-click while open) focuses the running window instead of opening a
// second copy that would fight over the same project database.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });

  app.on('window-all-closed', () => {
    // macOS apps stay open without windows until the user quits from the dock.
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow();
  });

  void app.whenReady().then(() => {
    registerAppInfoHandler();
    createMainWindow();
  });
}
