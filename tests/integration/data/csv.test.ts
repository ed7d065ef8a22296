import { afterAll, describe, expect, it } from 'vitest';
import type { DatasetSpecInput } from '../../../src/shared/data/dataset-spec';
import { datasetSpecSchema } from '../../../src/shared/data/dataset-spec';
import { loadDataset } from '../../../src/main/data/load-dataset';
import type { LoadedDataset } from '../../../src/main/data/types';
import { DatasetError } from '../../../src/main/data/types';
import { fixture, tempFolder } from './temp-folder';

/** The CSV/TSV importer, on real files. */

const temp = tempFolder('csv');
afterAll(() => temp.remove());

function load(path: string, options: Partial<Extract<DatasetSpecInput, { source: 'csv' }>> = {}) {
  return loadDataset(datasetSpecSchema.parse({ source: 'csv', path, ...options }));
}

async function loadError(
  path: string,
  options: Partial<Extract<DatasetSpecInput, { source: 'csv' }>> = {},
) {
  const error = await load(path, options).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DatasetError);
  return error as DatasetError;
}

function rows(data: LoadedDataset): number[][] {
  const width = data.info.featureShape[0] ?? 0;
  return Array.from({ length: data.examples.count }, (_, i) =>
    Array.from(data.examples.x.subarray(i * width, (i + 1) * width)),
  );
}

function column(data: LoadedDataset, name: string): number[] {
  const index = data.info.featureNames?.indexOf(name) ?? -1;
  expect(index).toBeGreaterThanOrEqual(0);
  return rows(data).map((row) => row[index] ?? NaN);
}

describe('reading the table', () => {
  it('finds a header, one-hot encodes a word column and predicts the last column', async () => {
    const data = await load(fixture('fruit.csv'), { scaling: 'none' });
    expect(data.info.task).toBe('classification');
    expect(data.info.classNames).toEqual(['apple', 'cherry', 'orange']);
    expect(data.info.featureNames).toEqual([
      'weight_g',
      'diameter_cm',
      'color=green',
      'color=orange',
      'color=red',
    ]);
    expect(data.info.featureShape).toEqual([5]);
    expect(data.info.count).toBe(8);
    expect(rows(data)[0]).toEqual([150, Math.fround(7.1), 0, 0, 1]);
    expect(Array.from(data.examples.y)).toEqual([0, 0, 0, 2, 2, 2, 1, 1]);
    expect(data.info.notes).toContain(
      'Column "color" was one-hot encoded into 3 columns (color=green, color=orange, color=red).',
    );
    expect(data.info.notes.join(' ')).toMatch(/the first line is a header/);
  });

  it('reads a file without a header, naming columns by number, and sees prices as regression', async () => {
    const data = await load(fixture('houses-no-header.csv'), { scaling: 'none' });
    expect(data.info.task).toBe('regression');
    expect(data.info.featureNames).toEqual(['column 1', 'column 2', 'column 3']);
    expect(data.info.targetNames).toEqual(['column 4']);
    expect(data.info.count).toBe(6);
    expect(Array.from(data.examples.y)).toEqual([250000, 180000, 340000, 230000, 455000, 150000]);
    expect(data.info.notes.join(' ')).toMatch(/no header row/);
  });

  it('is told there is no header, and keeps the first line as data', async () => {
    // The student said the first line is data, so "weight_g" is a word in a number column.
    const error = await loadError(fixture('fruit.csv'), { header: 'no', target: 3 });
    expect(error.message).toContain('line 1, column "column 1" holds "weight_g"');
    const path = temp.write('numbers.csv', '1,2,0\n3,4,1\n5,6,0\n7,8,1\n');
    const data = await load(path, { header: 'no' });
    expect(data.info.count).toBe(4);
  });

  it('is told there is a header, even of numbers', async () => {
    const path = temp.write('year-header.csv', '2020,2021,label\n1,2,0\n3,4,1\n5,6,0\n7,8,1\n');
    const data = await load(path, { header: 'yes', scaling: 'none' });
    expect(data.info.featureNames).toEqual(['2020', '2021']);
    expect(data.info.count).toBe(4);
  });

  it('reads tab-separated files through the same path', async () => {
    const data = await load(fixture('points.tsv'), { scaling: 'none' });
    expect(data.info.featureNames).toEqual(['x', 'y']);
    expect(data.info.classNames).toEqual(['high', 'low']);
    expect(rows(data)).toEqual(
      [
        [0.1, 0.2],
        [0.9, 0.8],
        [0.2, 0.1],
        [0.8, 0.9],
      ].map((row) => row.map(Math.fround)),
    );
    expect(data.info.notes.join(' ')).toMatch(/separated by tabs/);
  });

  it('reads semicolons with decimal commas, as spreadsheets in many languages write them', async () => {
    const data = await load(fixture('semicolon-decimal-comma.csv'), {
      scaling: 'none',
      task: 'regression',
    });
    expect(data.info.featureNames).toEqual(['länge', 'breite']);
    expect(rows(data)).toEqual([
      [1.5, 2.25],
      [2, 3.5],
      [2.5, 4],
      [3, 4.75],
    ]);
    expect(Array.from(data.examples.y)).toEqual([10, 12, 15, 18]);
    expect(data.info.notes.join(' ')).toMatch(/decimal comma/);
  });

  it('takes a given delimiter even when another would also fit', async () => {
    const path = temp.write('pipes.csv', 'a|b,c|label\n1|2|x\n3|4|y\n5|6|x\n7|8|y\n');
    const data = await load(path, { delimiter: '|', scaling: 'none' });
    expect(data.info.featureNames).toEqual(['a', 'b,c']);
  });

  it('skips blank lines and reports later lines by their place in the file', async () => {
    const path = temp.write('blank-lines.csv', 'a,b,label\n\n1,2,x\n\n3,4,y\n\n5,6\n');
    const error = await loadError(path);
    expect(error.message).toContain('line 7 has 2 values but the header has 3');
  });

  it('counts lines inside quoted cells that span lines', async () => {
    const path = temp.write('quoted.csv', 'note,value,label\n"two\nlines",1,x\nplain,2,y\nbad,3\n');
    const error = await loadError(path);
    expect(error.code).toBe('ragged-row');
    expect(error.message).toContain('line 5 has 2 values');
  });
});

