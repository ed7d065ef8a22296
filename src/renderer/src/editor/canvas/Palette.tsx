import type { DragEvent, FocusEvent, MouseEvent } from 'react';
import { memo, useId, useState } from 'react';
import { LAYER_KINDS } from '../../../../shared/catalog/registry';
import type { LayerKind } from '../../../../shared/catalog/types';
import { LAYER_GROUPS } from '../../../../shared/catalog/types';

/** The drag data type a palette item carries: the kind's name. */
export const KIND_MIME = 'application/x-neurite-kind';

interface PaletteProps {
  /** Adds a layer of this kind in the middle of the view (click, Enter or Space). */
  readonly onAdd?: (kind: string) => void;
}

interface Tip {
  readonly kind: LayerKind;
  readonly top: number;
  readonly left: number;
}

/**
 * Every kind of layer, by group, with a search box. Items are dragged onto the canvas, or
 * clicked (or reached with Tab and pressed) to add one in the middle of the view; hovering or
 * focusing one shows what the layer does.
 */
export const Palette = memo(function Palette({ onAdd }: PaletteProps) {
  const [query, setQuery] = useState('');
  const [tip, setTip] = useState<Tip | undefined>();
  const tipId = useId();
  const needle = query.trim().toLowerCase();
  const matches = LAYER_KINDS.filter(
    (k) =>
      needle === '' ||
      k.title.toLowerCase().includes(needle) ||
      k.kind.toLowerCase().includes(needle) ||
      k.summary.toLowerCase().includes(needle),
  );

  const onDragStart = (event: DragEvent<HTMLElement>, kind: string) => {
    setTip(undefined);
    event.dataTransfer.setData(KIND_MIME, kind);
    event.dataTransfer.effectAllowed = 'copy';
  };
  const showTip = (event: MouseEvent<HTMLElement> | FocusEvent<HTMLElement>, kind: LayerKind) => {
    const box = event.currentTarget.getBoundingClientRect();
    setTip({ kind, top: box.top, left: box.right + 8 });
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
        const headingId = `${tipId}-${group.id}`;
        return (
          <section key={group.id} className="palette-group" aria-labelledby={headingId}>
            <h2 className="palette-group-title" id={headingId}>
              {group.title}
            </h2>
            <ul className="palette-list">
              {kinds.map((k) => (
                <li key={k.kind}>
                  <button
                    type="button"
                    className="palette-item"
                    draggable
                    data-kind={k.kind}
                    aria-describedby={tip?.kind === k ? tipId : undefined}
                    onDragStart={(event) => onDragStart(event, k.kind)}
                    onMouseEnter={(event) => showTip(event, k)}
                    onMouseLeave={() => setTip(undefined)}
                    onFocus={(event) => showTip(event, k)}
                    onBlur={() => setTip(undefined)}
                    onClick={() => onAdd?.(k.kind)}
                  >
                    {k.title}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      {matches.length === 0 && <p className="palette-empty">No layer matches “{query}”.</p>}
      {tip && (
        <div
          className="palette-tip"
          role="tooltip"
          id={tipId}
          style={{ top: tip.top, left: tip.left }}
        >
          <strong>{tip.kind.title}</strong>
          <span>{tip.kind.summary}</span>
          <span className="palette-tip-how">Drag it onto the canvas, or press to add it.</span>
        </div>
      )}
    </nav>
  );
});
