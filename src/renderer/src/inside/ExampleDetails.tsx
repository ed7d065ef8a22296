import { useState } from 'react';
import { useApiQuery } from '../api';
import { AnswerError } from './AnswerError';
import type { ExamplesPage, ExplainMethod } from '../../../shared/inside/inside-schemas';
import { EXPLAIN_METHODS } from '../../../shared/inside/inside-schemas';
import { classProbabilities } from './model/answers';
import type { ShownExample } from './model/shown-example';
import { wordPositions } from './model/word-positions';
import { heatPicture, imagePicture, isImageShape } from './model/picture';
import { FeatureMaps } from './FeatureMaps';
import { PictureCanvas } from './PictureCanvas';
import { ValueBars } from './ValueBars';

const METHOD_TITLES: Record<ExplainMethod, string> = {
  saliency: 'Saliency',
  smoothgrad: 'SmoothGrad',
  'integrated-gradients': 'Integrated Gradients',
  gradcam: 'Grad-CAM',
};

const METHOD_HINTS: Record<ExplainMethod, string> = {
  saliency:
    "How much the class's score changes when each input value changes a little: |∂ score / ∂ input|, the course's saliency.",
  smoothgrad: 'Saliency averaged over 25 noisy copies of the example: less speckled.',
  'integrated-gradients':
    'Saliency added up along the way from an input of all zeros (a black image, for pictures) to this example; the values add up to how much the score changed.',
  gradcam:
    "The last convolution's feature maps, each weighted by how much the class's score depends on it: where in the image the network looked.",
};

/** Whether an output is a rebuilt input: an autoencoder's reconstruction of an image. */
function isReconstruction(example: ShownExample, pictureShape: readonly number[]): boolean {
  const size = pictureShape.reduce((a, b) => a * b, 1);
  return (
    isImageShape(pictureShape) && example.values.length === size && example.output.length === size
  );
}

