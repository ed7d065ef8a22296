import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { PredictionTable } from '../../../src/main/results/predictions-csv';
import { predictionsCsv } from '../../../src/main/results/predictions-csv';

/** The predictions file, read back as a spreadsheet or pandas reads it. */
function readBack(csv: string): string[][] {
  return Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
}

const cases: readonly { name: string; table: PredictionTable; expected: string[][] }[] = [
  {
    name: 'a softmax: one probability per class, named as the data set names it',
    table: {
      kind: 'classes',
      classNames: ['cat', 'dog, small', 'say "bird"'],
      outputsAre: 'probability',
      outputCount: 3,
      rows: [
        { dataRow: 7, trueClass: 1, predictedClass: 1, outputs: [0.25, 0.5, 0.25] },
        { dataRow: 3, trueClass: 2, predictedClass: 0, outputs: [0.75, 0.125, 0.125] },
      ],
    },
    expected: [
      [
        'example',
        'data_row',
        'true_label',
        'predicted_label',
        'probability_cat',
        'probability_dog, small',
        'probability_say "bird"',
      ],
      ['1', '7', 'dog, small', 'dog, small', '0.25', '0.5', '0.25'],
      ['2', '3', 'say "bird"', 'cat', '0.75', '0.125', '0.125'],
    ],
  },
  {
    name: 'a single sigmoid: the probability of the positive class alone',
    table: {
      kind: 'classes',
      classNames: ['ham', 'spam'],
      outputsAre: 'probability',
      outputCount: 1,
      rows: [{ dataRow: 12, trueClass: 1, predictedClass: 0, outputs: [0.375] }],
    },
    expected: [
      ['example', 'data_row', 'true_label', 'predicted_label', 'probability_spam'],
      ['1', '12', 'spam', 'ham', '0.375'],
    ],
  },
  {
    name: 'a hinge classifier: scores, not called probabilities',
    table: {
      kind: 'classes',
      classNames: ['no', 'yes'],
      outputsAre: 'score',
      outputCount: 1,
      rows: [{ dataRow: 1, trueClass: 0, predictedClass: 0, outputs: [-0.8] }],
    },
    expected: [
      ['example', 'data_row', 'true_label', 'predicted_label', 'score_yes'],
      ['1', '1', 'no', 'no', '-0.8'],
    ],
  },
  {
    name: 'a regression: the true and the predicted value',
    table: {
      kind: 'values',
      names: ['miles per gallon'],
      size: 1,
      rows: [{ dataRow: 40, trueValues: [18], predictedValues: [17.5] }],
    },
    expected: [
      ['example', 'data_row', 'true_value', 'predicted_value'],
      ['1', '40', '18', '17.5'],
    ],
  },
  {
    name: 'several values: a pair of columns per value, named when the data names them',
    table: {
      kind: 'values',
      names: ['x', 'y'],
      size: 2,
      rows: [{ dataRow: 2, trueValues: [1, 2], predictedValues: [1.5, -2] }],
    },
    expected: [
      [
        'example',
        'data_row',
        'true_value_x',
        'predicted_value_x',
        'true_value_y',
        'predicted_value_y',
      ],
      ['1', '2', '1', '1.5', '2', '-2'],
    ],
  },
  {
    name: 'several unnamed values: numbered from 1',
    table: {
      kind: 'values',
      names: undefined,
      size: 2,
      rows: [],
    },
    expected: [
      [
        'example',
        'data_row',
        'true_value_1',
        'predicted_value_1',
        'true_value_2',
        'predicted_value_2',
      ],
    ],
  },
];

describe('the predictions CSV', () => {
  it.each(cases)('$name', ({ table, expected }) => {
    const csv = predictionsCsv(table);
    expect(readBack(csv)).toEqual(expected);
    // Every line ends as RFC 4180 says, the last one too.
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('keeps a probability at full precision', () => {
    const p = 0.1234567890123456;
    const csv = predictionsCsv({
      kind: 'classes',
      classNames: ['a', 'b'],
      outputsAre: 'probability',
      outputCount: 2,
      rows: [{ dataRow: 5, trueClass: 0, predictedClass: 1, outputs: [p, 1 - p] }],
    });
    expect(Number(readBack(csv)[1]![4])).toBe(p);
  });
});
