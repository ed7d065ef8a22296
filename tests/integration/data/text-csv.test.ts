import { afterAll, describe, expect, it } from 'vitest';
import { datasetSpecSchema } from '../../../src/shared/data/dataset-spec';
import type { DatasetSpecInput } from '../../../src/shared/data/dataset-spec';
import { loadDataset } from '../../../src/main/data/load-dataset';
import { DatasetError } from '../../../src/main/data/types';
import { tokenize } from '../../../src/main/data/import/tokenize';
import { fixture, tempFolder } from './temp-folder';

/** Text classification CSVs: words → ids, vocabulary from the training rows only. */

const temp = tempFolder('text');
afterAll(() => temp.remove());

type TextSpec = Omit<Extract<DatasetSpecInput, { source: 'text-csv' }>, 'source'>;
const load = (spec: TextSpec) =>
  loadDataset(datasetSpecSchema.parse({ source: 'text-csv', ...spec }));

async function loadError(spec: TextSpec): Promise<DatasetError> {
  const error = await load(spec).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DatasetError);
  return error as DatasetError;
}

const row = (x: ArrayLike<number>, i: number, length: number) =>
  Array.from(x).slice(i * length, (i + 1) * length);

describe('tokenize', () => {
  it('lowercases and splits on anything but letters and digits, in any alphabet', () => {
    expect(tokenize("Don't STOP: 2 Times!")).toEqual(['don', 't', 'stop', '2', 'times']);
    expect(tokenize('Grüße, café — naïve')).toEqual(['grüße', 'café', 'naïve']);
    expect(tokenize('  ')).toEqual([]);
  });
});

describe('text CSV', () => {
  it('reads texts and labels by column name, as int32 word ids', async () => {
    const data = await load({
      path: fixture('reviews.csv'),
      textColumn: 'review',
      labelColumn: 'sentiment',
      maxLength: 8,
    });
    expect(data.info.featureType).toBe('int32');
    expect(data.examples.x).toBeInstanceOf(Int32Array);
    expect(data.info.featureShape).toEqual([8]);
    expect(data.info.classNames).toEqual(['negative', 'positive']);
    expect(Array.from(data.examples.y)).toEqual([1, 0, 1, 0, 1, 0]);
    expect(data.info.count).toBe(6);
    // "wonderful" appears 3 times, more than any other word: id 2.
    const first = row(data.examples.x, 0, 8);
    expect(first.filter((id) => id === 2)).toHaveLength(2);
    // "Boring and far too long": 5 words, padded with 0 at the start.
    expect(row(data.examples.x, 1, 8).slice(0, 3)).toEqual([0, 0, 0]);
    expect(
      row(data.examples.x, 1, 8)
        .slice(3)
        .every((id) => id >= 2),
    ).toBe(true);
  });

  it('builds the vocabulary from the training rows only', async () => {
    const data = await load({
      path: fixture('reviews.csv'),
      textColumn: 0,
      labelColumn: 1,
      maxLength: 6,
    });
    // Train on rows 0 and 1 only: words of rows 2…5 are unknown (1) unless rows 0–1 have them.
    data.fitOnTrainingRows?.(Int32Array.from([0, 1]));
    const known = new Set([
      ...tokenize('A wonderful, moving film. Wonderful acting!'),
      ...tokenize('Boring and far too long'),
    ]);
    const texts = [
      'I loved it; the music was wonderful',
      'Dull plot, dull acting',
      'Great fun for the whole family',
      'Terrible. I left early, bored.',
    ];
    texts.forEach((text, k) => {
      const words = tokenize(text).slice(0, 6);
      const ids = row(data.examples.x, k + 2, 6).slice(6 - words.length);
      words.forEach((word, j) => {
        if (known.has(word)) expect(ids[j]).toBeGreaterThanOrEqual(2);
        else expect(ids[j]).toBe(1);
      });
    });
    // "dull" is frequent in row 3, but row 3 is not a training row.
    expect(row(data.examples.x, 3, 6).slice(2)).toEqual([1, 1, 1, expect.any(Number)]);
  });

  it('keeps at most vocabularySize − 2 words, cuts long texts and says so', async () => {
    const lines = ['text,label'];
    for (let i = 0; i < 20; i += 1)
      lines.push(
        `"${Array.from({ length: 12 }, (_, j) => `w${(i + j) % 30}`).join(' ')}",${i % 2 ? 'odd' : 'even'}`,
      );
    const data = await load({
      path: temp.write('many-words.csv', lines.join('\n')),
      textColumn: 'text',
      labelColumn: 'label',
      maxLength: 5,
      vocabularySize: 10,
    });
    expect(data.info.vocabularySize).toBe(10);
    expect(Math.max(...data.examples.x)).toBeLessThanOrEqual(9);
    expect(data.examples.x.filter((id) => id === 1).length).toBeGreaterThan(0);
    expect(data.info.notes.join(' ')).toContain('20 longer texts were cut after word 5');
  });

  it('sizes the vocabulary to the words there are when they are few', async () => {
    const data = await load({
      path: fixture('reviews.csv'),
      textColumn: 'review',
      labelColumn: 'sentiment',
    });
    const words = new Set(
      tokenize(
        (await import('node:fs'))
          .readFileSync(fixture('reviews.csv'), 'utf8')
          .split('\n')
          .slice(1)
          .map((line) => line.replace(/,(positive|negative)$/, ''))
          .join(' '),
      ),
    );
    expect(data.info.vocabularySize).toBe(words.size + 2);
    expect(data.info.featureShape).toEqual([100]);
  });

  it('refuses an unknown column, an empty label and a single label', async () => {
    const unknown = await loadError({
      path: fixture('reviews.csv'),
      textColumn: 'body',
      labelColumn: 'sentiment',
    });
    expect(unknown.code).toBe('unknown-column');
    const empty = await loadError({
      path: temp.write('no-label.csv', 'text,label\nhello there,a\nbye now,\nok,b\n'),
      textColumn: 'text',
      labelColumn: 'label',
    });
    expect(empty.message).toContain('line 3 has no label in column "label"');
    const single = await loadError({
      path: temp.write('one-label.csv', 'text,label\nhello,a\nbye,a\n'),
      textColumn: 0,
      labelColumn: 1,
    });
    expect(single.code).toBe('too-few-classes');
  });

  it('refuses a text with an unquoted comma, naming the line', async () => {
    const error = await loadError({
      path: temp.write('unquoted.csv', 'text,label\nfine,a\nnot fine, really,b\n'),
      textColumn: 'text',
      labelColumn: 'label',
    });
    expect(error.code).toBe('ragged-row');
    expect(error.message).toContain('line 3 has 3 values but the header has 2');
  });
});
