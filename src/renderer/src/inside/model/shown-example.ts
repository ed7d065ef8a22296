import type {
  ExampleRef,
  ExamplesPage,
  InsideExample,
  Prediction,
} from '../../../../shared/inside/inside-schemas';
import { answerText } from './answers';

/**
 * One example opened up close: one of the run's (by part and place) or one the student made,
 * with what the network read and answered. Later questions (maps, feature maps) name it by
 * `ref`, so a drawing is sent as its values, never drawn again.
 */
export interface ShownExample {
  readonly ref: ExampleRef;
  /** Its heading: "Example 3: 7 (right)", "Your example: 7". */
  readonly title: string;
  /** What the network read, row-major in the Input's shape; empty when too big to send. */
  readonly values: readonly number[];
  readonly output: readonly number[];
  readonly predicted?: number;
  /** Regression: the true values, when the example has them. */
  readonly target?: readonly number[];
  /** A sentence: its words and those the vocabulary does not know. */
  readonly words?: readonly string[];
  readonly unknownWords?: readonly string[];
  /** A sentence longer than the Input: how many of its last words were not read. */
  readonly unreadWords?: number;
}

export function shownFromData(
  example: InsideExample,
  page: ExamplesPage,
  part: ExamplesPage['part'],
): ShownExample {
  return {
    ref: { part, index: example.index },
    title: `Example ${example.index + 1}: ${answerText(example, page)}`,
    values: example.values,
    output: example.output,
    ...(example.predicted !== undefined ? { predicted: example.predicted } : {}),
    ...(example.target ? { target: example.target } : {}),
  };
}

/** An example the student made, once the network has answered it. */
export function shownFromMade(
  made: ExampleRef,
  prediction: Prediction,
  page: ExamplesPage,
): ShownExample {
  const values = prediction.values ?? ('values' in made ? made.values : []);
  const answer =
    prediction.predicted !== undefined
      ? (page.classNames?.[prediction.predicted] ?? String(prediction.predicted))
      : answerText({ index: 0, values: [...values], ...prediction }, page);
  return {
    // Maps and feature maps are asked for the same example: typed or drawn values, or the
    // image or sentence, read again the same way (an image can be too big to send as values).
    ref: 'values' in made ? { values: [...made.values] } : made,
    title: `Your example: ${answer}`,
    values,
    output: prediction.output,
    ...(prediction.predicted !== undefined ? { predicted: prediction.predicted } : {}),
    ...(prediction.words ? { words: prediction.words } : {}),
    ...(prediction.unknownWords ? { unknownWords: prediction.unknownWords } : {}),
    ...(prediction.unreadWords ? { unreadWords: prediction.unreadWords } : {}),
  };
}
