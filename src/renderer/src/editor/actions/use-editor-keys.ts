import { useEffect, useRef } from 'react';
import type { EditorCommand } from '../model';
import { commandForKey } from '../model';
import type { EditorActions } from './use-editor-actions';

/** The custom DOM event other parts of the app send to the editor (the desktop menu's commands). */
export const EDITOR_COMMAND_EVENT = 'neurite:editor-command';
/** Opens the shortcuts panel; the same as an editor command "showShortcuts". */
export const SHOW_SHORTCUTS_EVENT = 'neurite:show-shortcuts';

export interface EditorCommandDetail {
  readonly command: 'undo' | 'redo' | 'showShortcuts';
}

/** True while the student types in a field: the field gets the keys, not the canvas. */
export function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

function run(actions: EditorActions, command: EditorCommand): void {
  switch (command) {
    case 'undo':
      return actions.undo();
    case 'redo':
      return actions.redo();
    case 'duplicate':
      return actions.duplicate();
    case 'delete':
      return actions.deleteSelected();
    case 'selectAll':
      return actions.selectAll();
    case 'autoLayout':
      return actions.autoLayout();
    case 'fitView':
      return actions.fitView();
    case 'showShortcuts':
      return actions.showShortcuts();
    case 'copy':
    case 'cut':
    case 'paste':
      // These come as clipboard events, which carry the system clipboard.
      return;
  }
}

/**
 * Keyboard shortcuts, clipboard events and commands sent from outside (the desktop menu), for
 * the whole window while the editor is shown. Nothing fires while a field has the focus, and
 * nothing while `paused` (a dialog is open over the editor).
 */
export function useEditorKeys(actions: EditorActions, paused: boolean): void {
  // The listeners stay attached; they read the latest actions through this ref.
  const latest = useRef({ actions, paused });
  useEffect(() => {
    latest.current = { actions, paused };
  });

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (latest.current.paused || event.defaultPrevented || isTyping(event.target)) return;
      const command = commandForKey(event);
      if (!command) return;
      event.preventDefault();
      run(latest.current.actions, command);
    };

    const onCopyOrCut = (event: ClipboardEvent) => {
      if (latest.current.paused || isTyping(event.target) || hasTextSelection()) return;
      const text =
        event.type === 'cut' ? latest.current.actions.cutText() : latest.current.actions.copyText();
      if (text === undefined || !event.clipboardData) return;
      event.clipboardData.setData('text/plain', text);
      event.preventDefault();
    };

    const onPaste = (event: ClipboardEvent) => {
      if (latest.current.paused || isTyping(event.target) || !event.clipboardData) return;
      event.preventDefault();
      latest.current.actions.pasteText(event.clipboardData.getData('text/plain'));
    };

    const onCommand = (event: Event) => {
      const detail = (event as CustomEvent<EditorCommandDetail | undefined>).detail;
      if (detail && ['undo', 'redo', 'showShortcuts'].includes(detail.command)) {
        // The menu's undo while a field has the focus belongs to the field.
        if (detail.command !== 'showShortcuts' && isTyping(document.activeElement)) {
          document.execCommand(detail.command);
          return;
        }
        run(latest.current.actions, detail.command);
      }
    };
    const onShowShortcuts = () => latest.current.actions.showShortcuts();

    window.addEventListener('keydown', onKeyDown);
    document.addEventListener('copy', onCopyOrCut);
    document.addEventListener('cut', onCopyOrCut);
    document.addEventListener('paste', onPaste);
    window.addEventListener(EDITOR_COMMAND_EVENT, onCommand);
    window.addEventListener(SHOW_SHORTCUTS_EVENT, onShowShortcuts);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('copy', onCopyOrCut);
      document.removeEventListener('cut', onCopyOrCut);
      document.removeEventListener('paste', onPaste);
      window.removeEventListener(EDITOR_COMMAND_EVENT, onCommand);
      window.removeEventListener(SHOW_SHORTCUTS_EVENT, onShowShortcuts);
    };
  }, []);
}

/** Text the student selected on the page (a message, a number) is theirs to copy. */
function hasTextSelection(): boolean {
  const selection = window.getSelection();
  return selection !== null && !selection.isCollapsed && selection.toString().trim() !== '';
}
