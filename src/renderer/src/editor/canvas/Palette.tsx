import type { DragEvent } from 'react';
import { useState } from 'react';
import { LAYER_KINDS } from '../../../../shared/catalog/registry';
import { LAYER_GROUPS } from '../../../../shared/catalog/types';

/** The drag data type a palette item carries: the kind's name. */
export const KIND_MIME = 'application/x-neurite-kind';

/** Every kind of layer, by group, with a search box; items are dragged onto the canvas. */
export function Palette() {
  const [query, setQuery] = useState('');
  const needle = query.trim().toLowerCase();
  const matches = LAYER_KINDS.filter(
    (k) =>
      needle === '' ||
      k.title.toLowerCase().includes(needle) ||
      k.kind.toLowerCase().includes(needle) ||
      k.summary.toLowerCase().includes(needle),
  );

  const onDragStart = (event: DragEvent<HTMLElement>, kind: string) => {
    event.dataTransfer.setData(KIND_MIME, kind);
    event.dataTransfer.effectAllowed = 'copy';
  };

  return (
    <nav className="palette" aria-label="Layers">
      <input
        className="palette-search"
        type="search"
        placeholder="Search layers"
        aria-label="Search layers"
        value={query}
        onChange={(event) => setQuery(event.target.value)}
      />
      {LAYER_GROUPS.map((group) => {
        const kinds = matches.filter((k) => k.group === group.id);
        if (kinds.length === 0) return null;
        return (
          <section key={group.id} className="palette-group">
            <h2 className="palette-group-title">{group.title}</h2>
            <ul className="palette-list">
              {kinds.map((k) => (
                <li
                  key={k.kind}
                  className="palette-item"
                  draggable
                  data-kind={k.kind}
                  title={k.summary}
                  onDragStart={(event) => onDragStart(event, k.kind)}
                >
                  {k.title}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      {matches.length === 0 && <p className="palette-empty">No layer matches “{query}”.</p>}
    </nav>
  );
}
