import type { ReactNode } from 'react';
import type { ApiOutput } from '../../../shared/api/contract';
import { countText, shapeText } from './model/describe-data';

export type BuiltInDescription = ApiOutput<'datasets.builtins'>[number];

/** The built-in data sets as cards; pressing one previews it and, if it loads, chooses it. */
export function BuiltinList({
  builtins,
  selected,
  pending,
  onPick,
  renderExtra,
}: {
  builtins: readonly BuiltInDescription[];
  /** The name of the built-in set now chosen, if one is. */
  selected: string | undefined;
  /** The name of the set being loaded, if any. */
  pending: string | undefined;
  onPick: (name: string) => void;
  /** What to show under a card (the open set's settings). */
  renderExtra: (name: string, title: string) => ReactNode;
}) {
  return (
    <ul className="data-cards" aria-label="Built-in data sets">
      {builtins.map((d) => (
        <li key={d.name}>
          <button
            type="button"
            className="data-card"
            aria-pressed={selected === d.name}
            aria-busy={pending === d.name}
            onClick={() => onPick(d.name)}
          >
            <span className="data-card-title">{d.title}</span>
            <span className="data-card-description">{d.description}</span>
            <span className="data-card-meta">
              {d.task} · {shapeText(d.featureShape)} · {countText(d.count)}
            </span>
            <span className="data-card-source">
              Source: {d.source} Licence: {d.licence}
            </span>
          </button>
          {renderExtra(d.name, d.title)}
        </li>
      ))}
    </ul>
  );
}
