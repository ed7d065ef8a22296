import type { DatasetInfo } from '../../../shared/data/dataset-info';
import type { DatasetSpec } from '../../../shared/data/dataset-spec';
import { allRowIndices } from '../all-rows';
import { datasetError } from '../errors';
import type { LoadedDataset } from '../types';
import { isMissingCell, parseNumberCell } from './cell-values';
import type { ClassLabels, ColumnProfile } from './csv-columns';
import {
  classLabels,
  isNumberColumn,
  profileColumn,
  requireNumbers,
  resolveColumn,
} from './csv-columns';
import type { Table, TableRow } from './csv-table';
import { DELIMITER_NAMES, parseTable } from './csv-table';
import { nounFor } from '../wording';
import { fitScaling } from './column-scaling';
import { readSourceText } from './read-source-file';

export type CsvDatasetSpec = Extract<DatasetSpec, { source: 'csv' }>;

/** More categories than this is an id or free text, not something to one-hot encode. */
const MAX_CATEGORIES = 50;
/** task 'auto': a whole-number target with at most this many values is a class label. */
const AUTO_CLASS_LIMIT = 20;
const MAX_CLASSES = 200;

/** A CSV or TSV file of numbers and categories, one example per row. */
export async function loadCsv(spec: CsvDatasetSpec): Promise<LoadedDataset> {
  const table = parseTable(await readSourceText(spec.path), spec.path, spec);
  return csvDataset(table, spec);
}

type FeatureColumn =
  | { readonly kind: 'number'; readonly profile: ColumnProfile }
  | { readonly kind: 'categories'; readonly profile: ColumnProfile; readonly categories: string[] };

type TargetPlan =
  | { readonly task: 'regression'; readonly profile: ColumnProfile }
  | { readonly task: 'classification'; readonly profile: ColumnProfile };

/** The columns to predict: one (a class or a number), or several numbers in order. */
type TargetColumns = { readonly plan: TargetPlan; readonly profiles: readonly ColumnProfile[] };

export function csvDataset(table: Table, spec: CsvDatasetSpec): LoadedDataset {
  const file = table.fileName;
  const notes: string[] = [];
  if (table.columnCount < 2) {
    throw datasetError(
      'no-features',
      `${file} has only one column, but a data set needs columns to learn from and a column to predict. If it does have several, they may be separated by a character Neurite did not recognize: choose the delimiter yourself.`,
    );
  }
  const { plan: target, profiles: targets } = planTargetColumns(table, spec);
  const targetColumn = target.profile.column;
  const features = planFeatures(
    table,
    targets.map((profile) => profile.column),
    notes,
  );
  const rows = keepRows(table, targets, features, spec.missing, notes);

  let classes: ClassLabels | undefined;
  if (target.task === 'classification') {
    classes = classLabels(table, targetColumn, rows);
    if (classes.names.length > MAX_CLASSES) {
      throw datasetError(
        'bad-target',
        `The target column "${target.profile.name}" of ${file} has ${classes.names.length} different values: too many classes to learn. If it is a measurement, choose regression.`,
      );
    }
    if (classes.names.length < 2) {
      throw datasetError(
        'too-few-classes',
        `Every row of ${file} has the same target "${classes.names[0] ?? ''}" in column "${target.profile.name}", so there is nothing to tell apart. A classification needs at least 2 classes.`,
      );
    }
  }

  const featureNames = features.flatMap((feature) =>
    feature.kind === 'number'
      ? [feature.profile.name]
      : feature.categories.map((category) => `${feature.profile.name}=${category}`),
  );
  const width = featureNames.length;
  const count = rows.length;
  const raw = new Float32Array(count * width);
  const numberOffsets: number[] = [];
  let offset = 0;
  for (const feature of features) {
    const column = feature.profile.column;
    if (feature.kind === 'number') {
      numberOffsets.push(offset);
      rows.forEach((row, i) => {
        raw[i * width + offset] =
          parseNumberCell(row.cells[column] ?? '', table.decimalComma) ?? NaN;
      });
      offset += 1;
    } else {
      const index = new Map(feature.categories.map((category, i) => [category, i]));
      rows.forEach((row, i) => {
        const hot = index.get(row.cells[column] ?? '');
        // An empty cell (kept when filling with means) sets none of the category columns.
        if (hot !== undefined) raw[i * width + offset + hot] = 1;
      });
      offset += feature.categories.length;
    }
  }

  const targetSize = targets.length;
  const y = classes ? new Int32Array(count) : new Float32Array(count * targetSize);
  rows.forEach((row, i) => {
    if (classes) {
      y[i] = classes.indexOf(row.cells[targetColumn] ?? '');
      return;
    }
    targets.forEach((profile, k) => {
      const cell = row.cells[profile.column] ?? '';
      y[i * targetSize + k] = parseNumberCell(cell, table.decimalComma) ?? NaN;
    });
  });

  const x = raw.slice();
  const layout = { width, numberOffsets, mode: spec.scaling };
  const fit = (trainRows: ArrayLike<number>) => fitScaling(raw, x, layout, trainRows);
  // Usable before a split exists (previews); the trainer refits on its training rows.
  fit(allRowIndices(count));

  notes.unshift(...describeSource(table, target, targets, classes, count));
  if (numberOffsets.length > 0 && spec.scaling !== 'none') {
    notes.push(
      spec.scaling === 'standardize'
        ? 'Number columns are standardized (mean 0, spread 1) with the mean and spread of the training rows only.'
        : 'Number columns are scaled to 0…1 with the smallest and largest values of the training rows only.',
    );
  }

  const info: DatasetInfo = {
    title: file,
    task: target.task,
    featureShape: [width],
    featureType: 'float32',
    featureNames,
    ...(classes
      ? { classNames: [...classes.names] }
      : { targetNames: targets.map((profile) => profile.name) }),
    targetSize,
    count,
    notes,
  };
  return {
    info,
    examples: { count, x, y },
    fitOnTrainingRows: (trainRows) => {
      fit(trainRows);
    },
  };
}

