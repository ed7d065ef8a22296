import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ExportProjectDialog } from '../../src/renderer/src/workspace/ExportProjectDialog';
import type { ExportChoice } from '../../src/renderer/src/workspace/ExportProjectDialog';
import { FakeHost } from '../fixtures/fake-host';
import { renderWithHost, settle } from './render-with-host';

/** Export… says what each kind of project file holds, in the desktop app and in a browser. */

function open(transport: 'electron' | 'websocket', initial: ExportChoice = 'network') {
  const onExport = vi.fn<(choice: ExportChoice) => Promise<void>>(() => Promise.resolve());
  const onClose = vi.fn();
  renderWithHost(
    new FakeHost({
      'app.info': { version: '0.1.0', dataDir: '/data', transport, notices: [] },
    }),
    <ExportProjectDialog initial={initial} onExport={onExport} onClose={onClose} />,
  );
  return { onExport, onClose };
}

describe('the export dialog', () => {
  it.each([
    ['electron', 'Save…', 'Neurite then asks where to save the file.'],
    ['websocket', 'Download', 'Your browser then downloads the file.'],
  ] as const)(
    'in %s mode says what it exports, then exports the choice',
    async (mode, button, how) => {
      const { onExport } = open(mode);
      await settle();
      const dialog = screen.getByRole('dialog', { name: 'Export the project' });
      expect(dialog.textContent).toContain('Network and settings');
      expect(dialog.textContent).toContain(
        'the network, the data set chosen and the training settings',
      );
      expect(dialog.textContent).toContain('Network with trained runs and weights');
      expect(dialog.textContent).toContain('every run’s curves, figures and trained weights');
      expect(screen.getByText(how)).toBeTruthy();

      fireEvent.click(
        screen.getByRole('radio', { name: /^Network with trained runs and weights/ }),
      );
      fireEvent.click(screen.getByRole('button', { name: button }));
      await settle();
      expect(onExport).toHaveBeenCalledWith('runs');
    },
  );

  it('opens on the choice the menu asked for, and Cancel exports nothing', async () => {
    const { onExport, onClose } = open('electron', 'runs');
    await settle();
    expect(
      screen.getByRole<HTMLInputElement>('radio', { name: /^Network with trained runs/ }).checked,
    ).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onClose).toHaveBeenCalled();
    expect(onExport).not.toHaveBeenCalled();
  });
});