describe('choosing the target', () => {
  it('by name', async () => {
    const data = await load(fixture('fruit.csv'), { target: 'weight_g', scaling: 'none' });
    expect(data.info.task).toBe('regression');
    expect(data.info.targetNames).toEqual(['weight_g']);
    expect(data.info.featureNames?.[0]).toBe('diameter_cm');
    expect(Array.from(data.examples.y).slice(0, 3)).toEqual([150, 170, 130]);
  });

  it('by name, ignoring case and spaces', async () => {
    const data = await load(fixture('fruit.csv'), { target: ' Fruit ' });
    expect(data.info.classNames).toEqual(['apple', 'cherry', 'orange']);
  });

  it('by 0-based index', async () => {
    const data = await load(fixture('houses-no-header.csv'), { target: 0, scaling: 'none' });
    expect(data.info.targetNames).toEqual(['column 1']);
    expect(data.info.task).toBe('regression');
    expect(Array.from(data.examples.y)).toEqual([3, 2, 4, 3, 5, 2]);
    expect(data.info.featureNames).toEqual(['column 2', 'column 3', 'column 4']);
  });

  it('as classification when asked, even for numbers', async () => {
    const data = await load(fixture('houses-no-header.csv'), { target: 0, task: 'classification' });
    expect(data.info.classNames).toEqual(['2', '3', '4', '5']);
    expect(Array.from(data.examples.y)).toEqual([1, 0, 2, 1, 3, 0]);
  });

  it('auto: few whole numbers that repeat are classes, ordered by value', async () => {
    const lines = ['x,grade'];
    for (let i = 0; i < 30; i += 1) lines.push(`${i},${[10, 2, 1][i % 3]}`);
    const data = await load(temp.write('grades.csv', lines.join('\n')));
    expect(data.info.task).toBe('classification');
    expect(data.info.classNames).toEqual(['1', '2', '10']);
  });

  it('auto: decimals are a regression', async () => {
    const lines = ['x,y'];
    for (let i = 0; i < 30; i += 1) lines.push(`${i},${(i % 3) + 0.5}`);
    const data = await load(temp.write('decimals.csv', lines.join('\n')));
    expect(data.info.task).toBe('regression');
  });

  it('refuses a column name that is not in the header, listing the columns', async () => {
    const error = await loadError(fixture('fruit.csv'), { target: 'kind' });
    expect(error.code).toBe('unknown-column');
    expect(error.message).toContain('no column called "kind"');
    expect(error.message).toContain('"weight_g", "diameter_cm", "color", "fruit"');
  });

  it('refuses a column number past the last column', async () => {
    const error = await loadError(fixture('fruit.csv'), { target: 9 });
    expect(error.message).toContain('has 4 columns (numbered 0 to 3), so there is no column 9');
  });

  it('refuses a column name when the file has no header', async () => {
    const error = await loadError(fixture('houses-no-header.csv'), { target: 'price' });
    expect(error.message).toContain('has no header row');
  });

  it('refuses words as a regression target', async () => {
    const error = await loadError(fixture('fruit.csv'), { task: 'regression' });
    expect(error.code).toBe('bad-target');
    expect(error.message).toContain('"apple"');
  });

  it('refuses a single class', async () => {
    const path = temp.write('one-class.csv', 'a,label\n1,yes\n2,yes\n3,yes\n');
    const error = await loadError(path);
    expect(error.code).toBe('too-few-classes');
  });
});

