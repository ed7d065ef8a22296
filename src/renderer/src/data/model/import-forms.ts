import type { ApiOutput } from '../../../../shared/api/contract';
import type { CsvTableResult, ImportKind } from '../../../../shared/data/dataset-preview';
import type { DatasetSpec } from '../../../../shared/data/dataset-spec';
import { nodesWithRole } from '../../../../shared/catalog/roles';
import type { GraphDocument } from '../../../../shared/graph/document';

type CsvSpec = Extract<DatasetSpec, { source: 'csv' }>;
type ImageSpec = Extract<DatasetSpec, { source: 'images' }>;
type IdxSpec = Extract<DatasetSpec, { source: 'idx' }>;
type TextCsvSpec = Extract<DatasetSpec, { source: 'text-csv' }>;

/** A file or folder the user chose: where Neurite reads it, and the name to show. */
export interface ChosenFile {
  readonly path: string;
  readonly name: string;
}

export interface CsvForm {
  readonly file: ChosenFile | undefined;
  /** The file's columns and first rows, once read. */
  readonly table: CsvTableResult | undefined;
  /** The target column's index, as the select's value; '' until the table is read. */
  readonly target: string;
  /**
   * Several columns to predict (a sequence of numbers): the index of the last one, so the
   * targets are the columns from `target` to it; '' when one column is predicted.
   */
  readonly targetLast: string;
  /** A saved target not yet matched against the table's columns. */
  readonly savedTarget: CsvSpec['target'];
  readonly task: CsvSpec['task'];
  readonly scaling: CsvSpec['scaling'];
  readonly missing: CsvSpec['missing'];
  readonly delimiter: CsvSpec['delimiter'];
  readonly header: CsvSpec['header'];
  /**
   * The index of the column read as text (words become ids for an Embedding), as the select's
   * value; '' when the file is a table of numbers and categories.
   */
  readonly textColumn: string;
  /**
   * A saved text column not yet matched against the table's columns; null when the saved
   * choice was a table (nothing to guess), undefined for a new file (guessed from its cells).
   */
  readonly savedTextColumn: TextCsvSpec['textColumn'] | null | undefined;
  /** Text: words kept per text (the sequence length), as typed. */
  readonly maxLength: string;
  /** Text: the vocabulary size (most frequent words kept), as typed. */
  readonly vocabularySize: string;
}

export interface ImageForm {
  readonly folder: ChosenFile | undefined;
  readonly height: string;
  readonly width: string;
  readonly color: ImageSpec['color'];
}

export interface IdxForm {
  readonly images: ChosenFile | undefined;
  readonly labels: ChosenFile | undefined;
  /** '' for all examples. */
  readonly limit: string;
}

export interface ImportForms {
  readonly kind: ImportKind;
  readonly csv: CsvForm;
  readonly images: ImageForm;
  readonly idx: IdxForm;
}

/** The last part of a path, whichever separator the system uses. */
export function baseName(path: string): string {
  return path.split(/[\\/]/).filter(Boolean).pop() ?? path;
}

const chosen = (path: string): ChosenFile => ({ path, name: baseName(path) });

/**
 * The image size and colour the network reads, when its Input takes images, so an image
 * import (a folder or camera pictures) starts at what the network needs.
 */
export function networkImageForm(
  graph: GraphDocument,
): Pick<ImportForms['images'], 'height' | 'width' | 'color'> | undefined {
  for (const input of nodesWithRole(graph, 'input')) {
    const shape = input.params['shape'];
    if (input.params['form'] !== 'image' || !Array.isArray(shape) || shape.length !== 3) continue;
    const [height, width, channels] = shape as number[];
    if (channels !== 1 && channels !== 3) continue;
    return {
      height: String(height),
      width: String(width),
      color: channels === 3 ? 'rgb' : 'grayscale',
    };
  }
  return undefined;
}

/**
 * The import forms, filled in from the saved data set when it is an import; otherwise an
 * image import starts at the network's image size and colour (28 × 28 gray without one).
 */
