import Papa from 'papaparse';

/** A classifier's answers, one row per example. */
export interface ClassPredictions {
  readonly kind: 'classes';
  /** One name per class, as the data set names them. */
  readonly classNames: readonly string[];
  /**
   * What the outputs are: probabilities (a sigmoid or softmax under cross-entropy) or scores
   * (hinge losses, squared error), so the columns are not called probabilities when they are not.
   */
  readonly outputsAre: 'probability' | 'score';
  /** Outputs per example: one per class, or one alone (the positive class's). */
  readonly outputCount: number;
  readonly rows: readonly {
    /** The example's place in the data set, from 1: where a teacher finds it. */
    readonly dataRow: number;
    readonly trueClass: number;
    readonly predictedClass: number;
    readonly outputs: readonly number[];
  }[];
}

/** A regression model's answers, one row per example. */
export interface ValuePredictions {
  readonly kind: 'values';
  /** The names of the numbers predicted, when the data set names them and there are several. */
  readonly names: readonly string[] | undefined;
  /** Numbers predicted per example. */
  readonly size: number;
  readonly rows: readonly {
    /** The example's place in the data set, from 1: where a teacher finds it. */
    readonly dataRow: number;
    readonly trueValues: readonly number[];
    readonly predictedValues: readonly number[];
  }[];
}

export type PredictionTable = ClassPredictions | ValuePredictions;

/**
 * The predictions as CSV: `example` (1-based, in the order of the part), `data_row` (its place
 * in the whole data set, 1-based, as the data set lists its examples), then for classes
 * `true_label`, `predicted_label` and one `probability_<class>` per class (one alone for a
 * single sigmoid output: the positive class's), for numbers `true_value` and `predicted_value`
 * (one pair per number predicted). Values keep their full precision; papaparse quotes names
 * that need it.
 */
export function predictionsCsv(table: PredictionTable): string {
  const header = [
    'example',
    'data_row',
    ...(table.kind === 'classes' ? classColumns(table) : valueColumns(table)),
  ];
  const rows =
    table.kind === 'classes'
      ? table.rows.map((row, i) => [
          i + 1,
          row.dataRow,
          className(table, row.trueClass),
          className(table, row.predictedClass),
          ...row.outputs,
        ])
      : table.rows.map((row, i) => [
          i + 1,
          row.dataRow,
          ...row.trueValues.flatMap((value, k) => [value, row.predictedValues[k]!]),
        ]);
  return `${Papa.unparse({ fields: header, data: rows })}\r\n`;
}

function className(table: ClassPredictions, index: number): string {
  return table.classNames[index] ?? String(index);
}

function classColumns(table: ClassPredictions): string[] {
  // A single output is the probability (or score) of the second class, label 1.
  const classes =
    table.outputCount === 1 ? [1] : Array.from({ length: table.outputCount }, (_, index) => index);
  return [
    'true_label',
    'predicted_label',
    ...classes.map((index) => `${table.outputsAre}_${className(table, index)}`),
  ];
}

function valueColumns(table: ValuePredictions): string[] {
  const width = table.size;
  if (width === 1) return ['true_value', 'predicted_value'];
  return Array.from({ length: width }, (_, k) => {
    const name = table.names?.length === width ? table.names[k]! : String(k + 1);
    return [`true_value_${name}`, `predicted_value_${name}`];
  }).flat();
}
