import type { DatasetSpec } from '../../../shared/data/dataset-spec';
import { datasetError } from '../errors';
import type { LoadedDataset } from '../types';
import { isMissingCell } from './cell-values';
import { classLabels, columnName, resolveColumn } from './csv-columns';
import { parseTable } from './csv-table';
import { nounFor } from '../wording';
import { readSourceText } from './read-source-file';
import { labelledTextExamples } from '../text-examples';

export type TextCsvDatasetSpec = Extract<DatasetSpec, { source: 'text-csv' }>;

/** A CSV with a text column and a label column: texts become word ids for an Embedding. */
export async function loadTextCsv(spec: TextCsvDatasetSpec): Promise<LoadedDataset> {
  const byName = (ref: string | number) => typeof ref === 'string' && !/^\d+$/.test(ref);
  const table = parseTable(await readSourceText(spec.path), spec.path, {
    delimiter: 'auto',
    // A column named in the settings can only be found in a header row.
    header: byName(spec.textColumn) || byName(spec.labelColumn) ? 'yes' : 'auto',
  });
  const file = table.fileName;
  const textColumn = resolveColumn(table, spec.textColumn, 'text column');
  const labelColumn = resolveColumn(table, spec.labelColumn, 'label column');
  if (textColumn === labelColumn) {
    throw datasetError(
      'bad-target',
      `The text column and the label column of ${file} are the same column ("${columnName(table, textColumn)}"). Pick the column with the texts and the one with their labels.`,
    );
  }
  const unlabelled = table.rows.find((row) => isMissingCell(row.cells[labelColumn] ?? ''));
  if (unlabelled) {
    throw datasetError(
      'missing-value',
      `${file}: line ${unlabelled.line} has no label in column "${columnName(table, labelColumn)}". Give every text a label, or delete that line.`,
    );
  }
  const classes = classLabels(table, labelColumn);
  if (classes.names.length < 2) {
    throw datasetError(
      'too-few-classes',
      `Every text in ${file} has the same label "${classes.names[0] ?? ''}", so there is nothing to tell apart. A classification needs at least 2 labels.`,
    );
  }

  const count = table.rows.length;
  return labelledTextExamples({
    title: file,
    texts: table.rows.map((row) => row.cells[textColumn] ?? ''),
    labels: Int32Array.from(table.rows, (row) => classes.indexOf(row.cells[labelColumn] ?? '')),
    classNames: classes.names,
    maxLength: spec.maxLength,
    vocabularySize: spec.vocabularySize,
    sourceNotes: [
      `${file}: ${count} ${nounFor(count, 'text')} from column "${columnName(table, textColumn)}", labels from column "${columnName(table, labelColumn)}" (${classes.names.slice(0, 10).join(', ')}${classes.names.length > 10 ? ', …' : ''}).`,
    ],
  });
}
