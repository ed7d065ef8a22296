import '@xyflow/react/dist/style.css';
import './canvas/canvas.css';
import { ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { useCallback, useState } from 'react';
import type { AppCommand } from '../app-commands';
import { isTextField, useAppCommands } from '../app-commands';
import type { EditorStatus } from './actions/use-editor-actions';
import { useEditorActions } from './actions/use-editor-actions';
import { useEditorKeys } from './actions/use-editor-keys';
import { CodePanel } from './code/CodePanel';
import { EditorCanvas } from './canvas/EditorCanvas';
import { measuredSizes } from './canvas/flow-model';
import { Palette } from './canvas/Palette';
import { ShortcutsPanel } from './canvas/ShortcutsPanel';
import { SummaryBar } from './summary/SummaryBar';
import { Toolbar } from './canvas/Toolbar';
import { useAnalysis } from './canvas/use-analysis';
import { useHistoryDocument } from './canvas/use-history';
import { Inspector } from './inspector/Inspector';
import type { EditorHistory, Selection } from './model';
import { EMPTY_SELECTION, NEW_NODE_SIZE, planDrop, pruneSelection } from './model';

export { EDITOR_COMMAND_EVENT, SHOW_SHORTCUTS_EVENT } from './actions/use-editor-keys';
export type { EditorCommandDetail } from './actions/use-editor-keys';

export interface NetworkEditorProps {
  /** The document being edited; every change goes through it (and so into undo/redo). */
  readonly history: EditorHistory;
  /**
   * Opens the keyboard shortcuts panel while true (the desktop menu's Help ▸ Keyboard
   * Shortcuts); `onShortcutsClosed` says when the student closed it. The panel also opens with
   * "?", the toolbar, or a `neurite:show-shortcuts` event on window.
   */
  readonly showShortcuts?: boolean;
  readonly onShortcutsClosed?: () => void;
}

/**
 * Palette, toolbar, canvas, code, inspector and summary for one network. The caller owns
 * saving.
 */
export function NetworkEditor(props: NetworkEditorProps) {
  return (
    <ReactFlowProvider>
      <EditorLayout {...props} />
    </ReactFlowProvider>
  );
}

function EditorLayout({ history, showShortcuts, onShortcutsClosed }: NetworkEditorProps) {
  const doc = useHistoryDocument(history);
  const analysis = useAnalysis(doc);
  const flow = useReactFlow();
  const [status, setStatus] = useState<EditorStatus | undefined>();
  const [rawSelection, setRawSelection] = useState<Selection>(EMPTY_SELECTION);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const selection = pruneSelection(doc, rawSelection);

  const updateSelection = useCallback(
    (update: (previous: Selection) => Selection) => setRawSelection(update),
    [],
  );
  const setSelection = useCallback((next: Selection) => setRawSelection(next), []);
  const openShortcuts = useCallback(() => setShortcutsOpen(true), []);
  const onRefused = useCallback((message: string) => setStatus({ message, tone: 'error' }), []);
  const closeShortcuts = useCallback(() => {
    setShortcutsOpen(false);
    onShortcutsClosed?.();
  }, [onShortcutsClosed]);

  // Help ▸ Keyboard Shortcuts in the desktop app's menu.
  useAppCommands(
    useCallback((command: AppCommand) => {
      if (command === 'showShortcuts') setShortcutsOpen(true);
    }, []),
  );

  // Open while the student has not closed it, or while the app asks for it.
  const panelOpen = shortcutsOpen || showShortcuts === true;

  const actions = useEditorActions({
    history,
    selection,
    setSelection,
    setStatus,
    openShortcuts,
  });
  useEditorKeys(actions, panelOpen);

  // Edit ▸ Select All in the desktop app's menu: every layer, unless a field has the focus.
  useAppCommands(
    useCallback(
      (command: AppCommand) => {
        if (command === 'selectAll' && !panelOpen && !isTextField(document.activeElement)) {
          actions.selectAll();
        }
      },
      [actions, panelOpen],
    ),
  );

  // A palette item pressed instead of dragged comes after the one selected layer, or lands in
  // the middle of the view.
  const addAtCentre = useCallback(
    (kind: string) => {
      const box = document.querySelector('.editor-canvas')?.getBoundingClientRect();
      const centre = box
        ? flow.screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 2 })
        : { x: 0, y: 0 };
      const [only, ...others] = selection.nodes;
      const plan = planDrop(history.document, {
        kind,
        at: { x: centre.x - NEW_NODE_SIZE.width / 2, y: centre.y - NEW_NODE_SIZE.height / 2 },
        sizes: measuredSizes(flow.getNodes()),
        ...(only && others.length === 0 ? { after: only } : {}),
      });
      const result = history.apply(plan.change);
      if (result.ok) {
        setSelection({ nodes: new Set([plan.nodeId]), edges: new Set() });
        setStatus(plan.note ? { message: plan.note, tone: 'info' } : undefined);
      } else setStatus({ message: result.message, tone: 'error' });
    },
    [flow, history, selection, setSelection],
  );

  return (
    <div className="editor">
      <Palette onAdd={addAtCentre} />
      <div className="editor-main">
        <Toolbar
          actions={actions}
          canUndo={history.canUndo}
          canRedo={history.canRedo}
          hasSelection={selection.nodes.size > 0}
          canDelete={selection.nodes.size + selection.edges.size > 0}
          hasLayers={doc.nodes.length > 0}
        />
        <EditorCanvas
          history={history}
          analysis={analysis}
          selection={selection}
          onSelectionChange={updateSelection}
          onStatus={setStatus}
        />
        <CodePanel doc={doc} analysis={analysis} />
        <SummaryBar layers={doc.nodes.length} analysis={analysis} status={status} />
      </div>
      <Inspector
        history={history}
        doc={doc}
        analysis={analysis}
        selection={selection}
        onRefused={onRefused}
      />
      {panelOpen && <ShortcutsPanel onClose={closeShortcuts} />}
    </div>
  );
}
