import { useEffect, useId, useRef } from 'react';
import { SHORTCUTS, formatChord } from '../model';
import { isMac } from './platform';

interface ShortcutsPanelProps {
  readonly onClose: () => void;
}

/** Every keyboard shortcut of the editor, in a dialog; Escape or Close shuts it. */
export function ShortcutsPanel({ onClose }: ShortcutsPanelProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const mac = isMac();

  useEffect(() => {
    const element = dialog.current;
    const before = document.activeElement;
    if (element && !element.open) element.showModal();
    return () => {
      if (element?.open) element.close();
      if (before instanceof HTMLElement) before.focus();
    };
  }, []);

  return (
    <dialog
      ref={dialog}
      className="shortcuts"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => {
        // A click on the backdrop lands on the dialog element itself.
        if (event.target === dialog.current) onClose();
      }}
    >
      <div className="shortcuts-body">
        <h2 id={titleId} className="shortcuts-title">
          Keyboard shortcuts
        </h2>
        <table className="shortcuts-table">
          <tbody>
            {SHORTCUTS.map((shortcut) => (
              <tr key={shortcut.command}>
                <td className="shortcuts-keys">
                  {shortcut.chords.map((chord, index) => (
                    <span key={index}>
                      {index > 0 && <span className="shortcuts-or"> or </span>}
                      <kbd>{formatChord(chord, mac)}</kbd>
                    </span>
                  ))}
                </td>
                <td>{shortcut.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="shortcuts-note">
          Shortcuts do nothing while you type in a field. Drag with the mouse on empty canvas to
          move the view, scroll to move it up and down, Ctrl + scroll (or pinch) to zoom, and hold
          Shift while dragging to select several layers.
        </p>
        <button
          type="button"
          className="toolbar-button shortcuts-close"
          onClick={onClose}
          autoFocus
        >
          Close
        </button>
      </div>
    </dialog>
  );
}