export function initialForms(value: DatasetSpec | undefined, graph?: GraphDocument): ImportForms {
  const forms: ImportForms = {
    kind: 'csv',
    csv: {
      file: undefined,
      table: undefined,
      target: '',
      targetLast: '',
      savedTarget: undefined,
      task: 'auto',
      scaling: 'standardize',
      missing: 'error',
      delimiter: 'auto',
      header: 'auto',
      textColumn: '',
      savedTextColumn: undefined,
      maxLength: String(TEXT_DEFAULTS.maxLength),
      vocabularySize: String(TEXT_DEFAULTS.vocabularySize),
    },
    images: {
      folder: undefined,
      height: '28',
      width: '28',
      color: 'grayscale',
      ...(graph ? networkImageForm(graph) : {}),
    },
    idx: { images: undefined, labels: undefined, limit: '' },
  };
  switch (value?.source) {
    case 'csv':
      return {
        ...forms,
        kind: 'csv',
        csv: {
          ...forms.csv,
          file: chosen(value.path),
          savedTarget: value.target,
          task: value.task,
          scaling: value.scaling,
          missing: value.missing,
          delimiter: value.delimiter,
          header: value.header,
          savedTextColumn: null,
        },
      };
    case 'text-csv':
      return {
        ...forms,
        kind: 'csv',
        csv: {
          ...forms.csv,
          file: chosen(value.path),
          savedTarget: value.labelColumn,
          savedTextColumn: value.textColumn,
          maxLength: String(value.maxLength),
          vocabularySize: String(value.vocabularySize),
        },
      };
    case 'images':
      return {
        ...forms,
        kind: 'images',
        images: {
          folder: chosen(value.path),
          height: String(value.size[0]),
          width: String(value.size[1]),
          color: value.color,
        },
      };
    case 'idx':
      return {
        ...forms,
        kind: 'idx',
        idx: {
          images: chosen(value.images),
          labels: chosen(value.labels),
          limit: value.limit === undefined ? '' : String(value.limit),
        },
      };
    default:
      return forms;
  }
}

/**
 * The target selects' values for a saved target: one column (a name or an index), or the
 * first and last of several (the form edits a run of neighbouring columns).
 */
export function targetFields(
  table: CsvTableResult,
  saved: CsvSpec['target'],
): Pick<CsvForm, 'target' | 'targetLast'> {
  if (!Array.isArray(saved) || saved.length < 2)
    return { target: targetIndex(table, Array.isArray(saved) ? saved[0] : saved), targetLast: '' };
  return {
    target: targetIndex(table, saved[0]),
    targetLast: targetIndex(table, saved[saved.length - 1]),
  };
}

/** The target select's value for a saved target (a column name or index), if it is a column. */
export function targetIndex(table: CsvTableResult, saved: string | number | undefined): string {
  const last = String(table.columns.length - 1);
  if (saved === undefined) return last;
  if (typeof saved === 'number') return saved < table.columns.length ? String(saved) : last;
  const index = table.columns.indexOf(saved);
  if (index >= 0) return String(index);
  const asNumber = Number(saved);
  return Number.isInteger(asNumber) && asNumber >= 0 && asNumber < table.columns.length
    ? String(asNumber)
    : last;
}

/** What a text import starts from: the defaults of the text-csv data set spec. */
export const TEXT_DEFAULTS = { maxLength: 100, vocabularySize: 10_000 } as const;
export const TEXT_LENGTH = { min: 2, max: 2000 } as const;
export const VOCABULARY_SIZE = { min: 10, max: 200_000 } as const;

export const textLengthCheck = (form: CsvForm) =>
  checkWhole('Words per text', form.maxLength, TEXT_LENGTH.min, TEXT_LENGTH.max);
export const vocabularySizeCheck = (form: CsvForm) =>
  checkWhole('Vocabulary size', form.vocabularySize, VOCABULARY_SIZE.min, VOCABULARY_SIZE.max);

/** Words in a cell that is not a number, for telling a column of sentences from categories. */
function wordsIn(cell: string): number {
  const trimmed = cell.trim();
  if (trimmed === '' || Number.isFinite(Number(trimmed))) return 0;
  return trimmed.split(/\s+/).length;
}

/**
 * The column of a CSV table that holds text to read word by word (sentences, reviews), as
 * the select's value, or '' when none does: the one whose cells have the most words, at
 * least three on average. A category ("setosa", "New York") has fewer.
 */