/** One example up close: the output, why (a saliency or Grad-CAM map), and its feature maps. */
export function ExampleDetails({
  runId,
  page,
  example,
}: {
  readonly runId: string;
  readonly page: ExamplesPage;
  readonly example: ShownExample;
}) {
  const classification = example.predicted !== undefined;
  const classNames = classification
    ? classProbabilities(example.output).map((_, k) => page.classNames?.[k] ?? `class ${k}`)
    : [];
  const hasConvolution = page.layers.some((layer) => layer.convolution);
  const methods = EXPLAIN_METHODS.filter((m) => m !== 'gradcam' || hasConvolution);
  const [method, setMethod] = useState<ExplainMethod>('saliency');
  const [explained, setExplained] = useState<number | undefined>(undefined);
  const ref = example.ref;
  const picture = page.pictureShape ?? [];
  const image = isImageShape(picture) && example.values.length > 0;
  const rebuilt = isReconstruction(example, picture);
  // A reconstruction has no class or single value to explain: its answer is the picture.
  const explanation = useApiQuery(
    'runs.explain',
    rebuilt
      ? undefined
      : {
          runId,
          example: ref,
          options: { method, ...(explained !== undefined ? { classIndex: explained } : {}) },
        },
  );
  // An answer to an earlier question (another method or class) is not shown as this one's.
  const map =
    !explanation.loading && explanation.data?.method === method ? explanation.data : undefined;

  return (
    <section className="inside-details" aria-label={example.title}>
      <h4>{example.title}</h4>
      {example.words && (
        <SentenceWords
          words={example.words}
          unknown={example.unknownWords}
          unread={example.unreadWords}
        />
      )}
      <div className="inside-columns">
        <div>
          <h5>What the network answers</h5>
          {rebuilt ? (
            <div className="inside-pair">
              <figure>
                <PictureCanvas
                  layers={[imagePicture(example.values, picture)]}
                  size={140}
                  label="The original"
                />
                <figcaption>Original</figcaption>
              </figure>
              <figure>
                <PictureCanvas
                  layers={[imagePicture(example.output, picture)]}
                  size={140}
                  label="What the network rebuilt"
                />
                <figcaption>Rebuilt by the network</figcaption>
              </figure>
            </div>
          ) : classification && page.scores ? (
            <ValueBars
              label="Class scores"
              names={
                example.output.length === 1
                  ? [`score (${page.classNames?.[1] ?? 'class 1'} from 0 up)`]
                  : classNames
              }
              values={example.output}
              highlight={example.output.length === 1 ? undefined : example.predicted}
              signed
            />
          ) : classification ? (
            <ValueBars
              label="Class probabilities"
              names={classNames}
              values={classProbabilities(example.output)}
              highlight={example.predicted}
            />
          ) : (
            <p className="inside-output">
              {example.output.map((v) => Number(v.toPrecision(6))).join(', ')}
              {example.target && (
                <span className="section-hint">
                  {' '}
                  (true: {example.target.map((v) => Number(v.toPrecision(6))).join(', ')})
                </span>
              )}
            </p>
          )}
        </div>
        {!rebuilt && (
          <div>
            <h5>Why</h5>
            <div className="inside-controls">
              <label>
                Method{' '}
                <select value={method} onChange={(e) => setMethod(e.target.value as ExplainMethod)}>
                  {methods.map((m) => (
                    <option key={m} value={m}>
                      {METHOD_TITLES[m]}
                    </option>
                  ))}
                </select>
              </label>
              {classification && (
                <label>
                  Class to explain{' '}
                  <select
                    value={explained ?? ''}
                    onChange={(e) =>
                      setExplained(e.target.value === '' ? undefined : Number(e.target.value))
                    }
                  >
                    <option value="">The predicted one</option>
                    {classNames.map((name, k) => (
                      <option key={k} value={k}>
                        {name}
                      </option>
                    ))}
                  </select>
                </label>
              )}
            </div>
            <p className="section-hint">{METHOD_HINTS[method]}</p>
            {explanation.error !== undefined && (
              <AnswerError
                error={explanation.error}
                fallback={'The map could not be computed.'}
                onRetry={explanation.reload}
              />
            )}
            {map &&
              (image ? (
                <PictureCanvas
                  layers={[
                    imagePicture(example.values, picture),
                    heatPicture(map.map, map.mapShape.length === 1 ? picture : map.mapShape),
                  ]}
                  size={196}
                  label={`${METHOD_TITLES[method]} map of ${example.title.split(':')[0]!.toLowerCase()}`}
                />
              ) : (
                <InputBars
                  label={`${METHOD_TITLES[method]} per ${page.readsWords ? 'word' : 'input value'}`}
                  page={page}
                  example={example}
                  values={map.map}
                />
              ))}
            {!map && explanation.error === undefined && (
              <p className="section-hint">Computing the map…</p>
            )}
          </div>
        )}
      </div>
      <FeatureMaps runId={runId} example={ref} layers={page.layers} />
    </section>
  );
}

/** A sentence as the network read it: its words, those outside the vocabulary marked. */
function SentenceWords({
  words,
  unknown = [],
  unread = 0,
}: {
  readonly words: readonly string[];
  readonly unknown?: readonly string[] | undefined;
  readonly unread?: number | undefined;
}) {
  const strange = new Set(unknown);
  return (
    <p className="inside-words">
      {words.map((word, i) => (
        <span key={i} className={strange.has(word) ? 'unknown-word' : undefined}>
          {word}{' '}
        </span>
      ))}
      {unread > 0 && (
        <span className="section-hint">
          (the network reads the first {words.length} words: the last {unread} were not read){' '}
        </span>
      )}
      {strange.size > 0 && (
        <span className="section-hint">
          (words the network never saw in training, struck through, are read as one “unknown” word)
        </span>
      )}
    </p>
  );
}

/** A map over a vector's values as bars: per feature, or per word of a sentence. */
function InputBars({
  label,
  page,
  example,
  values,
}: {
  readonly label: string;
  readonly page: ExamplesPage;
  readonly example: ShownExample;
  readonly values: readonly number[];
}) {
  if (page.readsWords && values.length === example.values.length) {
    const { positions, names } = wordPositions(example.values, example.words);
    return (
      <ValueBars label={label} names={names} values={positions.map((i) => values[i]!)} signed />
    );
  }
  return (
    <ValueBars
      label={label}
      names={page.featureNames ?? values.map((_, i) => `input ${i + 1}`)}
      values={values}
      signed
    />
  );
}
