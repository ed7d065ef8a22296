import { useState } from 'react';
import './inside.css';
import { useApiQuery } from '../api';
import { AnswerError } from './AnswerError';
import type {
  ConfusionCell,
  DataPart,
  ExampleRef,
  ExampleSelection,
  ExamplesPage,
} from '../../../shared/inside/inside-schemas';
import { BoundaryChart } from './BoundaryChart';
import { ExampleDetails } from './ExampleDetails';
import { ExampleTile } from './ExampleTile';
import { FeatureRanking } from './FeatureRanking';
import { InsideProgress } from './InsideProgress';
import { LatentChart } from './LatentChart';
import { MadeExampleDetails } from './MadeExampleDetails';
import { MakeExample } from './MakeExample';
import { MistakesMatrix } from './MistakesMatrix';
import { shownFromData } from './model/shown-example';
import { examplesOf, PART_TITLES } from './model/parts';
import { useScrollToAnswer } from './use-scroll-to-answer';
import { WeightsView } from './WeightsView';

const PAGE = 24;

/** A network reading a short list of numbers (Iris's four measurements), not a picture or text. */
function isFeatureVector(page: ExamplesPage): boolean {
  return (
    !page.pictureShape &&
    !page.readsWords &&
    page.inputShape.length === 1 &&
    page.inputShape[0]! > 1 &&
    page.inputShape[0]! <= 64
  );
}

const SELECTION_TITLES: Record<ExampleSelection, string> = {
  all: 'All, in order',
  mistakes: 'Only the mistakes',
  'least-confident': 'Least confident first',
};

/**
 * Inside a finished run: its examples with the model's answers (mistakes marked, or only
 * them, or the least confident first, or one cell of the confusion matrix), examples the
 * student makes, and for the chosen one the output, a saliency or Grad-CAM map and any
 * layer's feature maps, all computed from the run's saved weights by a process of the
 * trainer family.
 */
