import type { DatasetInfo } from '../../../shared/data/dataset-info';
import type {
  ClassCount,
  CsvTableResult,
  DatasetPreview,
  ImagesPreview,
  ScatterPreview,
  SeriesPreview,
  TablePreview,
} from '../../../shared/data/dataset-preview';
import {
  MAX_PREVIEW_IMAGES,
  MAX_PREVIEW_POINTS,
  MAX_PREVIEW_ROWS,
  MAX_PREVIEW_SERIES,
} from '../../../shared/data/dataset-preview';
import type { DatasetSpec } from '../../../shared/data/dataset-spec';
import { columnName } from '../../data/import/csv-columns';
import type { Table, TableOptions } from '../../data/import/csv-table';
import { parseTable } from '../../data/import/csv-table';
import { readSourceText } from '../../data/import/read-source-file';
import { PADDING_ID } from '../../data/import/tokenize';
import { featuresOfRow } from '../../data/example-rows';
import type { ExampleTable, LoadedDataset } from '../../data/types';

/** Long cells (texts) are cut in the table so one review does not fill the screen. */
const MAX_CELL_LENGTH = 200;

/**
 * The glimpse of a loaded data set the panel shows, by what its examples are: the file's own
 * rows for CSV sources, images for image data, a scatter for 2-D points, a few sequences for
 * sequence data, and a table of the features for any other list of numbers.
 */
export async function buildPreview(
  spec: DatasetSpec,
  dataset: LoadedDataset,
): Promise<DatasetPreview> {
  if (spec.source === 'csv') return csvPreview(spec.path, spec);
  if (spec.source === 'text-csv')
    return csvPreview(spec.path, { delimiter: 'auto', header: 'auto' });
  const { info, examples } = dataset;
  if (dataset.texts) return textTable(info, examples, dataset.texts);
  const shape = info.featureShape;
  if (shape.length === 3 && (shape[2] === 1 || shape[2] === 3))
    return imagesPreview(info, examples);
  if (shape.length === 2) return seriesPreview(info, examples);
  if (shape.length === 1 && shape[0] === 2) return scatterPreview(info, examples);
  return featureTable(info, examples);
}

/** The first rows of a CSV file as the import cuts it, for the preview and the column picker. */
export async function readCsvTable(path: string, options: TableOptions): Promise<CsvTableResult> {
  const table = parseTable(await readSourceText(path), path, options);
  return {
    ...tableOf(table),
    delimiter: table.delimiter,
    hasHeader: table.header !== undefined,
  };
}

async function csvPreview(path: string, options: TableOptions): Promise<TablePreview> {
  const { kind, columns, rows, rowCount } = await readCsvTable(path, options);
  return { kind, columns, rows, rowCount };
}

function tableOf(table: Table): TablePreview {
  const columns = Array.from({ length: table.columnCount }, (_, i) => columnName(table, i));
  const rows = table.rows
    .slice(0, MAX_PREVIEW_ROWS)
    .map((row) =>
      row.cells.map((cell) =>
        cell.length > MAX_CELL_LENGTH ? `${cell.slice(0, MAX_CELL_LENGTH - 1)}…` : cell,
      ),
    );
  return { kind: 'table', columns, rows, rowCount: table.rows.length };
}

/** Indices spread evenly over all examples, so a set ordered by class shows every class. */
function spread(count: number, wanted: number): number[] {
  const n = Math.min(count, wanted);
  return Array.from({ length: n }, (_, i) => Math.floor((i * count) / n));
}

function labelOf(info: DatasetInfo, examples: ExampleTable, index: number): string {
  if (info.task === 'classification') {
    const label = examples.y[index] as number;
    return info.classNames?.[label] ?? String(label);
  }
  const size = info.targetSize;
  const values = Array.from(examples.y.subarray(index * size, (index + 1) * size), (v) =>
    Number(v.toPrecision(4)),
  );
  const name = info.targetNames?.length === 1 ? `${info.targetNames[0]} ` : '';
  return `${name}${values.join(', ')}`;
}

function featureTable(info: DatasetInfo, examples: ExampleTable): TablePreview {
  const width = info.featureShape.reduce((a, b) => a * b, 1);
  const names =
    info.featureNames && info.featureNames.length === width
      ? info.featureNames
      : Array.from({ length: width }, (_, i) => `x${i + 1}`);
  const target =
    info.task === 'classification' ? 'class' : (info.targetNames?.join(', ') ?? 'target');
  const rows = spread(examples.count, MAX_PREVIEW_ROWS).map((index) => [
    index + 1,
    ...Array.from(examples.x.subarray(index * width, (index + 1) * width), (v) =>
      Number(v.toPrecision(4)),
    ),
    labelOf(info, examples, index),
  ]);
  return { kind: 'table', columns: ['#', ...names, target], rows, rowCount: examples.count };
}

