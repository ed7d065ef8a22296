import { describe, expect, it } from 'vitest';
import {
  sameSpec,
  stillChosenNote,
  titleOf,
} from '../../../src/renderer/src/data/model/dataset-choice';
import { initialForms, placeUpload } from '../../../src/renderer/src/data/model/import-forms';
import { initialOptionTexts } from '../../../src/renderer/src/data/model/option-fields';

/** The data panel's choices, uploads and settings, without React. */

describe('placeUpload', () => {
  const empty = initialForms(undefined);

  it('starts the CSV form afresh with the uploaded file and tries nothing yet', () => {
    const placed = placeUpload(empty, { path: '/d/iris.csv', kind: 'csv' }, 'iris.csv', undefined);
    expect(placed.forms.kind).toBe('csv');
    expect(placed.forms.csv.file).toEqual({ path: '/d/iris.csv', name: 'iris.csv' });
    expect(placed.forms.csv.target).toBe('');
    expect(placed.toTry).toBeUndefined();
  });

  it('tries an image folder at once, at the size in the form', () => {
    const placed = placeUpload(empty, { path: '/d/pets', kind: 'images' }, 'pets.zip', undefined);
    expect(placed.toTry).toEqual({
      kind: 'images',
      spec: { source: 'images', path: '/d/pets', size: [28, 28], color: 'grayscale' },
    });
  });

  it('puts a dropped IDX file in the slot its name says, and tries the pair once both are there', () => {
    const labels = placeUpload(
      empty,
      { path: '/d/l.gz', kind: 'idx' },
      'train-labels-idx1-ubyte.gz',
      undefined,
    );
    expect(labels.forms.idx.labels?.path).toBe('/d/l.gz');
    expect(labels.toTry).toBeUndefined();
    const both = placeUpload(
      labels.forms,
      { path: '/d/i.gz', kind: 'idx' },
      'whatever.gz',
      'idx-images',
    );
    expect(both.toTry).toEqual({
      kind: 'idx',
      spec: { source: 'idx', images: '/d/i.gz', labels: '/d/l.gz' },
    });
  });
});

describe('initialOptionTexts', () => {
  const builtins = [{ name: 'moons', options: { samples: 200, noise: 0.1 } }, { name: 'iris' }];

  it("takes the saved set's own values and the defaults for the others", () => {
    const saved = { source: 'builtin', name: 'moons', samples: 500 } as const;
    expect(initialOptionTexts(builtins, saved)).toEqual({
      moons: { samples: '500', noise: '0.1' },
      iris: {},
    });
    expect(initialOptionTexts(builtins, undefined).moons).toEqual({ samples: '200', noise: '0.1' });
  });
});

describe('what the panel says about a choice', () => {
  it('names a loading set by its title, or by its file', () => {
    const builtins = [{ name: 'iris', title: 'Iris flowers' }];
    expect(titleOf({ source: 'builtin', name: 'iris' }, builtins)).toBe('Iris flowers');
    expect(titleOf({ source: 'builtin', name: 'iris' }, undefined)).toBe('iris');
    expect(titleOf({ source: 'idx', images: 'C:\\data\\train-images.gz', labels: 'x' }, [])).toBe(
      'train-images.gz',
    );
  });

  it('compares specs by what they ask for', () => {
    expect(sameSpec({ source: 'builtin', name: 'iris' }, { source: 'builtin', name: 'iris' })).toBe(
      true,
    );
    expect(sameSpec({ source: 'builtin', name: 'iris' }, undefined)).toBe(false);
  });

  it('says the previous choice still holds, and nothing when there is none', () => {
    expect(stillChosenNote(undefined)).toBe('');
    const shown = { result: { info: { title: 'Iris' } } } as Parameters<typeof stillChosenNote>[0];
    expect(stillChosenNote(shown)).toBe(' Nothing was changed: the data set is still “Iris”.');
  });
});