/** Resolves the target setting: one column, or several in the order given (regression). */
function planTargetColumns(table: Table, spec: CsvDatasetSpec): TargetColumns {
  const file = table.fileName;
  if (!Array.isArray(spec.target) || spec.target.length === 1) {
    const ref = Array.isArray(spec.target) ? spec.target[0] : spec.target;
    const column = ref === undefined ? table.columnCount - 1 : resolveColumn(table, ref, 'target');
    const plan = planTarget(table, column, spec.task);
    return { plan, profiles: [plan.profile] };
  }
  const columns = spec.target.map((ref) => resolveColumn(table, ref, 'target'));
  const repeated = columns.find((column, i) => columns.indexOf(column) !== i);
  if (repeated !== undefined) {
    throw datasetError(
      'bad-target',
      `The column "${profileColumn(table, repeated).name}" of ${file} is named twice among the columns to predict. Name each target column once.`,
    );
  }
  if (spec.task === 'classification') {
    throw datasetError(
      'bad-target',
      `${file}: ${columns.length} columns to predict make a sequence of numbers, which is a regression, but the task is set to classification. Choose regression, or predict one column.`,
    );
  }
  const profiles = columns.map((column) => {
    const plan = planTarget(table, column, 'regression');
    return plan.profile;
  });
  return { plan: { task: 'regression', profile: profiles[0]! }, profiles };
}

function planTarget(table: Table, column: number, task: CsvDatasetSpec['task']): TargetPlan {
  const profile = profileColumn(table, column);
  const file = table.fileName;
  if (profile.numberCount + profile.textCount === 0) {
    throw datasetError(
      'bad-target',
      `The target column "${profile.name}" of ${file} is empty in every row. Pick the column that holds the values to predict.`,
    );
  }
  const numbers = isNumberColumn(profile);
  if (numbers) requireNumbers(table, profile);
  if (task === 'regression') {
    if (!numbers) {
      throw datasetError(
        'bad-target',
        `The target column "${profile.name}" of ${file} holds words such as "${profile.firstText?.value ?? ''}" (line ${profile.firstText?.row.line ?? '?'}), so it cannot be predicted as a number. Choose classification, or pick another target column.`,
      );
    }
    return { task: 'regression', profile };
  }
  // Whole numbers with few values are labels, unless nearly every row has its own value (a
  // small file of prices or counts is still a regression).
  const looksLikeClasses =
    !numbers ||
    (profile.allIntegers &&
      profile.distinctValues <= AUTO_CLASS_LIMIT &&
      profile.distinctValues <= table.rows.length / 2);
  return {
    task: task === 'classification' || looksLikeClasses ? 'classification' : 'regression',
    profile,
  };
}

function planFeatures(
  table: Table,
  targetColumns: readonly number[],
  notes: string[],
): FeatureColumn[] {
  const features: FeatureColumn[] = [];
  for (let column = 0; column < table.columnCount; column += 1) {
    if (targetColumns.includes(column)) continue;
    const profile = profileColumn(table, column);
    if (profile.numberCount + profile.textCount === 0) {
      notes.push(`Column "${profile.name}" is empty in every row and was left out.`);
      continue;
    }
    if (isNumberColumn(profile)) {
      requireNumbers(table, profile);
      features.push({ kind: 'number', profile });
      continue;
    }
    const categories = [
      ...new Set(
        table.rows.map((row) => row.cells[column] ?? '').filter((cell) => !isMissingCell(cell)),
      ),
    ].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    if (categories.length > MAX_CATEGORIES) {
      notes.push(
        `Column "${profile.name}" was left out: it has ${categories.length} different words (such as "${categories[0] ?? ''}"), too many to use as categories (at most ${MAX_CATEGORIES}). Names and ids rarely help a prediction.`,
      );
      continue;
    }
    features.push({ kind: 'categories', profile, categories });
    notes.push(
      `Column "${profile.name}" was one-hot encoded into ${categories.length} ${nounFor(categories.length, 'column')} (${categories
        .slice(0, 6)
        .map((category) => `${profile.name}=${category}`)
        .join(', ')}${categories.length > 6 ? ', …' : ''}).`,
    );
  }
  if (features.length === 0) {
    throw datasetError(
      'no-features',
      `${table.fileName} has no column left to learn from besides the ${targetColumns.length === 1 ? `target "${profileColumn(table, targetColumns[0]!).name}"` : `${targetColumns.length} target columns`}. Add input columns, or pick another target.`,
    );
  }
  return features;
}

