import type { EditorActions } from '../actions/use-editor-actions';
import type { EditorCommand } from '../model';
import { SHORTCUTS, formatChord } from '../model';
import { isMac } from './platform';

interface ToolbarProps {
  readonly actions: EditorActions;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  readonly hasSelection: boolean;
  /** Layers or connections are selected. */
  readonly canDelete: boolean;
  readonly hasLayers: boolean;
}

function keysFor(command: EditorCommand): string {
  const shortcut = SHORTCUTS.find((s) => s.command === command);
  const chord = shortcut?.chords[0];
  return chord ? ` (${formatChord(chord, isMac())})` : '';
}

/** The editor's commands as buttons, each naming its shortcut in its tooltip. */
export function Toolbar({
  actions,
  canUndo,
  canRedo,
  hasSelection,
  canDelete,
  hasLayers,
}: ToolbarProps) {
  const button = (command: EditorCommand, label: string, run: () => void, enabled = true) => (
    <button
      type="button"
      className="toolbar-button"
      title={`${label}${keysFor(command)}`}
      disabled={!enabled}
      onClick={run}
    >
      {label}
    </button>
  );

  const copy = () => {
    // Goes through the copy event, which puts the layers on the system clipboard.
    if (!document.execCommand('copy')) {
      const text = actions.copyText();
      if (text !== undefined) void navigator.clipboard?.writeText(text).catch(() => undefined);
    }
  };
  const paste = () => {
    const fallback = () => {
      const text = actions.lastCopied();
      if (text !== undefined) actions.pasteText(text);
      else actions.pasteText('');
    };
    if (!navigator.clipboard?.readText) return fallback();
    navigator.clipboard.readText().then(actions.pasteText, fallback);
  };

  return (
    <div className="toolbar" role="toolbar" aria-label="Editor">
      <div className="toolbar-group">
        {button('undo', 'Undo', actions.undo, canUndo)}
        {button('redo', 'Redo', actions.redo, canRedo)}
      </div>
      <div className="toolbar-group">
        {button('copy', 'Copy', copy, hasSelection)}
        {button('paste', 'Paste', paste)}
        {button('duplicate', 'Duplicate', actions.duplicate, hasSelection)}
        {button('delete', 'Delete', actions.deleteSelected, canDelete)}
        {button('selectAll', 'Select all', actions.selectAll, hasLayers)}
      </div>
      <div className="toolbar-group">
        {button('autoLayout', 'Tidy up', actions.autoLayout, hasLayers)}
        {button('fitView', 'Zoom to fit', actions.fitView, hasLayers)}
      </div>
      <div className="toolbar-group toolbar-end">
        {button('showShortcuts', 'Shortcuts', actions.showShortcuts)}
      </div>
    </div>
  );
}
