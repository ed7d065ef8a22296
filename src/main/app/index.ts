/**
 * Electron entry point: the app's lifecycle and nothing else. Everything the app does lives in
 * plain modules (src/main/services) that the CLI, the browser host and the tests also run.
 */
import { app, BrowserWindow, dialog } from 'electron';
import type { ApiService } from '../services/api-service';
import { createApiService } from '../services/api-service';
import { installLastResort } from '../services/last-resort';
import { registerIpcTransport } from './ipc-transport';
import { installMenu } from './menu';
import { openFileWithDialog, openFolderWithDialog } from './open-file-dialog';
import { saveFileWithDialog } from './save-file-dialog';
import { utilityWorkerLauncher } from './utility-worker';
import { createMainWindow } from './window';

let service: ApiService | undefined;
let quitting = false;

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
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });

  // Closing while a network trains asks first, then stops the runs cleanly (their weights so
  // far are saved) before the app goes.
  app.on('before-quit', (event) => {
    if (quitting || !service) return;
    event.preventDefault();
    void confirmAndQuit();
  });

  void app.whenReady().then(async () => {
    service = createApiService({
      dataDir: app.getPath('userData'),
      transport: 'electron',
      launchWorker: utilityWorkerLauncher(),
      dialogs: {
        saveFile: saveFileWithDialog,
        openFile: openFileWithDialog,
        openFolder: openFolderWithDialog,
      },
      version: app.getVersion(),
    });
    installLastResort(service, app.getPath('userData'));
    registerIpcTransport(service);
    await installMenu(service);
    service.onEvent((name) => {
      if (name === 'project.changed') void installMenu(service!);
    });
    openWindow();
  });
}

function openWindow(): void {
  const window = createMainWindow();
  window.on('close', (event) => {
    if (quitting || BrowserWindow.getAllWindows().length > 1 || !service?.isTraining()) return;
    event.preventDefault();
    void confirmAndQuit();
  });
}

async function confirmAndQuit(): Promise<void> {
  if (service?.isTraining()) {
    const answer = await dialog.showMessageBox({
      type: 'question',
      buttons: ['Stop Training and Quit', 'Keep Training'],
      defaultId: 1,
      cancelId: 1,
      title: 'Training is running',
      message: 'A network is still training.',
      detail: 'Quitting stops the run; the weights it has learnt so far are saved with the run.',
    });
    if (answer.response !== 0) return;
  }
  quitting = true;
  await service?.close();
  app.quit();
}
