import { useState } from 'react';
import { TEMPLATES } from '../templates';
import { AppHeader } from './AppHeader';
import { NetworkInspector } from './NetworkInspector';
import { TemplateList } from './TemplateList';
import { TemplateProblems } from './TemplateProblems';

/** The network inspector: pick a built-in template on the left, read its layers on the right. */
export function Inspector() {
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
