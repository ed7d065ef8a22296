import { useState } from 'react';
import type { GraphDocument } from '../../../shared/graph/document';
import { ScreenHeader } from '../components/ScreenHeader';
import { TEMPLATES } from '../templates';
import { useHistoryDocument } from './canvas/use-history';
import { NetworkEditor } from './NetworkEditor';
import { EditorHistory } from './model';

interface EditorScreenProps {
  /** The built-in template to open, e.g. `lenet-5`; the first one when none is named. */
  readonly templateId: string | undefined;
}

/** The canvas editor, opened on a copy of a built-in template. Nothing is saved yet. */
export function EditorScreen({ templateId = TEMPLATES[0]?.id ?? '' }: EditorScreenProps) {
  const template = TEMPLATES.find((t) => t.id === templateId);
  return (
    <div className="app">
      <ScreenHeader screen="Try a template (not saved)">
        <a className="editor-back" href="#/inspector">
          All templates
        </a>
      </ScreenHeader>
      {template?.ok ? (
        <Editor key={template.id} document={template.document} />
      ) : (
        <p className="empty editor-missing">
          {template
            ? `The template "${templateId}" cannot be read; open it in the inspector to see why.`
            : `There is no template called "${templateId}".`}
        </p>
      )}
    </div>
  );
}

function Editor({ document }: { readonly document: GraphDocument }) {
  const [history] = useState(() => new EditorHistory(document));
  const doc = useHistoryDocument(history);
  return (
    <>
      <h1 className="editor-title">{doc.metadata.name}</h1>
      <NetworkEditor history={history} />
    </>
  );
}