describe('scaling, fitted on the training rows only', () => {
  const lines = ['x,z,label'];
  for (let i = 0; i < 10; i += 1) lines.push(`${i},${i * 2},${i % 2}`);
  // Two outliers that would move the mean, spread, min and max a lot if they were looked at.
  lines.push('1000,-500,0', '2000,-900,1');
  const path = temp.write('scaling.csv', lines.join('\n'));
  const trainRows = Int32Array.from({ length: 10 }, (_, i) => i);

  it('standardize: training rows get mean 0 and spread 1; validation rows do not count', async () => {
    const data = await load(path, { scaling: 'standardize' });
    data.fitOnTrainingRows?.(trainRows);
    const x = column(data, 'x');
    const train = x.slice(0, 10);
    const mean = train.reduce((a, b) => a + b, 0) / 10;
    const spread = Math.sqrt(train.reduce((a, b) => a + (b - mean) ** 2, 0) / 10);
    expect(mean).toBeCloseTo(0, 5);
    expect(spread).toBeCloseTo(1, 5);
    // 0…9 has mean 4.5 and spread √8.25: the validation row 1000 is scaled with them.
    expect(x[10]).toBeCloseTo((1000 - 4.5) / Math.sqrt(8.25), 3);
  });

  it('gives the same training values whatever the validation rows hold', async () => {
    const other = ['x,z,label'];
    for (let i = 0; i < 10; i += 1) other.push(`${i},${i * 2},${i % 2}`);
    other.push('-3,4,0', '5,5,1');
    const a = await load(path);
    const b = await load(temp.write('scaling-other.csv', other.join('\n')));
    a.fitOnTrainingRows?.(trainRows);
    b.fitOnTrainingRows?.(trainRows);
    expect(Array.from(a.examples.x.subarray(0, 20))).toEqual(
      Array.from(b.examples.x.subarray(0, 20)),
    );
  });

  it('min-max: training rows span 0…1 exactly', async () => {
    const data = await load(path, { scaling: 'minmax' });
    data.fitOnTrainingRows?.(trainRows);
    const z = column(data, 'z');
    expect(Math.min(...z.slice(0, 10))).toBe(0);
    expect(Math.max(...z.slice(0, 10))).toBe(1);
    expect(z[10]).toBeCloseTo(-500 / 18, 4);
  });

  it('can be refitted for another split (k-fold) from the original values', async () => {
    const data = await load(path, { scaling: 'minmax' });
    data.fitOnTrainingRows?.(trainRows);
    data.fitOnTrainingRows?.(Int32Array.from([0, 1]));
    expect(column(data, 'x').slice(0, 3)).toEqual([0, 1, 2]);
  });

  it('leaves one-hot columns as 0 and 1', async () => {
    const data = await load(fixture('fruit.csv'));
    data.fitOnTrainingRows?.(Int32Array.from([0, 1, 2, 3]));
    expect(new Set(column(data, 'color=red'))).toEqual(new Set([0, 1]));
    expect(data.info.notes.join(' ')).toMatch(/training rows only/);
  });
});

