import { describe, expect, it } from 'vitest';
import {
  baseName,
  checkWhole,
  csvColumnFields,
  csvFormSpec,
  csvSpec,
  idxSlot,
  idxSpec,
  imageSpec,
  initialForms,
  targetFields,
  targetIndex,
  textColumnGuess,
} from '../../../src/renderer/src/data/model/import-forms';
import type { CsvTableResult } from '../../../src/shared/data/dataset-preview';
import { chain } from '../../fixtures/build-graph';

/** The import forms turn what the user chose and typed into data set specs. */

const table: CsvTableResult = {
  kind: 'table',
  columns: ['species', 'sepal_length', 'petal_width'],
  rows: [['setosa', '5.1', '0.2']],
  rowCount: 1,
  delimiter: ',',
  hasHeader: true,
};

describe('targetIndex', () => {
  it('finds a saved target by name or number, else takes the last column', () => {
    expect(targetIndex(table, 'species')).toBe('0');
    expect(targetIndex(table, 1)).toBe('1');
    expect(targetIndex(table, '1')).toBe('1');
    expect(targetIndex(table, undefined)).toBe('2');
    expect(targetIndex(table, 'no such column')).toBe('2');
    expect(targetIndex(table, 9)).toBe('2');
  });
});

describe('csvSpec', () => {
  const form = initialForms(undefined).csv;
  it('names the target column when the file has a header, else gives its number', () => {
    const chosen = { ...form, file: { path: '/d/iris.csv', name: 'iris.csv' }, table, target: '0' };
    expect(csvSpec(chosen)).toEqual({
      source: 'csv',
      path: '/d/iris.csv',
      target: 'species',
      task: 'auto',
      delimiter: 'auto',
      header: 'auto',
      scaling: 'standardize',
      missing: 'error',
    });
    expect(csvSpec({ ...chosen, table: { ...table, hasHeader: false } })?.target).toBe(0);
  });

  it('names every column from the first to the last target, in order, for a sequence', () => {
    const chosen = { ...form, file: { path: '/d/iris.csv', name: 'iris.csv' }, table };
    expect(csvSpec({ ...chosen, target: '0', targetLast: '2' })?.target).toEqual([
      'species',
      'sepal_length',
      'petal_width',
    ]);
    // Picked backwards, the columns still run left to right.
    expect(csvSpec({ ...chosen, target: '2', targetLast: '1' })?.target).toEqual([
      'sepal_length',
      'petal_width',
    ]);
    expect(csvSpec({ ...chosen, target: '1', targetLast: '1' })?.target).toBe('sepal_length');
    // A saved list of target columns comes back as the same first and last column.
    expect(targetFields(table, ['sepal_length', 'petal_width'])).toEqual({
      target: '1',
      targetLast: '2',
    });
    expect(targetFields(table, 'species')).toEqual({ target: '0', targetLast: '' });
  });

  it('is not ready before the file is read', () => {
    expect(csvSpec({ ...form, file: { path: '/d/a.csv', name: 'a.csv' } })).toBeUndefined();
  });
});

describe('initialForms', () => {
  it('fills the form of the saved import and opens its kind', () => {
    const forms = initialForms({
      source: 'csv',
      path: '/data/uploads/1/iris.csv',
      target: 'species',
      task: 'classification',
      delimiter: 'auto',
      header: 'auto',
      scaling: 'minmax',
      missing: 'drop',
    });
    expect(forms.kind).toBe('csv');
    expect(forms.csv.file).toEqual({ path: '/data/uploads/1/iris.csv', name: 'iris.csv' });
    expect(forms.csv).toMatchObject({ savedTarget: 'species', scaling: 'minmax', missing: 'drop' });
    const idx = initialForms({
      source: 'idx',
      images: 'C:\\data\\train-images-idx3-ubyte.gz',
      labels: 'C:\\data\\train-labels-idx1-ubyte.gz',
      limit: 500,
    });
    expect(idx.kind).toBe('idx');
    expect(idx.idx.images?.name).toBe('train-images-idx3-ubyte.gz');
    expect(idx.idx.limit).toBe('500');
  });

  it("starts an image import at the size and colour the network's Input reads", () => {
    const colourNetwork = chain({ form: 'image', shape: [32, 48, 3] }, [['Flatten']]);
    expect(initialForms(undefined, colourNetwork).images).toMatchObject({
      height: '32',
      width: '48',
      color: 'rgb',
    });
    const grayNetwork = chain({ form: 'image', shape: [64, 64, 1] }, [['Flatten']]);
    expect(initialForms(undefined, grayNetwork).images).toMatchObject({
      height: '64',
      width: '64',
      color: 'grayscale',
    });
    // A network that does not read images keeps the MNIST-sized default.
    const vectorNetwork = chain({ form: 'vector', shape: [4] }, [['Dense', { units: 2 }]]);
    expect(initialForms(undefined, vectorNetwork).images).toMatchObject({
      height: '28',
      width: '28',
      color: 'grayscale',
    });
  });
});

