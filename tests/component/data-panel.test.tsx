import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { DataPanel } from '../../src/renderer/src/data/DataPanel';
import type { ApiOutput } from '../../src/shared/api/contract';
import type { DatasetPreviewResult } from '../../src/shared/data/dataset-preview';
import type { DatasetSpec } from '../../src/shared/data/dataset-spec';
import { chain } from '../fixtures/build-graph';
import { FakeHost, refuse } from '../fixtures/fake-host';
import { renderWithHost, settle } from './render-with-host';

/** The Data tab against a fake Neurite: what a student sees when choosing a data set. */

const graph = chain(
  { form: 'vector', shape: [3] },
  [['Dense', { units: 2, activation: 'softmax' }]],
  { task: 'classification', loss: 'categoricalCrossentropy' },
);

const BUILTINS: ApiOutput<'datasets.builtins'> = [
  {
    name: 'iris',
    title: 'Iris flowers',
    description: 'Measurements of 150 irises of three species.',
    task: 'classification',
    featureShape: [4],
    count: 150,
    source: "Fisher's Iris data (1936).",
    licence: 'Public domain.',
  },
  {
    name: 'moons',
    title: 'Two moons',
    description: 'Two interleaving half circles.',
    task: 'classification',
    featureShape: [2],
    count: 200,
    source: 'Made by Neurite.',
    licence: 'MIT.',
    options: { samples: 200, noise: 0.1 },
  },
];

const IRIS_PREVIEW: DatasetPreviewResult = {
  info: {
    title: 'Iris flowers',
    task: 'classification',
    featureShape: [4],
    featureType: 'float32',
    classNames: ['setosa', 'versicolor', 'virginica'],
    targetSize: 3,
    count: 150,
    notes: [],
  },
  preview: {
    kind: 'table',
    columns: ['sepal_length', 'species'],
    rows: [[5.1, 'setosa']],
    rowCount: 150,
  },
  classBalance: [
    { name: 'setosa', count: 50 },
    { name: 'versicolor', count: 50 },
    { name: 'virginica', count: 50 },
  ],
  fit: {
    status: 'mismatch',
    ok: false,
    problems: [
      {
        message: 'The Input takes 3 numbers per example, but Iris flowers has 4.',
        fix: 'Set the Input\'s shape to "4".',
        edit: { nodeId: 'x', params: { shape: [4] } },
      },
    ],
    notes: [],
  },
};

function host() {
  return new FakeHost({
    // Served by `neurite serve`: files are uploaded through the browser.
    'app.info': { version: '0.1.0', dataDir: '/data', transport: 'websocket', notices: [] },
    'datasets.builtins': BUILTINS,
    'datasets.preview': IRIS_PREVIEW,
  });
}

function renderPanel(fake: FakeHost, value?: DatasetSpec) {
  const onChange = vi.fn<(spec: DatasetSpec) => void>();
  const onApplyFixes = vi.fn<(edits: readonly unknown[]) => string | void>();
  renderWithHost(
    fake,
    <DataPanel graph={graph} value={value} onChange={onChange} onApplyFixes={onApplyFixes} />,
  );
  return { onChange, onApplyFixes };
}

