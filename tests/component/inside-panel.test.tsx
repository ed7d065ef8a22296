import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { InsidePanel } from '../../src/renderer/src/inside/InsidePanel';
import type { ExamplesPage } from '../../src/shared/inside/inside-schemas';
import { FakeHost, refuse } from '../fixtures/fake-host';
import { renderWithHost, settle } from './render-with-host';

/** Inside a finished Iris run, against a fake Neurite: what a student sees and asks. */

const PAGE: ExamplesPage = {
  part: 'all',
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

    fireEvent.click(screen.getByRole('checkbox', { name: 'Only the mistakes' }));
    expect(within(gallery).getAllByRole('button')).toHaveLength(1);
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
    expect(screen.getByRole('alert').textContent).toBe(
      'This run has no saved weights: it ended before any were saved.',
    );
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
      }));
    renderWithHost(fake, <InsidePanel runId="r2" />);
    await screen.findByRole('list', { name: 'Examples' });
    await settle();
    expect(fake.inputsOf('runs.boundary')).toEqual([{ runId: 'r2', size: 100 }]);

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

    const details = screen.getByText('Latent space: where a layer puts each example')
      .parentElement as HTMLDetailsElement;
    details.open = true;
    fireEvent(details, new Event('toggle'));
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
});
