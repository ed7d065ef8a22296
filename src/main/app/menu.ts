import { app, BrowserWindow, dialog, Menu } from 'electron';
import type { MenuItemConstructorOptions } from 'electron';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { APP_COMMANDS } from '../../shared/api/contract';
import { IPC_EVENT_CHANNEL } from '../../shared/api/ipc-channels';
import type { ProjectSummary } from '../../shared/api/records';
import type { ApiService } from '../services/api-service';

type AppCommand = (typeof APP_COMMANDS)[number];

/** Tells the page to carry out a menu command (it owns the document and its undo history). */
function sendCommand(command: AppCommand, projectId?: string): void {
  const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  window?.webContents.send(IPC_EVENT_CHANNEL, 'app.command', {
    command,
    ...(projectId ? { projectId } : {}),
  });
}

/** File → Open…: a .neurite.json or .neurite file becomes a new project, then opens. */
async function openProjectFile(service: ApiService): Promise<void> {
  const choice = await dialog.showOpenDialog({
    title: 'Open a Neurite project',
    properties: ['openFile'],
    filters: [{ name: 'Neurite projects', extensions: ['json', 'neurite'] }],
  });
  const file = choice.filePaths[0];
  if (choice.canceled || !file) return;
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    dialog.showErrorBox(
      'Could not open the file',
      `${path.basename(file)} could not be read: ${(error as Error).message}`,
    );
    return;
  }
  const result = await service.handle('projectFiles.import', {
    fileName: path.basename(file),
    base64: bytes.toString('base64'),
  });
  if (!result.ok) {
    dialog.showErrorBox('Could not open the project', result.error.message);
    return;
  }
  sendCommand('openProject', (result.output as { id: string }).id);
}

async function recentProjects(service: ApiService): Promise<ProjectSummary[]> {
  const result = await service.handle('projects.list', { trashed: false });
  if (!result.ok) return [];
  return (result.output as ProjectSummary[]).filter((p) => p.lastOpenedAt !== null).slice(0, 8);
}

/** Builds the application menu; called again when the list of recent projects changes. */
export async function installMenu(service: ApiService): Promise<void> {
  const recent = await recentProjects(service);
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        {
          label: 'New Project…',
          accelerator: 'CmdOrCtrl+N',
          click: () => sendCommand('newProject'),
        },
        { label: 'Open…', accelerator: 'CmdOrCtrl+O', click: () => void openProjectFile(service) },
        {
          label: 'Open Recent',
          enabled: recent.length > 0,
          submenu: recent.map((project) => ({
            label: project.name,
            click: () => sendCommand('openProject', project.id),
          })),
        },
        { type: 'separator' },
        { label: 'Save As…', accelerator: 'CmdOrCtrl+Shift+S', click: () => sendCommand('saveAs') },
        { label: 'Export with Runs and Weights…', click: () => sendCommand('exportWithRuns') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        // The canvas keeps its own history; text fields keep theirs (the page decides which).
        { label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: () => sendCommand('undo') },
        { label: 'Redo', accelerator: 'CmdOrCtrl+Shift+Z', click: () => sendCommand('redo') },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        // Select All picks every layer on the canvas, or the text of the field being typed in.
        {
          label: 'Select All',
          accelerator: 'CmdOrCtrl+A',
          click: () => sendCommand('selectAll'),
        },
      ],
    },
    {
      label: 'View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' as const }]),
      ],
    },
    {
      label: 'Help',
      submenu: [
        {
          label: 'Keyboard Shortcuts',
          accelerator: 'CmdOrCtrl+/',
          click: () => sendCommand('showShortcuts'),
        },
        {
          label: 'About Neurite',
          click: () =>
            void dialog.showMessageBox({
              type: 'info',
              title: 'About Neurite',
              message: `Neurite ${app.getVersion()}`,
              detail:
                'Build neural networks visually, train them on your own machine, look inside and export them.',
            }),
        },
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
