import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { InsidePanel } from '../../src/renderer/src/inside/InsidePanel';
import type { ExamplesPage } from '../../src/shared/inside/inside-schemas';
import { FakeHost, refuse } from '../fixtures/fake-host';
import { renderWithHost, settle } from './render-with-host';

/** Inside a finished Iris run, against a fake Neurite: what a student sees and asks. */

const PAGE: ExamplesPage = {
  part: 'all',
  select: 'all',
  readsWords: false,
  scores: false,
  parts: ['all', 'train', 'test'],
  count: 3,
  inputShape: [4],
  classNames: ['setosa', 'versicolor', 'virginica'],
  featureNames: ['sepal length', 'sepal width', 'petal length', 'petal width'],
  layers: [{ id: 'classes', title: 'Dense "Species"', shape: [3], convolution: false }],
  examples: [
    { index: 0, values: [5.1, 3.5, 1.4, 0.2], output: [0.9, 0.08, 0.02], predicted: 0, label: 0 },
    { index: 1, values: [6.3, 2.5, 4.9, 1.5], output: [0.05, 0.3, 0.65], predicted: 2, label: 1 },
    { index: 2, values: [6.5, 3.0, 5.8, 2.2], output: [0.01, 0.1, 0.89], predicted: 2, label: 2 },
  ],
};

function host() {
  return new FakeHost({
    'runs.examples': PAGE,
    'runs.explain': {
      method: 'saliency',
      explained: 'score',
      classIndex: 2,
      output: [0.05, 0.3, 0.65],
      map: [0.1, -0.4, 1.2, 0.9],
      mapShape: [4],
    },
    'runs.layer': { nodeId: 'classes', shape: [3], values: [-1.5, 0.2, 0.9] },
  });
}

/** Opens one of the panel's folded sections, as a click on its summary does. */
function openSection(title: string): void {
  const details = screen.getByText(title).parentElement as HTMLDetailsElement;
  details.open = true;
  fireEvent(details, new Event('toggle'));
}

