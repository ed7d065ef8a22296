import { lazy, Suspense, useState, useSyncExternalStore } from 'react';
import { AppHeader } from './components/AppHeader';
import { NetworkInspector } from './components/NetworkInspector';
import { TemplateList } from './components/TemplateList';
import { TemplateProblems } from './components/TemplateProblems';
import { TEMPLATES } from './templates';

const EDITOR_ROUTE = /^#\/editor(?:\/([^/?]*))?/;

// The editor brings React Flow with it; load it only when it is opened.
const EditorScreen = lazy(async () => ({
  default: (await import('./editor/EditorScreen')).EditorScreen,
}));

function subscribeToHash(listener: () => void): () => void {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

/** `#/editor/lenet-5` opens that template in the editor; anything else shows the inspector. */
export function App() {
  const hash = useSyncExternalStore(subscribeToHash, () => window.location.hash);
  const editor = EDITOR_ROUTE.exec(hash);
  if (editor) {
    const id = decodeURIComponent(editor[1] ?? '') || (TEMPLATES[0]?.id ?? '');
    return (
      <Suspense fallback={<p className="loading">Opening the editor…</p>}>
        <EditorScreen templateId={id} />
      </Suspense>
    );
  }
  return <Inspector />;
}

/** The network inspector: pick a built-in template on the left, read its layers on the right. */
function Inspector() {
  const [selectedId, setSelectedId] = useState(TEMPLATES[0]?.id);
  const selected = TEMPLATES.find((t) => t.id === selectedId);

  return (
    <div className="app">
      <AppHeader />
      <div className="workspace">
        <TemplateList templates={TEMPLATES} selectedId={selectedId} onSelect={setSelectedId} />
        <main className="content" aria-live="polite">
          {!selected && (
            <p className="empty">
              No templates found. Add network files to resources/templates and rebuild.
            </p>
          )}
          {selected?.ok === true && (
            <a className="open-in-editor" href={`#/editor/${encodeURIComponent(selected.id)}`}>
              Open in editor
            </a>
          )}
          {selected?.ok === true && (
            <NetworkInspector
              name={selected.name}
              description={selected.description}
              inspection={selected.inspection}
            />
          )}
          {selected?.ok === false && (
            <TemplateProblems name={selected.name} problems={selected.problems} />
          )}
        </main>
      </div>
    </div>
  );
}