export function InsidePanel({ runId }: { readonly runId: string }) {
  const [part, setPart] = useState<DataPart>('all');
  const [offset, setOffset] = useState(0);
  const [select, setSelect] = useState<ExampleSelection>('all');
  const [cell, setCell] = useState<ConfusionCell>();
  const [chosen, setChosen] = useState<number>();
  const [made, setMade] = useState<ExampleRef>();
  const [latentOpen, setLatentOpen] = useState(false);
  const [matrixOpen, setMatrixOpen] = useState(false);
  const [makeOpen, setMakeOpen] = useState(false);
  const [weightsOpen, setWeightsOpen] = useState(false);
  const [rankingOpen, setRankingOpen] = useState(false);
  const page = useApiQuery('runs.examples', {
    runId,
    part,
    offset,
    limit: PAGE,
    ...(select !== 'all' ? { select } : {}),
    ...(cell ? { cell } : {}),
  });
  const asked = page.data;
  // The page shown is the one asked for: not the last page while the next one loads.
  const data: ExamplesPage | undefined =
    !page.loading &&
    asked?.part === part &&
    asked.select === select &&
    JSON.stringify(asked.cell) === JSON.stringify(cell)
      ? asked
      : undefined;
  // The first answer tells what the run is (image, text, classes) even while a page loads.
  const [known, setKnown] = useState<ExamplesPage>();
  if (data && known !== data) setKnown(data);
  const example = data?.examples.find((e) => e.index === chosen);
  const answerPlace = useScrollToAnswer<HTMLDivElement>(
    made ? JSON.stringify(made) : example ? `${part}-${example.index}` : undefined,
  );
  // While the next page loads, the last one stays in place, greyed out and not clickable, so
  // nothing below it jumps.
  const stale = !data && page.loading && known !== undefined;
  const listed = data ?? (stale ? known : undefined);
  const waitingText =
    select !== 'all' || cell ? 'Asking the network about every example…' : 'Reading the examples…';

  const show = (next: { part?: DataPart; select?: ExampleSelection; cell?: ConfusionCell }) => {
    if (next.part !== undefined) setPart(next.part);
    setSelect(next.select ?? 'all');
    setCell(next.cell);
    setOffset(0);
    setChosen(undefined);
  };
  const choose = (index: number) => {
    setChosen(index);
    setMade(undefined);
  };
  const cellTitle = (c: ConfusionCell) =>
    `true ${known?.classNames?.[c.label] ?? c.label}, predicted ${known?.classNames?.[c.predicted] ?? c.predicted}`;

  return (
    <section className="inside-panel" aria-label="Inside this run">
      <h3 className="training-subtitle">Inside this run</h3>
      <InsideProgress runId={runId} />
      <div className="inside-toolbar">
        <div role="radiogroup" aria-label="Which examples" className="inside-parts">
          {(known?.parts ?? ['all']).map((name) => (
            <label key={name}>
              <input
                type="radio"
                name={`inside-part-${runId}`}
                checked={part === name}
                onChange={() => show({ part: name })}
              />
              {PART_TITLES[name]}
            </label>
          ))}
        </div>
        {known?.classNames && (
          <label className="inside-check">
            Show{' '}
            <select
              value={select}
              onChange={(event) =>
                show({ select: event.target.value as ExampleSelection, ...(cell ? { cell } : {}) })
              }
            >
              {(Object.keys(SELECTION_TITLES) as ExampleSelection[]).map((name) => (
                <option key={name} value={name}>
                  {SELECTION_TITLES[name]}
                </option>
              ))}
            </select>
          </label>
        )}
        {cell && (
          <span className="chip inside-cell-chip">
            Only {cellTitle(cell)}{' '}
            <button
              type="button"
              className="button small"
              onClick={() => show({ select })}
              aria-label="Show every cell again"
            >
              ×
            </button>
          </span>
        )}
      </div>
      {page.error !== undefined && (
        <AnswerError
          error={page.error}
          fallback={
            'The examples could not be read: Neurite did not answer. Try again in a moment.'
          }
          onRetry={page.reload}
        />
      )}
      {!listed && page.error === undefined && <p className="section-hint">{waitingText}</p>}
      {listed && (
        <>
          <p className="section-hint">
            {stale
              ? waitingText
              : listed.count === 0
                ? cell && cell.label === cell.predicted
                  ? 'None: the network gets none of these right.'
                  : cell || select === 'mistakes'
                    ? 'None: the network gets all of these right.'
                    : `This run has no ${examplesOf(part)}.`
                : `Examples ${offset + 1}–${Math.min(listed.count, offset + PAGE)} of ${listed.count.toLocaleString('en-US')}${cell ? ` ${cellTitle(cell)}` : ''}${select === 'mistakes' ? ' the network gets wrong' : select === 'least-confident' ? ', the least confident first' : ''}. Choose one to see why the network answers as it does.`}
          </p>
          <ul className="inside-gallery" aria-label="Examples" aria-busy={stale}>
            {listed.examples.map((item) => (
              <ExampleTile
                key={item.index}
                example={item}
                page={listed}
                selected={item.index === chosen && !made}
                disabled={stale}
                onChoose={() => choose(item.index)}
              />
            ))}
          </ul>
          <div className="inside-paging">
            <button
              type="button"
              className="button small"
              disabled={stale || offset === 0}
              onClick={() => setOffset(Math.max(0, offset - PAGE))}
            >
              Previous
            </button>
            <button
              type="button"
              className="button small"
              disabled={stale || offset + PAGE >= listed.count}
              onClick={() => setOffset(offset + PAGE)}
            >
              Next
            </button>
          </div>
        </>
      )}
      {known && (
        <>
          {known.classNames && (
            <details
              className="inside-section"
              onToggle={(event) => setMatrixOpen(event.currentTarget.open)}
            >
              <summary>Mistakes: the confusion matrix</summary>
              {matrixOpen && (
                <MistakesMatrix
                  runId={runId}
                  part={part}
                  onChooseCell={(next) => show({ cell: next })}
                />
              )}
            </details>
          )}
          {known.inputShape.length === 1 && known.inputShape[0] === 2 && !known.readsWords && (
            <BoundaryChart
              runId={runId}
              {...(known.classNames ? { classNames: known.classNames } : {})}
              onPickPoint={(x, y) => {
                setMade({ values: [x, y] });
                setChosen(undefined);
              }}
            />
          )}
          {isFeatureVector(known) && (
            <details
              className="inside-section"
              onToggle={(event) => setRankingOpen(event.currentTarget.open)}
            >
              <summary>Which inputs matter most</summary>
              {rankingOpen && <FeatureRanking runId={runId} part={part} />}
            </details>
          )}
          <details
            className="inside-section"
            onToggle={(event) => setMakeOpen(event.currentTarget.open)}
          >
            <summary>Make your own example</summary>
            {makeOpen && (
              <MakeExample
                key={example ? `from-${example.index}` : 'new'}
                page={known}
                startFrom={example?.values}
                // The chosen example stays chosen: the numbers start from it until another is.
                onMade={setMade}
              />
            )}
          </details>
          <details
            className="inside-section"
            onToggle={(event) => setWeightsOpen(event.currentTarget.open)}
          >
            <summary>Weights and filters: what training changed</summary>
            {weightsOpen && <WeightsView runId={runId} />}
          </details>
          <details
            className="inside-section"
            onToggle={(event) => setLatentOpen(event.currentTarget.open)}
          >
            <summary>Latent space: where a layer puts each example</summary>
            {latentOpen && (
              <LatentChart
                runId={runId}
                part={part}
                page={known}
                onOpenExample={(index) => {
                  show({});
                  setOffset(Math.floor(index / PAGE) * PAGE);
                  choose(index);
                }}
              />
            )}
          </details>
          <div ref={answerPlace}>
            {made ? (
              <MadeExampleDetails runId={runId} page={known} made={made} />
            ) : (
              example &&
              data && (
                <ExampleDetails
                  key={`${part}-${example.index}`}
                  runId={runId}
                  page={data}
                  example={shownFromData(example, data, part)}
                />
              )
            )}
          </div>
        </>
      )}
    </section>
  );
}
