import '@xyflow/react/dist/style.css';
import './canvas/canvas.css';
import { ReactFlowProvider } from '@xyflow/react';
import { useMemo, useState } from 'react';
import { analyzeGraph } from '../../../shared/inference/analyze';
import { EditorCanvas } from './canvas/EditorCanvas';
import { Palette } from './canvas/Palette';
import { SummaryBar } from './canvas/SummaryBar';
import { useHistoryDocument } from './canvas/use-history';
import type { EditorHistory } from './model';

export interface NetworkEditorProps {
  /** The document being edited; every change goes through it (and so into undo/redo). */
  readonly history: EditorHistory;
}

/** Palette, canvas and summary for one network. The caller owns the history and saving. */
export function NetworkEditor({ history }: NetworkEditorProps) {
  const doc = useHistoryDocument(history);
  const analysis = useMemo(() => analyzeGraph(doc), [doc]);
  const [status, setStatus] = useState<string | undefined>();

  return (
    <div className="editor">
      <Palette />
      <div className="editor-main">
        <ReactFlowProvider>
          <EditorCanvas history={history} analysis={analysis} onStatus={setStatus} />
        </ReactFlowProvider>
        <SummaryBar layers={doc.nodes.length} analysis={analysis} status={status} />
      </div>
    </div>
  );
}