describe('the Inside panel of a run', () => {
  it('lists the examples with the answers, marks the mistakes and can show only them', async () => {
    const fake = host();
    renderWithHost(fake, <InsidePanel runId="r1" />);
    const gallery = await screen.findByRole('list', { name: 'Examples' });
    expect(
      within(gallery)
        .getAllByRole('button')
        .map((b) => b.getAttribute('aria-label')),
    ).toEqual([
      'Example 1: setosa (right)',
      'Example 2: virginica, should be versicolor',
      'Example 3: virginica (right)',
    ]);
    expect(fake.inputsOf('runs.examples')).toEqual([
      { runId: 'r1', part: 'all', offset: 0, limit: 24 },
    ]);
    // The parts the run has: no validation part here.
    const parts = screen.getByRole('radiogroup', { name: 'Which examples' });
    expect(within(parts).getAllByRole('radio')).toHaveLength(3);

    // The mistakes come from Neurite, which asks the network about the whole part.
    fake.answer('runs.examples', (input) =>
      input.select === 'mistakes'
        ? { ...PAGE, select: 'mistakes', count: 1, examples: [PAGE.examples[1]!] }
        : PAGE,
    );
    fireEvent.change(screen.getByRole('combobox', { name: 'Show' }), {
      target: { value: 'mistakes' },
    });
    await settle();
    expect(fake.inputsOf('runs.examples').at(-1)).toEqual({
      runId: 'r1',
      part: 'all',
      offset: 0,
      limit: 24,
      select: 'mistakes',
    });
    expect(
      within(screen.getByRole('list', { name: 'Examples' }))
        .getAllByRole('button')
        .map((b) => b.getAttribute('aria-label')),
    ).toEqual(['Example 2: virginica, should be versicolor']);
    expect(screen.getByText(/Examples 1–1 of 1 the network gets wrong/)).toBeTruthy();
  });

  it('shows the confusion matrix on request and the examples of a cell when one is chosen', async () => {
    const fake = host().answer('runs.confusion', () => ({
      part: 'all',
      count: 3,
      accuracy: 2 / 3,
      labels: ['setosa', 'versicolor', 'virginica'],
      counts: [
        [1, 0, 0],
        [0, 0, 1],
        [0, 0, 1],
      ],
    }));
    renderWithHost(fake, <InsidePanel runId="r1" />);
    await screen.findByRole('list', { name: 'Examples' });
    expect(fake.inputsOf('runs.confusion')).toEqual([]);
    openSection('Mistakes: the confusion matrix');
    await settle();
    expect(fake.inputsOf('runs.confusion')).toEqual([{ runId: 'r1', part: 'all' }]);
    expect(screen.getByText(/Accuracy 66.67% on 3 examples: 1 wrong/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'versicolor taken for virginica: 1' }));
    await settle();
    expect(fake.inputsOf('runs.examples').at(-1)).toEqual({
      runId: 'r1',
      part: 'all',
      offset: 0,
      limit: 24,
      cell: { label: 1, predicted: 2 },
    });
    expect(screen.getByText(/Only true versicolor, predicted virginica/)).toBeTruthy();
  });

  it('asks the network about numbers the student types, starting from the chosen example', async () => {
    const scrolledTo: Element[] = [];
    const scroll = vi.spyOn(Element.prototype, 'scrollIntoView');
    scroll.mockImplementation(function (this: Element) {
      scrolledTo.push(this);
    });
    const fake = host().answer('runs.predict', () => ({ output: [0.7, 0.2, 0.1], predicted: 0 }));
    renderWithHost(fake, <InsidePanel runId="r1" />);
    fireEvent.click(await screen.findByRole('button', { name: /Example 2:/ }));
    openSection('Make your own example');
    await settle();
    const petal = screen.getByRole<HTMLInputElement>('textbox', { name: 'petal length' });
    expect(petal.value).toBe('4.9');
    fireEvent.change(petal, { target: { value: '1.5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Ask the network' }));
    await settle();
    expect(fake.inputsOf('runs.predict')).toEqual([
      { runId: 'r1', example: { values: [6.3, 2.5, 1.5, 1.5] } },
    ]);
    expect(screen.getByRole('heading', { name: 'Your example: setosa' })).toBeTruthy();
    // The answer is drawn below every section: it is brought into view, not left off screen.
    expect(scrolledTo.at(-1)?.textContent).toContain('Your example: setosa');
    expect(fake.inputsOf('runs.explain').at(-1)).toEqual({
      runId: 'r1',
      example: { values: [6.3, 2.5, 1.5, 1.5] },
      options: { method: 'saliency' },
    });

    fireEvent.change(petal, { target: { value: 'long' } });
    expect(screen.getByText('petal length is not a number.')).toBeTruthy();
    expect(
      screen.getByRole<HTMLButtonElement>('button', { name: 'Ask the network' }).disabled,
    ).toBe(true);
    scroll.mockRestore();
  });

  it('reads a sentence for a text model and marks the words it does not know', async () => {
    const text: ExamplesPage = {
      ...PAGE,
      inputShape: [40],
      readsWords: true,
      classNames: ['negative', 'positive'],
      examples: [],
      count: 0,
    };
    const fake = host()
      .answer('runs.examples', () => text)
      .answer('runs.explain', () => ({
        method: 'saliency',
        explained: 'score',
        classIndex: 1,
        output: [0.2, 0.8],
        map: [0.5, -0.1, 0.25],
        mapShape: [3],
      }))
      .answer('runs.predict', () => ({
        output: [0.2, 0.8],
        predicted: 1,
        values: [5, 1, 7],
        words: ['great', 'zorblax', 'phone'],
        unknownWords: ['zorblax'],
      }));
    renderWithHost(fake, <InsidePanel runId="r3" />);
    await settle();
    openSection('Make your own example');
    await settle();
    fireEvent.change(screen.getByRole('textbox', { name: /A sentence/ }), {
      target: { value: 'Great zorblax phone' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Ask the network' }));
    await settle();
    expect(fake.inputsOf('runs.predict')).toEqual([
      { runId: 'r3', example: { text: 'Great zorblax phone' } },
    ]);
    expect(screen.getByRole('heading', { name: 'Your example: positive' })).toBeTruthy();
    expect(document.querySelector('.inside-words .unknown-word')?.textContent?.trim()).toBe(
      'zorblax',
    );
    // Maps are asked for the same sentence, and shown per word the network read.
    expect(fake.inputsOf('runs.explain').at(-1)?.example).toEqual({ text: 'Great zorblax phone' });
    expect(
      within(screen.getByRole('list', { name: 'Saliency per word' }))
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['great0.5', 'zorblax-0.1', 'phone0.25']);
  });

  it('shows the chosen example’s probabilities, its saliency per measurement and a layer’s values', async () => {
    const fake = host();
    renderWithHost(fake, <InsidePanel runId="r1" />);
    fireEvent.click(await screen.findByRole('button', { name: /Example 2:/ }));
    await settle();

    const probabilities = screen.getByRole('list', { name: 'Class probabilities' });
    expect(probabilities.textContent).toContain('virginica');
    expect(fake.inputsOf('runs.explain')).toEqual([
      { runId: 'r1', example: { part: 'all', index: 1 }, options: { method: 'saliency' } },
    ]);
    const saliency = screen.getByRole('list', { name: 'Saliency per input value' });
    expect(
      within(saliency)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['sepal length0.1', 'sepal width-0.4', 'petal length1.2', 'petal width0.9']);
    // No convolution in this network: Grad-CAM is not offered.
    const method = screen.getByRole('combobox', { name: /Method/ });
    expect(within(method).queryByRole('option', { name: 'Grad-CAM' })).toBeNull();

    fireEvent.change(screen.getByRole('combobox', { name: /Class to explain/ }), {
      target: { value: '1' },
    });
    await settle();
    expect(fake.inputsOf('runs.explain').at(-1)).toEqual({
      runId: 'r1',
      example: { part: 'all', index: 1 },
      options: { method: 'saliency', classIndex: 1 },
    });

    expect(fake.inputsOf('runs.layer')).toEqual([
      { runId: 'r1', example: { part: 'all', index: 1 }, nodeId: 'classes' },
    ]);
    expect(screen.getByRole('list', { name: 'Values of classes' }).textContent).toContain('unit 1');
  });

  it('says why when a map cannot be computed', async () => {
    const fake = host().answer('runs.explain', () => {
      throw refuse('This run has no saved weights: it ended before any were saved.', {
        code: 'unsupported',
      });
    });
    renderWithHost(fake, <InsidePanel runId="r1" />);
    fireEvent.click(await screen.findByRole('button', { name: /Example 1:/ }));
    await settle();
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toBe(
      'This run has no saved weights: it ended before any were saved. Try again',
    );
    // Asking again asks again.
    const asked = fake.inputsOf('runs.explain').length;
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await settle();
    expect(fake.inputsOf('runs.explain').length).toBe(asked + 1);
  });

  it('asks for the decision boundary when the network reads two numbers, and only then', async () => {
    const twoD: ExamplesPage = {
      ...PAGE,
      inputShape: [2],
      featureNames: ['x', 'y'],
      classNames: ['0', '1'],
      examples: [{ index: 0, values: [0, 1], output: [0.9], predicted: 1, label: 1 }],
    };
    const fake = host()
      .answer('runs.examples', () => twoD)
      .answer('runs.boundary', () => ({
        size: 2,
        x: [-1, 1],
        y: [-1, 1],
        values: [0.1, 0.9, 0.2, 0.8],
        shows: 'second-class-probability',
        points: [{ x: 0, y: 1, label: 1 }],
        units: {
          layer: 'hidden',
          values: [
            [-1, 1, -1, 1],
            [1, 1, -1, -1],
            [0.5, 0, 0, 0.5],
          ],
        },
      }));
    renderWithHost(fake, <InsidePanel runId="r2" />);
    await screen.findByRole('list', { name: 'Examples' });
    await settle();
    expect(fake.inputsOf('runs.boundary')).toEqual([{ runId: 'r2', size: 100 }]);
    // The first layer's three units, each over the same plane.
    const units = screen.getByRole('list', { name: 'Units of hidden' });
    expect(
      within(units)
        .getAllByRole('img')
        .map((img) => img.getAttribute('aria-label')),
    ).toEqual(['Unit 1 of hidden', 'Unit 2 of hidden', 'Unit 3 of hidden']);

    const irisHost = host();
    renderWithHost(irisHost, <InsidePanel runId="r1" />);
    await settle();
    expect(irisHost.inputsOf('runs.boundary')).toEqual([]);
  });

  it('shows the latent space only when asked, and opens an unusual example from it', async () => {
    const fake = host().answer('runs.latent', () => ({
      nodeId: 'code',
      method: 'values',
      points: [
        { index: 0, x: 0.1, y: 0.2, label: 0 },
        { index: 30, x: 1.5, y: -0.3, label: 2 },
      ],
      outliers: [{ index: 30, error: 0.25 }],
    }));
    renderWithHost(fake, <InsidePanel runId="r1" />);
    await screen.findByRole('list', { name: 'Examples' });
    expect(fake.inputsOf('runs.latent')).toEqual([]);

    openSection('Latent space: where a layer puts each example');
    await settle();
    expect(fake.inputsOf('runs.latent')).toEqual([{ runId: 'r1', part: 'all' }]);

    fireEvent.click(screen.getByRole('button', { name: 'Example 31: error 0.25' }));
    await settle();
    // Example 31 is on the second page of 24.
    expect(fake.inputsOf('runs.examples').at(-1)).toEqual({
      runId: 'r1',
      part: 'all',
      offset: 24,
      limit: 24,
    });
  });

  it('shows each layer’s weights against where they started, and the first filters, when asked', async () => {
    const counts = (peak: number) => Array.from({ length: 30 }, (_, i) => (i === peak ? 6 : 0));
    const fake = host().answer('runs.weights', () => ({
      layers: [
        {
          nodeId: 'conv',
          title: 'Conv2D "Edges"',
          tensors: [
            {
              name: 'kernel',
              shape: [3, 3, 1, 2],
              edges: Array.from({ length: 31 }, (_, i) => -1 + i / 15),
              after: { counts: counts(20), mean: 0.4, std: 0.1 },
              before: { counts: counts(15), mean: 0, std: 0.05 },
            },
          ],
        },
      ],
      kernels: {
        nodeId: 'conv',
        title: 'Conv2D "Edges"',
        shape: [3, 3, 1, 2],
        values: Array.from({ length: 18 }, (_, i) => i / 18),
      },
    }));
    renderWithHost(fake, <InsidePanel runId="r1" />);
    await screen.findByRole('list', { name: 'Examples' });
    expect(fake.inputsOf('runs.weights')).toEqual([]);
    openSection('Weights and filters: what training changed');
    await settle();
    expect(fake.inputsOf('runs.weights')).toEqual([{ runId: 'r1' }]);
    expect(
      screen.getByRole('img', {
        name: 'Conv2D "Edges" kernel: 3 × 3 × 1 × 2 weights, mean 0.4, spread (std) 0.1; before training mean 0, std 0.05',
      }),
    ).toBeTruthy();
    const filters = screen.getByRole('list', { name: 'Filters of Conv2D "Edges"' });
    expect(
      within(filters)
        .getAllByRole('img')
        .map((img) => img.getAttribute('aria-label')),
    ).toEqual(['Filter 1', 'Filter 2']);
  });

  it('ranks a vector’s inputs by mean absolute saliency when asked', async () => {
    const fake = host().answer('runs.importance', () => ({
      part: 'all',
      examples: 150,
      ranking: [
        { feature: 'petal length', index: 2, meanAbsolute: 1.2 },
        { feature: 'petal width', index: 3, meanAbsolute: 0.9 },
        { feature: 'sepal length', index: 0, meanAbsolute: 0.3 },
        { feature: 'sepal width', index: 1, meanAbsolute: 0.1 },
      ],
    }));
    renderWithHost(fake, <InsidePanel runId="r1" />);
    await screen.findByRole('list', { name: 'Examples' });
    expect(fake.inputsOf('runs.importance')).toEqual([]);
    openSection('Which inputs matter most');
    await settle();
    expect(fake.inputsOf('runs.importance')).toEqual([{ runId: 'r1', part: 'all' }]);
    expect(
      within(screen.getByRole('list', { name: 'Inputs by mean absolute saliency' }))
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['petal length1.2', 'petal width0.9', 'sepal length0.3', 'sepal width0.1']);
    expect(screen.getByText(/over the first 150 examples: the larger/)).toBeTruthy();
  });

  it('shows a recurrent layer’s hidden state as one picture, a row per step', async () => {
    const sequence: ExamplesPage = {
      ...PAGE,
      inputShape: [3, 1],
      featureNames: undefined,
      classNames: undefined,
      layers: [{ id: 'lstm', title: 'LSTM "Memory"', shape: [3, 2], convolution: false }],
      examples: [{ index: 0, values: [0.1, 0.2, 0.3], output: [0.4], target: [0.4] }],
      count: 1,
    };
    const fake = host()
      .answer('runs.examples', () => sequence)
      .answer('runs.layer', () => ({
        nodeId: 'lstm',
        shape: [3, 2],
        values: [0.1, -0.2, 0.3, -0.4, 0.5, -0.6],
      }));
    renderWithHost(fake, <InsidePanel runId="r4" />);
    fireEvent.click(await screen.findByRole('button', { name: /Example 1:/ }));
    await settle();
    expect(fake.inputsOf('runs.layer')).toEqual([
      { runId: 'r4', example: { part: 'all', index: 0 }, nodeId: 'lstm' },
    ]);
    expect(
      screen.getByRole('img', { name: 'Values of lstm over 3 steps, 2 units each' }),
    ).toBeTruthy();
    expect(
      screen.getByText(/Black is the lowest value \(-0.6\), white the highest \(0.5\)/),
    ).toBeTruthy();
  });

  it('shows how far a long look has come, and stops it on request', async () => {
    const fake = host().answer('runs.stop', () => ({ stopped: true }));
    renderWithHost(fake, <InsidePanel runId="r1" />);
    await screen.findByRole('list', { name: 'Examples' });
    expect(screen.queryByRole('status', { name: 'Work in progress' })).toBeNull();
    act(() => fake.emit('runs.progress', { runId: 'other', done: 10, total: 100 }));
    expect(screen.queryByRole('status', { name: 'Work in progress' })).toBeNull();
    act(() => fake.emit('runs.progress', { runId: 'r1', done: 2048, total: 8000 }));
    const status = screen.getByRole('status', { name: 'Work in progress' });
    expect(status.textContent).toContain('Working through the examples: 2,048 of 8,000');
    fireEvent.click(within(status).getByRole('button', { name: 'Stop' }));
    await settle();
    expect(fake.inputsOf('runs.stop')).toEqual([{ runId: 'r1' }]);
    expect(screen.queryByRole('status', { name: 'Work in progress' })).toBeNull();
    // A finished look leaves nothing behind.
    act(() => fake.emit('runs.progress', { runId: 'r1', done: 8000, total: 8000 }));
    expect(screen.queryByRole('status', { name: 'Work in progress' })).toBeNull();
  });

  it('shows a hinge classifier’s output as a score around 0, not as probabilities', async () => {
    const hinge: ExamplesPage = {
      ...PAGE,
      scores: true,
      classNames: ['no', 'yes'],
      examples: [{ index: 0, values: [1, 2, 3, 4], output: [-0.6], predicted: 0, label: 0 }],
      count: 1,
    };
    const fake = host().answer('runs.examples', () => hinge);
    renderWithHost(fake, <InsidePanel runId="r5" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Example 1: no (right)' }));
    await settle();
    expect(screen.queryByRole('list', { name: 'Class probabilities' })).toBeNull();
    expect(
      within(screen.getByRole('list', { name: 'Class scores' }))
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['score (yes from 0 up)-0.6']);
  });
});