describe('the data panel', () => {
  it('lists the built-in data sets Neurite offers', async () => {
    renderPanel(host());
    const list = await screen.findByRole('list', { name: 'Built-in data sets' });
    const cards = within(list).getAllByRole('button');
    expect(cards.map((card) => card.querySelector('.data-card-title')?.textContent)).toEqual([
      'Iris flowers',
      'Two moons',
    ]);
    expect(cards[0]!.textContent).toContain('150 examples');
    // Where each set comes from, and under which terms.
    expect(cards[0]!.textContent).toContain(
      "Source: Fisher's Iris data (1936). Licence: Public domain.",
    );
  });

  it('says why the list could not be read', async () => {
    const fake = host().answer('datasets.builtins', () => {
      throw refuse('The data folder cannot be read.', { code: 'storage' });
    });
    renderPanel(fake);
    expect((await screen.findByRole('alert')).textContent).toBe('The data folder cannot be read.');
  });

  it('previews a chosen set with its fit check, and chooses it once it has loaded', async () => {
    const fake = host();
    const { onChange, onApplyFixes } = renderPanel(fake);
    fireEvent.click(await screen.findByRole('button', { name: /Iris flowers/ }));
    await settle();

    expect(fake.inputsOf('datasets.preview')).toEqual([
      { data: { source: 'builtin', name: 'iris' }, graph },
    ]);
    expect(onChange).toHaveBeenCalledWith({ source: 'builtin', name: 'iris' });
    expect(screen.getByRole('heading', { name: 'Iris flowers' })).toBeTruthy();
    const fit = screen.getByRole('region', { name: 'Fit with the network' });
    expect(within(fit).getByRole('heading').textContent).toContain('Does not fit your network');
    expect(fit.textContent).toContain(
      'The Input takes 3 numbers per example, but Iris flowers has 4.',
    );
    expect(fit.textContent).toContain('Set the Input\'s shape to "4".');
    expect(screen.getByRole('button', { name: /Iris flowers/ }).getAttribute('aria-pressed')).toBe(
      'true',
    );

    fireEvent.click(within(fit).getByRole('button', { name: 'Apply fix' }));
    expect(onApplyFixes).toHaveBeenCalledWith([{ nodeId: 'x', params: { shape: [4] } }]);
  });

  it('shows the saved choice without choosing it again', async () => {
    const fake = host();
    const { onChange } = renderPanel(fake, { source: 'builtin', name: 'iris' });
    expect(await screen.findByRole('heading', { name: 'Iris flowers' })).toBeTruthy();
    expect(fake.inputsOf('datasets.preview')).toHaveLength(1);
    expect(onChange).not.toHaveBeenCalled();
  });

  it('keeps the set on show when the next one cannot be loaded, and says why', async () => {
    const fake = host();
    const { onChange } = renderPanel(fake, { source: 'builtin', name: 'iris' });
    await screen.findByRole('heading', { name: 'Iris flowers' });
    fake.answer('datasets.preview', () => {
      throw refuse('Two moons could not be generated: the noise is too large.');
    });
    fireEvent.click(screen.getByRole('button', { name: /Two moons/ }));
    await settle();

    expect(screen.getByRole('alert').textContent).toBe(
      'Two moons could not be generated: the noise is too large. Nothing was changed: the data set is still “Iris flowers”.',
    );
    expect(screen.getByRole('heading', { name: 'Iris flowers' })).toBeTruthy();
    expect(onChange).not.toHaveBeenCalled();
  });

  it("shows the service's sentence when an upload is refused, and changes nothing", async () => {
    const fake = host().answer('datasets.upload', () => {
      throw refuse('"notes.csv" is not a CSV table: its first line has no separator.');
    });
    const { onChange } = renderPanel(fake);
    fireEvent.click(screen.getByRole('tab', { name: 'Import your own' }));
    const input = await screen.findByLabelText('CSV file: Choose a CSV file…');
    const file = new File(['just some words'], 'notes.csv', { type: 'text/csv' });
    fireEvent.change(input, { target: { files: [file] } });
    await settle();

    expect(fake.inputsOf('datasets.upload')).toEqual([
      { fileName: 'notes.csv', base64: btoa('just some words') },
    ]);
    expect(screen.getByText(/is not a CSV table/).textContent).toBe(
      '"notes.csv" is not a CSV table: its first line has no separator. Nothing was changed.',
    );
    expect(fake.inputsOf('datasets.preview')).toEqual([]);
    expect(onChange).not.toHaveBeenCalled();
  });

  it('predicts several CSV columns, from the first to the last chosen, as one sequence', async () => {
    const fake = host()
      .answer('datasets.upload', () => ({ path: '/data/uploads/pairs.csv', kind: 'csv' }))
      .answer('datasets.table', () => ({
        kind: 'table',
        columns: ['x1', 'x2', 'x3', 'y1', 'y2', 'y3'],
        rows: [[1, 2, 3, 3, 2, 1]],
        rowCount: 1,
        delimiter: ',',
        hasHeader: true,
      }));
    renderPanel(fake);
    fireEvent.click(screen.getByRole('tab', { name: 'Import your own' }));
    const input = await screen.findByLabelText('CSV file: Choose a CSV file…');
    fireEvent.change(input, {
      target: { files: [new File(['x1,x2,x3,y1,y2,y3\n1,2,3,3,2,1\n'], 'pairs.csv')] },
    });
    await settle();

    fireEvent.click(screen.getByRole('checkbox', { name: /Predict several columns/ }));
    fireEvent.change(screen.getByLabelText('First column to predict'), { target: { value: '3' } });
    await settle();
    expect(screen.getByLabelText<HTMLSelectElement>('Last column to predict').value).toBe('5');
    expect(screen.getByText(/The 3 columns from the first to the last/).textContent).toBe(
      'The 3 columns from the first to the last are predicted in that order; the other 3 are what the network learns from.',
    );
    const tried = fake.inputsOf('datasets.preview').at(-1) as { data: DatasetSpec };
    expect(tried.data).toMatchObject({
      source: 'csv',
      target: ['y1', 'y2', 'y3'],
      task: 'regression',
    });
  });

  it('imports a text CSV: a text column and a label column, with its length and vocabulary', async () => {
    const textPreview: DatasetPreviewResult = {
      ...IRIS_PREVIEW,
      info: {
        title: 'reviews.csv',
        task: 'classification',
        featureShape: [40],
        featureType: 'int32',
        classNames: ['neg', 'pos'],
        targetSize: 2,
        count: 6,
        vocabularySize: 500,
        frequentWords: ['the', 'film'],
        notes: [],
      },
      classBalance: undefined,
    };
    const fake = host()
      .answer('datasets.upload', () => ({ path: '/data/uploads/reviews.csv', kind: 'csv' }))
      .answer('datasets.table', () => ({
        kind: 'table',
        columns: ['review', 'sentiment'],
        rows: [
          ['a warm and funny film', 'pos'],
          ['the plot goes nowhere at all', 'neg'],
        ],
        rowCount: 6,
        delimiter: ',',
        hasHeader: true,
      }))
      .answer('datasets.preview', () => textPreview);
    const { onChange } = renderPanel(fake);
    fireEvent.click(screen.getByRole('tab', { name: 'Import your own' }));
    const input = await screen.findByLabelText('CSV file: Choose a CSV file…');
    fireEvent.change(input, {
      target: { files: [new File(['review,sentiment\n'], 'reviews.csv')] },
    });
    await settle();

    // The column of sentences is found and read as text, the other one gives the labels.
    expect(
      screen.getByRole<HTMLInputElement>('checkbox', { name: /A column holds text/ }).checked,
    ).toBe(true);
    expect(screen.getByLabelText<HTMLSelectElement>('Column with the texts').value).toBe('0');
    expect(screen.getByLabelText<HTMLSelectElement>('Column with the labels (classes)').value).toBe(
      '1',
    );
    expect(fake.inputsOf('datasets.preview').at(-1)).toMatchObject({
      data: {
        source: 'text-csv',
        path: '/data/uploads/reviews.csv',
        textColumn: 'review',
        labelColumn: 'sentiment',
        maxLength: 100,
        vocabularySize: 10_000,
      },
    });

    fireEvent.change(screen.getByLabelText('Words per text (sequence length)'), {
      target: { value: '40' },
    });
    fireEvent.change(screen.getByLabelText('Vocabulary size (words kept)'), {
      target: { value: '500' },
    });
    // The panel waits for a pause in typing before it tries the data set again.
    await act(() => new Promise<void>((resolve) => setTimeout(resolve, 600)));
    await settle();
    expect(fake.inputsOf('datasets.preview').at(-1)).toMatchObject({
      data: { source: 'text-csv', maxLength: 40, vocabularySize: 500 },
    });
    expect(onChange).toHaveBeenLastCalledWith(
      expect.objectContaining({ source: 'text-csv', maxLength: 40, vocabularySize: 500 }),
    );
    // What the network reads: the sequence length and the vocabulary size.
    expect(screen.getByText('texts of 40 word ids')).toBeTruthy();
    expect(screen.getByText('500 word ids')).toBeTruthy();
  });
});