export function textColumnGuess(table: CsvTableResult): string {
  if (table.rows.length === 0 || table.columns.length < 2) return '';
  let best = '';
  let bestWords = 3;
  table.columns.forEach((_, index) => {
    const words = table.rows.reduce((sum, row) => sum + wordsIn(String(row[index] ?? '')), 0);
    const average = words / table.rows.length;
    if (average >= bestWords) {
      best = String(index);
      bestWords = average;
    }
  });
  return best;
}

/**
 * The text and label selects' values once the table is read: a saved text column is found
 * again, a new file's is guessed, and the label is then the other column (the last one, or
 * the first when the text is last) unless one was saved.
 */
export function csvColumnFields(
  table: CsvTableResult,
  form: Pick<CsvForm, 'savedTarget' | 'savedTextColumn'>,
): Pick<CsvForm, 'target' | 'targetLast' | 'textColumn'> {
  const target = targetFields(table, form.savedTarget);
  const saved = form.savedTextColumn;
  const textColumn =
    saved === null ? '' : saved === undefined ? textColumnGuess(table) : targetIndex(table, saved);
  if (textColumn === '') return { ...target, textColumn };
  const label =
    form.savedTarget !== undefined && target.target !== textColumn
      ? target.target
      : String(textColumn === String(table.columns.length - 1) ? 0 : table.columns.length - 1);
  return { target: label, targetLast: '', textColumn };
}

/**
 * The data set the CSV form describes, once a file is read and a target picked: a table of
 * numbers and categories, or texts with their labels when a column is read as text.
 */
export function csvFormSpec(form: CsvForm): CsvSpec | TextCsvSpec | undefined {
  return form.textColumn === '' ? csvSpec(form) : textCsvSpec(form);
}

/** A header name reads better in saved settings; without a header only the index exists. */
function columnRef(table: CsvTableResult, index: number): string | number {
  const name = table.columns[index];
  return table.hasHeader && name ? name : index;
}

/** The text data set the form describes: its text and label columns, length and vocabulary. */
export function textCsvSpec(form: CsvForm): TextCsvSpec | undefined {
  if (!form.file || !form.table || form.target === '' || form.textColumn === '') return undefined;
  const maxLength = textLengthCheck(form);
  const vocabularySize = vocabularySizeCheck(form);
  if (!maxLength.ok || !vocabularySize.ok) return undefined;
  return {
    source: 'text-csv',
    path: form.file.path,
    textColumn: columnRef(form.table, Number(form.textColumn)),
    labelColumn: columnRef(form.table, Number(form.target)),
    maxLength: maxLength.value as number,
    vocabularySize: vocabularySize.value as number,
  };
}

/** The CSV spec the form describes, once a file is read and a target picked. */
export function csvSpec(form: CsvForm): CsvSpec | undefined {
  if (!form.file || !form.table || form.target === '') return undefined;
  const table = form.table;
  const column = (index: number) => columnRef(table, index);
  const first = Number(form.target);
  const last = form.targetLast === '' ? first : Number(form.targetLast);
  const from = Math.min(first, last);
  const to = Math.max(first, last);
  return {
    source: 'csv',
    path: form.file.path,
    target:
      from === to
        ? column(first)
        : Array.from({ length: to - from + 1 }, (_, k) => column(from + k)),
    task: form.task,
    delimiter: form.delimiter,
    header: form.header,
    scaling: form.scaling,
    missing: form.missing,
  };
}

export type FieldCheck =
  | { readonly ok: true; readonly value: number | undefined }
  | { readonly ok: false; readonly message: string };

/** A whole number between min and max typed in a field; '' is allowed when `optional`. */
export function checkWhole(
  label: string,
  text: string,
  min: number,
  max: number,
  optional = false,
): FieldCheck {
  const trimmed = text.trim();
  const range = max === Number.MAX_SAFE_INTEGER ? `of at least ${min}` : `from ${min} to ${max}`;
  if (trimmed === '') {
    return optional
      ? { ok: true, value: undefined }
      : { ok: false, message: `${label} is empty. Enter a whole number ${range}.` };
  }
  const value = Number(trimmed);
  if (!Number.isInteger(value)) {
    return { ok: false, message: `${label} must be a whole number ${range}; "${text}" is not.` };
  }
  if (value < min || value > max) {
    return { ok: false, message: `${label} must be a whole number ${range}; ${value} is not.` };
  }
  return { ok: true, value };
}

