import type { DatasetInfo } from '../../../shared/data/dataset-info';
import type { DatasetSpec } from '../../../shared/data/dataset-spec';
import { allRowIndices } from '../all-rows';
import { datasetError } from '../errors';
import type { LoadedDataset } from '../types';
import { isMissingCell } from './cell-values';
import { classLabels, columnName, resolveColumn } from './csv-columns';
import { parseTable } from './csv-table';
import { nounFor } from '../wording';
import { readSourceText } from './read-source-file';
import { buildVocabulary, encodeTexts, tokenize } from './tokenize';

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
  const texts = table.rows.map((row) => tokenize(row.cells[textColumn] ?? ''));
  const y = Int32Array.from(table.rows, (row) => classes.indexOf(row.cells[labelColumn] ?? ''));
  const length = spec.maxLength;
  const x = new Int32Array(count * length);
  const distinctWords = new Set(texts.flat()).size;
  // An upper bound known before the split, so the Embedding's size never has to change.
  const vocabularySize = Math.max(2, Math.min(spec.vocabularySize, distinctWords + 2));
  const fit = (trainRows: ArrayLike<number>) =>
    encodeTexts(texts, buildVocabulary(texts, trainRows, vocabularySize), length, x);
  fit(allRowIndices(count));

  const cut = texts.filter((words) => words.length > length).length;
  const notes = [
    `${file}: ${count} ${nounFor(count, 'text')} from column "${columnName(table, textColumn)}", labels from column "${columnName(table, labelColumn)}" (${classes.names.slice(0, 10).join(', ')}${classes.names.length > 10 ? ', …' : ''}).`,
    `Words are numbered by how often they appear in the training texts: the ${vocabularySize - 2} most frequent get ids 2 to ${vocabularySize - 1}, any other word is 1, and 0 pads short texts (at the start).`,
    `Each text is ${length} word ids long${cut > 0 ? `; ${cut} longer ${nounFor(cut, 'text')} ${cut === 1 ? 'was' : 'were'} cut after word ${length}` : ''}.`,
  ];
  const info: DatasetInfo = {
    title: file,
    task: 'classification',
    featureShape: [length],
    featureType: 'int32',
    classNames: [...classes.names],
    targetSize: 1,
    count,
    vocabularySize,
    notes,
  };
  return {
    info,
    examples: { count, x, y },
    fitOnTrainingRows: (trainRows) => fit(trainRows),
  };
}