/** Applies the empty-cell setting: refuse, drop rows, or keep them for the mean fill. */
function keepRows(
  table: Table,
  targets: readonly ColumnProfile[],
  features: readonly FeatureColumn[],
  missing: CsvDatasetSpec['missing'],
  notes: string[],
): TableRow[] {
  const file = table.fileName;
  const checked = [...features.map((feature) => feature.profile), ...targets].sort(
    (a, b) => a.column - b.column,
  );
  const emptyIn = (row: TableRow) =>
    checked.find((profile) => isMissingCell(row.cells[profile.column] ?? ''));
  const rowsWithEmpty = table.rows.filter((row) => emptyIn(row) !== undefined);
  if (rowsWithEmpty.length === 0) return [...table.rows];

  if (missing === 'error') {
    const row = rowsWithEmpty[0] as TableRow;
    const profile = emptyIn(row) as ColumnProfile;
    const more =
      rowsWithEmpty.length > 1 ? ` ${rowsWithEmpty.length} rows have empty cells in all.` : '';
    throw datasetError(
      'missing-value',
      `${file}: line ${row.line}, column "${profile.name}" is empty.${more} Fill in the missing values, or choose to drop rows with empty cells or to fill them with the column's mean.`,
    );
  }

  const lines = (rows: readonly TableRow[]) =>
    `line${rows.length === 1 ? '' : 's'} ${rows
      .slice(0, 10)
      .map((row) => row.line)
      .join(', ')}${rows.length > 10 ? ', …' : ''}`;

  if (missing === 'drop') {
    notes.push(
      `${rowsWithEmpty.length} ${nounFor(rowsWithEmpty.length, 'row')} with empty cells ${rowsWithEmpty.length === 1 ? 'was' : 'were'} dropped (${lines(rowsWithEmpty)}).`,
    );
    return keepNonEmpty(table, rowsWithEmpty);
  }

  // 'mean': numbers are filled when the training rows are known; a missing target cannot be.
  const noTarget = table.rows.filter((row) =>
    targets.some((target) => isMissingCell(row.cells[target.column] ?? '')),
  );
  if (noTarget.length > 0) {
    const where =
      targets.length === 1 ? `the target column "${targets[0]!.name}"` : 'a target column';
    notes.push(
      `${noTarget.length} ${nounFor(noTarget.length, 'row')} with no value in ${where} ${noTarget.length === 1 ? 'was' : 'were'} dropped (${lines(noTarget)}): a value to predict cannot be made up.`,
    );
  }
  const kept = keepNonEmpty(table, noTarget);
  for (const feature of features) {
    const empty = kept.filter((row) =>
      isMissingCell(row.cells[feature.profile.column] ?? ''),
    ).length;
    if (empty === 0) continue;
    const cells = `${empty} empty ${nounFor(empty, 'cell')} in column "${feature.profile.name}"`;
    notes.push(
      feature.kind === 'number'
        ? `${cells} ${empty === 1 ? 'is' : 'are'} filled with the mean of the training rows.`
        : `${cells} ${empty === 1 ? 'has' : 'have'} no category set (all of its one-hot columns are 0).`,
    );
  }
  return kept;
}

function keepNonEmpty(table: Table, dropped: readonly TableRow[]): TableRow[] {
  const drop = new Set(dropped);
  const kept = table.rows.filter((row) => !drop.has(row));
  if (kept.length === 0) {
    throw datasetError(
      'empty-file',
      `Every row of ${table.fileName} has an empty cell, so no rows are left after dropping them. Fill in the missing values, or fill them with the column's mean instead.`,
    );
  }
  return kept;
}

function describeSource(
  table: Table,
  target: TargetPlan,
  targets: readonly ColumnProfile[],
  classes: ClassLabels | undefined,
  count: number,
): string[] {
  const names = targets.map((profile) => `"${profile.name}"`);
  const lines = [
    `${table.fileName}: ${count} ${nounFor(count, 'row')}, values separated by ${DELIMITER_NAMES[table.delimiter]}s, ${
      table.header
        ? 'the first line is a header'
        : 'no header row (columns are named "column 1", "column 2", …)'
    }.`,
    classes
      ? `Predicting column "${target.profile.name}": classification into ${classes.names.length} classes (${classes.names
          .slice(0, 10)
          .join(', ')}${classes.names.length > 10 ? ', …' : ''}).`
      : targets.length === 1
        ? `Predicting column "${target.profile.name}": regression (a number).`
        : `Predicting ${targets.length} columns in this order (${names.slice(0, 6).join(', ')}${targets.length > 6 ? ', …' : ''}): regression, a sequence of ${targets.length} numbers per row.`,
  ];
  if (table.decimalComma)
    lines.push('Numbers written with a decimal comma (1,5) were read as decimals.');
  return lines;
}
