import { useMemo } from 'react';
import type {
  LiveExample,
  LiveSaliency as LiveSaliencyData,
} from '../../../../shared/training/live-inside';
import {
  classProbabilities,
  formatValue,
  looksLikeProbabilities,
} from '../../inside/model/answers';
import { heatPicture, imagePicture, isImageShape } from '../../inside/model/picture';
import { PictureCanvas } from '../../inside/PictureCanvas';
import { ValueBars } from '../../inside/ValueBars';

/** The network's answer for one example, in words: "says 7 (93%), right", "says 3, should be 5". */
export function liveAnswer(
  example: LiveExample,
  classNames: readonly string[] | undefined,
): string {
  const name = (k: number) => classNames?.[k] ?? String(k);
  if (example.predicted === undefined) {
    return `says ${example.output.map(formatValue).join(', ')}`;
  }
  // The live look does not say how the outputs were trained: only probabilities get a %.
  const sure = looksLikeProbabilities(example.output)
    ? classProbabilities(example.output)[example.predicted]
    : undefined;
  const says = `says ${name(example.predicted)}${sure === undefined ? '' : ` (${Math.round(sure * 100)}%)`}`;
  if (example.label === undefined) return says;
  return example.label === example.predicted
    ? `${says}, right`
    : `${says}, should be ${name(example.label)}`;
}

/** One fixed example: the picture with its saliency laid over it, or one bar per input value. */
function LiveExampleTile({
  example,
  saliency,
  classNames,
}: {
  readonly example: LiveExample;
  readonly saliency: LiveSaliencyData;
  readonly classNames: readonly string[] | undefined;
}) {
  const { inputShape, mapShape } = saliency;
  const title = `Example ${example.index + 1}`;
  const answer = liveAnswer(example, classNames);
  const image = isImageShape(inputShape);
  const vector = inputShape.length === 1 && mapShape.length === 1;
  // A sequence (steps × values) is drawn as one strip, a square per step, first on the left.
  const sequence = !image && mapShape.length === 2;
  const layers = useMemo(
    () =>
      image
        ? [imagePicture(example.values, inputShape), heatPicture(example.map, mapShape)]
        : [heatPicture(example.map, sequence ? [1, ...mapShape] : mapShape)],
    [example, image, sequence, inputShape, mapShape],
  );
  const wrong =
    example.label !== undefined &&
    example.predicted !== undefined &&
    example.label !== example.predicted;
  return (
    <li className={`live-example${image ? ' picture' : ''}${wrong ? ' mistake' : ''}`}>
      <figure>
        {vector ? (
          <ValueBars
            label={`Saliency of ${title.toLowerCase()} per input value`}
            names={saliency.featureNames ?? example.map.map((_, i) => `input ${i + 1}`)}
            values={example.map}
            signed
          />
        ) : (
          <PictureCanvas
            layers={layers}
            size={image ? 112 : 212}
            label={
              sequence
                ? `Saliency of ${title.toLowerCase()} per step`
                : `Saliency map of ${title.toLowerCase()}`
            }
          />
        )}
        <figcaption>
          {title}: {answer}
        </figcaption>
      </figure>
    </li>
  );
}

/** The saliency maps of the few fixed examples, as the last look found them. */
export function LiveSaliency({
  saliency,
  classNames,
}: {
  readonly saliency: LiveSaliencyData;
  readonly classNames: readonly string[] | undefined;
}) {
  return (
    <ul className="live-examples" aria-label="Saliency of the watched examples">
      {saliency.examples.map((example) => (
        <LiveExampleTile
          key={example.index}
          example={example}
          saliency={saliency}
          classNames={classNames}
        />
      ))}
    </ul>
  );
}
