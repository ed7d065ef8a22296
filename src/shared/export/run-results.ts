/**
 * What a finished run's results are exported as, beside its model: the test predictions as a
 * table and the run's figures. They are no model formats (no other program loads them as a
 * network), so they have their own list; `neurite export --format` takes both lists.
 */
export const RESULT_FORMATS = ['predictions', 'figures'] as const;
export type ResultFormat = (typeof RESULT_FORMATS)[number];

export interface ResultFormatInfo {
  /** The export in words, for buttons and messages. */
  readonly title: string;
  /** What it holds, one sentence for a student. */
  readonly contents: string;
}

export const RESULT_FORMAT_INFO: Readonly<Record<ResultFormat, ResultFormatInfo>> = {
  predictions: {
    title: 'Test predictions',
    contents:
      'a CSV file with one row per test example: its number, where it is in the data set, its true and predicted label and the probability of each class (true and predicted values for numbers).',
  },
  figures: {
    title: 'Figures',
    contents:
      'curves.svg and curves.png (loss and metric per epoch, training and validation) and, for classes, confusion.svg and confusion.png (the test examples by true and predicted class).',
  },
};

/** The figures' files, in the order they are listed. */
export const FIGURE_FILES = {
  curvesSvg: 'curves.svg',
  curvesPng: 'curves.png',
  confusionSvg: 'confusion.svg',
  confusionPng: 'confusion.png',
} as const;