describe('empty cells', () => {
  it("'error' names the first empty cell's line and column", async () => {
    const error = await loadError(fixture('empty-cells.csv'));
    expect(error.code).toBe('missing-value');
    expect(error.message).toContain('empty-cells.csv: line 3, column "age" is empty');
    expect(error.message).toContain('4 rows have empty cells');
  });

  it("'drop' drops the rows and says so", async () => {
    const data = await load(fixture('empty-cells.csv'), { missing: 'drop', scaling: 'none' });
    expect(data.info.count).toBe(2);
    expect(column(data, 'age')).toEqual([20, 40]);
    expect(data.info.notes).toContain('4 rows with empty cells were dropped (lines 3, 4, 6, 7).');
  });

  it("'mean' fills numbers with the training rows' mean, and drops rows without a target", async () => {
    const data = await load(fixture('empty-cells.csv'), { missing: 'mean', scaling: 'none' });
    expect(data.info.count).toBe(5);
    // Rows: 20, (empty), 30, 40, 50 — train on the first three only.
    data.fitOnTrainingRows?.(Int32Array.from([0, 1, 2]));
    expect(column(data, 'age')).toEqual([20, 25, 30, 40, 50]);
    // score: 3.5, 2.0, 4.0, 1.0, (empty) → the training mean of 3.5, 2.0, 4.0
    expect(column(data, 'score')[4]).toBeCloseTo(9.5 / 3, 5);
    expect(column(data, 'city=berlin')[2]).toBe(0);
    expect(column(data, 'city=paris')[2]).toBe(0);
    const notes = data.info.notes.join('\n');
    expect(notes).toContain(
      '1 row with no value in the target column "passed" was dropped (line 7)',
    );
    expect(notes).toContain(
      '1 empty cell in column "age" is filled with the mean of the training rows.',
    );
    expect(notes).toContain('1 empty cell in column "city" has no category set');
  });

  it('treats NA and ? as empty', async () => {
    const path = temp.write('markers.csv', 'a,b,label\n1,NA,x\n2,?,y\n3,4,x\n4,5,y\n');
    const data = await load(path, { missing: 'drop' });
    expect(data.info.count).toBe(2);
  });

  it('says so when dropping would leave nothing', async () => {
    const path = temp.write('all-empty.csv', 'a,b,label\n1,,x\n,2,y\n');
    const error = await loadError(path, { missing: 'drop' });
    expect(error.code).toBe('empty-file');
  });
});

describe('files a student must fix', () => {
  it('ragged rows: names the line and both widths', async () => {
    const error = await loadError(fixture('ragged.csv'));
    expect(error.code).toBe('ragged-row');
    expect(error.message).toContain('ragged.csv: line 7 has 3 values but the header has 5');
  });

  it('ragged rows without a header: compares with the first line', async () => {
    const path = temp.write('ragged-no-header.csv', '1,2,3\n4,5,6\n7,8\n');
    const error = await loadError(path, { header: 'no' });
    expect(error.message).toContain('line 3 has 2 values but line 1 has 3');
  });

  it('a word in a number column: names the line, the column and the value', async () => {
    const error = await loadError(fixture('typo.csv'));
    expect(error.code).toBe('not-a-number');
    expect(error.message).toContain('line 4, column "height" holds "1o5", which is not a number');
  });

  it('an unclosed quote', async () => {
    const path = temp.write('quote.csv', 'a,b,label\n1,2,x\n3,"4,y\n5,6,x\n');
    const error = await loadError(path);
    expect(error.code).toBe('corrupt-csv');
    expect(error.message).toContain('line 3');
  });

  it('an empty file', async () => {
    const error = await loadError(temp.write('empty.csv', '  \n\n'));
    expect(error.code).toBe('empty-file');
    expect(error.message).toContain('empty.csv is empty');
  });

  it('a header and nothing else', async () => {
    const error = await loadError(temp.write('header-only.csv', 'a,b,label\n'));
    expect(error.code).toBe('empty-file');
    expect(error.message).toContain('header row but no data rows');
  });

  it('a single column', async () => {
    const error = await loadError(temp.write('one-column.csv', 'a\n1\n2\n'));
    expect(error.code).toBe('no-features');
  });

  it('a file that is not there', async () => {
    const path = temp.path('nowhere.csv');
    const error = await loadError(path);
    expect(error.code).toBe('file-not-found');
    expect(error.message).toBe(
      `There is no file at ${path}. Check the path, or pick the file again.`,
    );
  });

  it('a folder instead of a file', async () => {
    const error = await loadError(temp.root);
    expect(error.code).toBe('not-a-file');
  });
});

describe('columns that cannot be used', () => {
  it('an id column with a different word in every row is left out, with a note', async () => {
    const lines = ['name,x,label'];
    for (let i = 0; i < 60; i += 1) lines.push(`person${i},${i},${i % 2 === 0 ? 'a' : 'b'}`);
    const data = await load(temp.write('ids.csv', lines.join('\n')));
    expect(data.info.featureNames).toEqual(['x']);
    expect(data.info.notes.join(' ')).toContain(
      'Column "name" was left out: it has 60 different words',
    );
  });

  it('a column empty in every row is left out, with a note', async () => {
    const data = await load(temp.write('trailing.csv', 'a,,label\n1,,x\n2,,y\n3,,x\n'));
    expect(data.info.featureNames).toEqual(['a']);
    expect(data.info.notes.join(' ')).toContain(
      'Column "column 2" is empty in every row and was left out.',
    );
  });
});