describe('image and IDX specs', () => {
  it('needs a folder and a valid size', () => {
    const form = initialForms(undefined).images;
    expect(imageSpec(form)).toBeUndefined();
    const folder = { path: '/d/shapes', name: 'shapes' };
    expect(imageSpec({ ...form, folder })).toEqual({
      source: 'images',
      path: '/d/shapes',
      size: [28, 28],
      color: 'grayscale',
    });
    expect(imageSpec({ ...form, folder, width: '3' })).toBeUndefined();
  });

  it('needs both files; an empty limit means every example', () => {
    const images = { path: '/d/i', name: 'i' };
    const labels = { path: '/d/l', name: 'l' };
    expect(idxSpec({ images, labels: undefined, limit: '' })).toBeUndefined();
    expect(idxSpec({ images, labels, limit: '' })).toEqual({
      source: 'idx',
      images: '/d/i',
      labels: '/d/l',
    });
    expect(idxSpec({ images, labels, limit: '5' })).toBeUndefined();
  });

  it('puts an uploaded IDX file in the slot its name says', () => {
    expect(idxSlot('train-labels-idx1-ubyte.gz')).toBe('labels');
    expect(idxSlot('t10k-images-idx3-ubyte')).toBe('images');
  });
});

describe('checkWhole', () => {
  it('explains an empty, fractional or out-of-range value', () => {
    expect(checkWhole('Height', '', 4, 512)).toEqual({
      ok: false,
      message: 'Height is empty. Enter a whole number from 4 to 512.',
    });
    expect(checkWhole('Height', '2.5', 4, 512)).toEqual({
      ok: false,
      message: 'Height must be a whole number from 4 to 512; "2.5" is not.',
    });
    expect(checkWhole('Examples to use', '3', 10, Number.MAX_SAFE_INTEGER, true)).toEqual({
      ok: false,
      message: 'Examples to use must be a whole number of at least 10; 3 is not.',
    });
    expect(checkWhole('Examples to use', ' ', 10, 100, true)).toEqual({
      ok: true,
      value: undefined,
    });
  });
});

describe('baseName', () => {
  it('takes the last part of a path on any system', () => {
    expect(baseName('/home/ana/data/iris.csv')).toBe('iris.csv');
    expect(baseName('C:\\Users\\ana\\digits')).toBe('digits');
    expect(baseName('/data/images/')).toBe('images');
  });
});

describe('a text CSV (a column of sentences and a column of labels)', () => {
  const reviews: CsvTableResult = {
    kind: 'table',
    columns: ['id', 'review', 'sentiment'],
    rows: [
      [1, 'a warm and funny film', 'pos'],
      [2, 'the plot goes nowhere', 'neg'],
    ],
    rowCount: 2,
    delimiter: ',',
    hasHeader: true,
  };

  it.each([
    ['the column of sentences', reviews, '1'],
    ['none in a table of numbers and categories', table, ''],
    ['none for short names ("New York")', { ...reviews, rows: [[1, 'New York', 'pos']] }, ''],
    [
      'the text even when it is the last column',
      { ...reviews, columns: ['a', 'b', 'c'], rows: [['x', 1, 'one two three four']] },
      '2',
    ],
  ])('textColumnGuess finds %s', (_, from, expected) => {
    expect(textColumnGuess(from)).toBe(expected);
  });

  it('reads a new file with text as texts and labels, the label the last other column', () => {
    const fields = csvColumnFields(reviews, { savedTarget: undefined, savedTextColumn: undefined });
    expect(fields).toEqual({ target: '2', targetLast: '', textColumn: '1' });
    expect(
      csvColumnFields(
        { ...reviews, columns: ['review', 'sentiment'], rows: [['a b c d', 'x']] },
        {
          savedTarget: undefined,
          savedTextColumn: undefined,
        },
      ),
    ).toEqual({ target: '1', targetLast: '', textColumn: '0' });
  });

  it('keeps a saved table a table, and finds saved text and label columns again', () => {
    expect(csvColumnFields(reviews, { savedTarget: 'id', savedTextColumn: null }).textColumn).toBe(
      '',
    );
    expect(csvColumnFields(reviews, { savedTarget: 'id', savedTextColumn: 'review' })).toEqual({
      target: '0',
      targetLast: '',
      textColumn: '1',
    });
  });

  it('describes a text-csv data set, and comes back from one', () => {
    const saved = {
      source: 'text-csv',
      path: '/data/uploads/reviews.csv',
      textColumn: 'review',
      labelColumn: 'sentiment',
      maxLength: 40,
      vocabularySize: 500,
    } as const;
    const form = initialForms(saved).csv;
    expect(form).toMatchObject({ savedTextColumn: 'review', savedTarget: 'sentiment' });
    const read = { ...form, table: reviews, ...csvColumnFields(reviews, form) };
    expect(csvFormSpec(read)).toEqual(saved);
    // A length or vocabulary that is not a whole number in range describes no data set yet.
    expect(csvFormSpec({ ...read, maxLength: '1' })).toBeUndefined();
    expect(csvFormSpec({ ...read, vocabularySize: 'many' })).toBeUndefined();
  });
});
