import { useMemo, useState } from 'react';
import './inside.css';
import { describeError, useApiQuery } from '../api';
import type { DataPart, ExamplesPage } from '../../../shared/inside/inside-schemas';
import { BoundaryChart } from './BoundaryChart';
import { ExampleDetails } from './ExampleDetails';
import { ExampleTile } from './ExampleTile';
import { LatentChart } from './LatentChart';
import { isMistake } from './model/answers';

const PAGE = 24;

const PART_TITLES: Record<DataPart, string> = {
  all: 'All examples',
  train: 'Training',
  validation: 'Validation',
  test: 'Test',
};

/**
 * Inside a finished run: its examples with the model's answers (mistakes marked), and for the
 * chosen one the output, a saliency or Grad-CAM map and any layer's feature maps, all computed
 * from the run's saved weights by a process of the trainer family.
 */
export function InsidePanel({ runId }: { readonly runId: string }) {
  const [part, setPart] = useState<DataPart>('all');
  const [offset, setOffset] = useState(0);
  const [mistakesOnly, setMistakesOnly] = useState(false);
  const [chosen, setChosen] = useState<number>();
  const [latentOpen, setLatentOpen] = useState(false);
  const page = useApiQuery('runs.examples', { runId, part, offset, limit: PAGE });
  const data: ExamplesPage | undefined = page.data?.part === part ? page.data : undefined;
  const shown = useMemo(
    () => (data ? data.examples.filter((e) => !mistakesOnly || isMistake(e)) : []),
    [data, mistakesOnly],
  );
  const example = data?.examples.find((e) => e.index === chosen);

  const choosePart = (next: DataPart) => {
    setPart(next);
    setOffset(0);
    setChosen(undefined);
  };

  return (
    <section className="inside-panel" aria-label="Inside this run">
      <h3 className="training-subtitle">Inside this run</h3>
      <div className="inside-toolbar">
        <div role="radiogroup" aria-label="Which examples" className="inside-parts">
          {(data?.parts ?? page.data?.parts ?? ['all']).map((name) => (
            <label key={name}>
              <input
                type="radio"
                name={`inside-part-${runId}`}
                checked={part === name}
                onChange={() => choosePart(name)}
              />
              {PART_TITLES[name]}
            </label>
          ))}
        </div>
        {data?.classNames && (
          <label className="inside-check">
            <input
              type="checkbox"
              checked={mistakesOnly}
              onChange={(event) => setMistakesOnly(event.target.checked)}
            />
            Only the mistakes
          </label>
        )}
      </div>
      {page.error !== undefined && (
        <p className="training-error" role="alert">
          {describeError(
            page.error,
            'The examples could not be read: Neurite did not answer. Try again in a moment.',
          )}
        </p>
      )}
      {data && (
        <>
          <p className="section-hint">
            {data.count === 0
              ? `This run has no ${PART_TITLES[part].toLowerCase()} examples.`
              : `Examples ${offset + 1}–${Math.min(data.count, offset + PAGE)} of ${data.count.toLocaleString('en-US')}${mistakesOnly ? `; ${shown.length} of them wrong` : ''}. Choose one to see why the network answers as it does.`}
          </p>
          <ul className="inside-gallery" aria-label="Examples">
            {shown.map((item) => (
              <ExampleTile
                key={item.index}
                example={item}
                page={data}
                selected={item.index === chosen}
                onChoose={() => setChosen(item.index)}
              />
            ))}
          </ul>
          <div className="inside-paging">
            <button
              type="button"
              className="button small"
              disabled={offset === 0}
              onClick={() => setOffset(Math.max(0, offset - PAGE))}
            >
              Previous
            </button>
            <button
              type="button"
              className="button small"
              disabled={offset + PAGE >= data.count}
              onClick={() => setOffset(offset + PAGE)}
            >
              Next
            </button>
          </div>
          {data.inputShape.length === 1 && data.inputShape[0] === 2 && (
            <BoundaryChart
              runId={runId}
              {...(data.classNames ? { classNames: data.classNames } : {})}
            />
          )}
          <details
            className="inside-latent-section"
            onToggle={(event) => setLatentOpen(event.currentTarget.open)}
          >
            <summary>Latent space: where a layer puts each example</summary>
            {latentOpen && (
              <LatentChart
                runId={runId}
                part={part}
                page={data}
                onOpenExample={(index) => {
                  setOffset(Math.floor(index / PAGE) * PAGE);
                  setMistakesOnly(false);
                  setChosen(index);
                }}
              />
            )}
          </details>
          {example && (
            <ExampleDetails
              key={`${part}-${example.index}`}
              runId={runId}
              part={part}
              page={data}
              example={example}
            />
          )}
        </>
      )}
    </section>
  );
}