export const IMAGE_SIZE = { min: 4, max: 512 } as const;
export const IDX_LIMIT_MIN = 10;

export const imageHeightCheck = (form: ImageForm) =>
  checkWhole('Height', form.height, IMAGE_SIZE.min, IMAGE_SIZE.max);
export const imageWidthCheck = (form: ImageForm) =>
  checkWhole('Width', form.width, IMAGE_SIZE.min, IMAGE_SIZE.max);
export const idxLimitCheck = (form: IdxForm) =>
  checkWhole('Examples to use', form.limit, IDX_LIMIT_MIN, Number.MAX_SAFE_INTEGER, true);

/** The image-folder spec the form describes, when a folder is chosen and the size is valid. */
export function imageSpec(form: ImageForm): ImageSpec | undefined {
  const height = imageHeightCheck(form);
  const width = imageWidthCheck(form);
  if (!form.folder || !height.ok || !width.ok) return undefined;
  return {
    source: 'images',
    path: form.folder.path,
    size: [height.value as number, width.value as number],
    color: form.color,
  };
}

/** The IDX spec the form describes, when both files are chosen and the limit is valid. */
export function idxSpec(form: IdxForm): IdxSpec | undefined {
  const limit = idxLimitCheck(form);
  if (!form.images || !form.labels || !limit.ok) return undefined;
  return {
    source: 'idx',
    images: form.images.path,
    labels: form.labels.path,
    ...(limit.value !== undefined ? { limit: limit.value } : {}),
  };
}

/** An uploaded IDX file goes in the labels slot when its name says so (train-labels-…). */
export function idxSlot(fileName: string): 'images' | 'labels' {
  return /label/i.test(fileName) ? 'labels' : 'images';
}

/** Which file the user is choosing: one of the IDX pair, or the only file of the others. */
export type ImportSlot = 'csv' | 'images' | 'idx-images' | 'idx-labels';

/** What Neurite answered for an uploaded file: where it keeps it, and what kind it is. */
export type StoredUpload = ApiOutput<'datasets.upload'>;

export interface PlacedUpload {
  readonly forms: ImportForms;
  /** The data set to try now that the form is complete, if it is. */
  readonly toTry: { readonly spec: DatasetSpec; readonly kind: ImportKind } | undefined;
}

/**
 * Puts an uploaded file in the form of its kind: a CSV file starts its form afresh (its
 * columns are read next, and the form tries it once it picks a target); an image folder or
 * an IDX file completes its form when the rest is already there. An IDX file goes in the slot
 * it was picked for, or, when dropped, the one its name says.
 */
export function placeUpload(
  forms: ImportForms,
  stored: StoredUpload,
  fileName: string,
  slot: ImportSlot | undefined,
): PlacedUpload {
  const picked = { path: stored.path, name: fileName };
  if (stored.kind === 'csv') {
    const csv = {
      ...forms.csv,
      file: picked,
      table: undefined,
      target: '',
      targetLast: '',
      savedTarget: undefined,
      textColumn: '',
      savedTextColumn: undefined,
    };
    return { forms: { ...forms, kind: 'csv', csv }, toTry: undefined };
  }
  if (stored.kind === 'images') {
    const next: ImportForms = {
      ...forms,
      kind: 'images',
      images: { ...forms.images, folder: picked },
    };
    const spec = imageSpec(next.images);
    return { forms: next, toTry: spec ? { spec, kind: 'images' } : undefined };
  }
  const which =
    slot === 'idx-images' ? 'images' : slot === 'idx-labels' ? 'labels' : idxSlot(fileName);
  const next: ImportForms = { ...forms, kind: 'idx', idx: { ...forms.idx, [which]: picked } };
  const spec = idxSpec(next.idx);
  return { forms: next, toTry: spec ? { spec, kind: 'idx' } : undefined };
}
