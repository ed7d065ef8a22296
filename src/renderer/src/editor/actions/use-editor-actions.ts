import { useReactFlow } from '@xyflow/react';
import { useCallback, useMemo, useRef } from 'react';
import { plural } from '../../../../shared/text/plural';
import type { Change, EditorHistory, Selection } from '../model';
import {
  DUPLICATE_OFFSET,
  EMPTY_SELECTION,
  autoLayout,
  copy,
  deleteSelection,
  duplicate,
  fragmentFromText,
  fragmentToText,
  paste,
  selectAll,
} from '../model';
import type { LayerFlowNode } from '../canvas/flow-model';
import { measuredSizes } from '../canvas/flow-model';
import { useReadableFit } from '../canvas/use-readable-fit';

/** What the status line says, and whether it is a refusal or just news. */
export interface EditorStatus {
  readonly message: string;
  readonly tone: 'error' | 'info';
}

export interface EditorActionsInput {
  readonly history: EditorHistory;
  readonly selection: Selection;
  readonly setSelection: (selection: Selection) => void;
  readonly setStatus: (status: EditorStatus | undefined) => void;
  readonly openShortcuts: () => void;
}

export interface EditorActions {
  readonly undo: () => void;
  readonly redo: () => void;
  /** The selected layers as clipboard text, or undefined (and a status) when none are. */
  readonly copyText: () => string | undefined;
  /** Copies, then deletes what was copied. */
  readonly cutText: () => string | undefined;
  /** Pastes clipboard text; anything but copied Neurite layers is refused with a message. */
  readonly pasteText: (text: string) => void;
  readonly duplicate: () => void;
  readonly deleteSelected: () => void;
  readonly selectAll: () => void;
  readonly autoLayout: () => void;
  readonly fitView: () => void;
  readonly showShortcuts: () => void;
  /** The text of the last copy in this window, for the Paste button when the system clipboard cannot be read. */
  readonly lastCopied: () => string | undefined;
}

/** Every editor command as a function, shared by the toolbar, the keys and the clipboard. */
export function useEditorActions({
  history,
  selection,
  setSelection,
  setStatus,
  openShortcuts,
}: EditorActionsInput): EditorActions {
  const flow = useReactFlow<LayerFlowNode>();
  const copied = useRef<string | undefined>(undefined);
  // Pasting the same layers again moves each copy a step further, so none hides another.
  const pastes = useRef<{ text: string; count: number }>({ text: '', count: 0 });

  const apply = useCallback(
    (change: Change, refusedPrefix = ''): boolean => {
      const result = history.apply(change);
      if (!result.ok) setStatus({ message: `${refusedPrefix}${result.message}`, tone: 'error' });
      return result.ok;
    },
    [history, setStatus],
  );

  const undo = useCallback(() => {
    setStatus(history.undo() ? undefined : { message: 'There is nothing to undo.', tone: 'info' });
  }, [history, setStatus]);

  const redo = useCallback(() => {
    setStatus(history.redo() ? undefined : { message: 'There is nothing to redo.', tone: 'info' });
  }, [history, setStatus]);

  const copyText = useCallback((): string | undefined => {
    const fragment = copy(history.document, selection);
    if (fragment.nodes.length === 0) {
      setStatus({ message: 'Select one or more layers to copy them.', tone: 'info' });
      return undefined;
    }
    const text = fragmentToText(fragment);
    copied.current = text;
    pastes.current = { text, count: 0 };
    setStatus({ message: `Copied ${plural(fragment.nodes.length, 'layer')}.`, tone: 'info' });
    return text;
  }, [history, selection, setStatus]);

  const deleteSelected = useCallback(() => {
    const change = deleteSelection(history.document, selection);
    if (!change) return;
    if (apply(change)) {
      setSelection(EMPTY_SELECTION);
      setStatus(undefined);
    }
  }, [history, selection, apply, setSelection, setStatus]);

  const cutText = useCallback((): string | undefined => {
    const text = copyText();
    if (text !== undefined) deleteSelected();
    return text;
  }, [copyText, deleteSelected]);

  const pasteText = useCallback(
    (text: string) => {
      const read = fragmentFromText(text);
      if (!read.ok) {
        setStatus({ message: read.message, tone: 'error' });
        return;
      }
      const count = pastes.current.text === text ? pastes.current.count + 1 : 1;
      pastes.current = { text, count };
      const offset = { x: DUPLICATE_OFFSET.x * count, y: DUPLICATE_OFFSET.y * count };
      const pasted = paste(history.document, read.fragment, offset);
      if (apply(pasted.change, 'Nothing was pasted: ')) {
        setSelection(pasted.selection);
        setStatus({
          message: `Pasted ${plural(read.fragment.nodes.length, 'layer')}.`,
          tone: 'info',
        });
      }
    },
    [history, apply, setSelection, setStatus],
  );

  const duplicateSelected = useCallback(() => {
    if (selection.nodes.size === 0) {
      setStatus({ message: 'Select one or more layers to duplicate them.', tone: 'info' });
      return;
    }
    const made = duplicate(history.document, selection);
    if (apply(made.change)) {
      setSelection(made.selection);
      setStatus(undefined);
    }
  }, [history, selection, apply, setSelection, setStatus]);

  const selectEverything = useCallback(() => {
    setSelection(selectAll(history.document));
  }, [history, setSelection]);

  const fitView = useReadableFit();

  const layoutNetwork = useCallback(() => {
    const change = autoLayout(history.document, measuredSizes(flow.getNodes()));
    if (!change) {
      setStatus({ message: 'The layers are already tidy.', tone: 'info' });
      return;
    }
    if (apply(change)) {
      setStatus(undefined);
      // After React Flow has the new positions.
      requestAnimationFrame(fitView);
    }
  }, [flow, history, apply, setStatus, fitView]);

  return useMemo(
    () => ({
      undo,
      redo,
      copyText,
      cutText,
      pasteText,
      duplicate: duplicateSelected,
      deleteSelected,
      selectAll: selectEverything,
      autoLayout: layoutNetwork,
      fitView,
      showShortcuts: openShortcuts,
      lastCopied: () => copied.current,
    }),
    [
      undo,
      redo,
      copyText,
      cutText,
      pasteText,
      duplicateSelected,
      deleteSelected,
      selectEverything,
      layoutNetwork,
      fitView,
      openShortcuts,
    ],
  );
}