/** Texts as written, with the word ids the network reads (padding left out) and the label. */
function textTable(
  info: DatasetInfo,
  examples: ExampleTable,
  texts: readonly string[],
): TablePreview {
  const length = info.featureShape[0] ?? 0;
  const rows = byClassInTurn(info, examples, MAX_PREVIEW_ROWS).map((index) => {
    const ids = Array.from(examples.x.subarray(index * length, (index + 1) * length));
    const firstWord = ids.findIndex((id) => id !== PADDING_ID);
    const text = texts[index] ?? '';
    return [
      index + 1,
      text.length > MAX_CELL_LENGTH ? `${text.slice(0, MAX_CELL_LENGTH - 1)}…` : text,
      firstWord < 0 ? '' : ids.slice(firstWord).join(' '),
      labelOf(info, examples, index),
    ];
  });
  return {
    kind: 'table',
    columns: ['#', 'text', 'word ids', 'class'],
    rows,
    rowCount: examples.count,
  };
}

function imagesPreview(info: DatasetInfo, examples: ExampleTable): ImagesPreview {
  const [height, width, channels] = info.featureShape as [number, number, 1 | 3];
  const size = height * width * channels;
  const items = byClassInTurn(info, examples, MAX_PREVIEW_IMAGES).map((index) => {
    const bytes = new Uint8Array(size);
    const values = featuresOfRow(examples, index, size);
    for (let i = 0; i < size; i += 1) {
      bytes[i] = Math.max(0, Math.min(255, Math.round((values[i] as number) * 255)));
    }
    return { label: labelOf(info, examples, index), pixels: Buffer.from(bytes).toString('base64') };
  });
  return { kind: 'images', width, height, channels, items };
}

/**
 * Examples taken from each class in turn (first of class 0, first of class 1, …), so a grid of
 * a folder sorted by class still shows every class.
 */
function byClassInTurn(info: DatasetInfo, examples: ExampleTable, wanted: number): number[] {
  if (info.task !== 'classification') return spread(examples.count, wanted);
  const perClass = new Map<number, number[]>();
  for (let i = 0; i < examples.count; i += 1) {
    const label = examples.y[i] as number;
    const list = perClass.get(label) ?? [];
    if (list.length < wanted) list.push(i);
    perClass.set(label, list);
  }
  const queues = [...perClass.entries()].sort((a, b) => a[0] - b[0]).map(([, list]) => list);
  const chosen: number[] = [];
  for (let round = 0; chosen.length < wanted; round += 1) {
    const before = chosen.length;
    for (const queue of queues) {
      const index = queue[round];
      if (index !== undefined && chosen.length < wanted) chosen.push(index);
    }
    if (chosen.length === before) break;
  }
  return chosen;
}

function scatterPreview(info: DatasetInfo, examples: ExampleTable): ScatterPreview {
  const points = spread(examples.count, MAX_PREVIEW_POINTS).map((index) => ({
    x: examples.x[index * 2] as number,
    y: examples.x[index * 2 + 1] as number,
    label: labelOf(info, examples, index),
  }));
  return {
    kind: 'scatter',
    xLabel: info.featureNames?.[0] ?? 'x1',
    yLabel: info.featureNames?.[1] ?? 'x2',
    points,
    total: examples.count,
  };
}

function seriesPreview(info: DatasetInfo, examples: ExampleTable): SeriesPreview {
  const [steps, features] = info.featureShape as [number, number];
  const items = byClassInTurn(info, examples, MAX_PREVIEW_SERIES).map((index) => {
    const start = index * steps * features;
    const lines = Array.from({ length: features }, (_, f) =>
      Array.from({ length: steps }, (_, t) => examples.x[start + t * features + f] as number),
    );
    return { label: labelOf(info, examples, index), lines };
  });
  return { kind: 'series', steps, items };
}

/** Classification: how many examples each class has, in class order. */
export function classBalance(dataset: LoadedDataset): ClassCount[] | undefined {
  const { info, examples } = dataset;
  if (info.task !== 'classification') return undefined;
  const names = info.classNames ?? [];
  const counts = new Array<number>(names.length).fill(0);
  for (let i = 0; i < examples.count; i += 1) {
    const label = examples.y[i] as number;
    counts[label] = (counts[label] ?? 0) + 1;
  }
  return counts.map((count, label) => ({ name: names[label] ?? String(label), count }));
}
