import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LiveRun } from '../../src/renderer/src/training/model/live-run';
import {
  LiveInsideFeed,
  LiveInsideView,
} from '../../src/renderer/src/training/live-inside/LiveInsideView';
import type { LiveInsideEvent } from '../../src/shared/training/live-inside';
import { FakeHost } from '../fixtures/fake-host';
import { renderWithHost, settle } from './render-with-host';

/** What a student sees of the looks inside a network while it trains. */

const digit = (shade: number) => Array.from({ length: 28 * 28 }, (_, i) => (i % 7) * shade);

const DIGITS: LiveInsideEvent = {
  type: 'inside',
  epoch: 2,
  saliency: {
    part: 'validation',
    inputShape: [28, 28, 1],
    mapShape: [28, 28, 1],
    explained: 'score',
    examples: [
      { index: 0, values: digit(0.1), label: 7, output: outputFor(7), predicted: 7, map: digit(1) },
      {
        index: 3,
        values: digit(0.05),
        label: 2,
        output: outputFor(3),
        predicted: 3,
        map: digit(2),
      },
    ],
  },
  classNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
  elapsedMs: 12,
};

function outputFor(winner: number): number[] {
  return Array.from({ length: 10 }, (_, k) => (k === winner ? 0.91 : 0.01));
}

const xor = (epoch: number, shift: number): LiveInsideEvent => ({
  type: 'inside',
  epoch,
  saliency: {
    part: 'train',
    inputShape: [2],
    mapShape: [2],
    explained: 'score',
    featureNames: ['x1', 'x2'],
    examples: [{ index: 0, values: [0, 1], label: 1, output: [0.8], predicted: 1, map: [0.5, -2] }],
  },
  boundary: {
    size: 2,
    x: [-0.1, 1.1],
    y: [-0.1, 1.1],
    values: [0.1, 0.9 - shift, 0.9, 0.1 + shift],
    shows: 'second-class-probability',
    points: [
      { x: 0, y: 0, label: 0 },
      { x: 0, y: 1, label: 1 },
    ],
  },
  classNames: ['0', '1'],
  elapsedMs: 3,
});

describe('looking inside while training', () => {
  it('shows each watched digit with its saliency over it, the answer and the epoch', () => {
    renderWithHost(new FakeHost({}), <LiveInsideView event={DIGITS} />);
    const section = screen.getByRole('region', { name: 'Inside the network as it learns' });
    expect(within(section).getByRole('heading').textContent).toBe(
      'Inside the network as it learns: after epoch 2',
    );
    expect(section.textContent).toContain('The same 2 validation examples');
    expect(section.textContent).toContain('under 1/20 of the training time');
    const examples = within(section).getByRole('list', {
      name: 'Saliency of the watched examples',
    });
    const items = within(examples).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      'Example 1: says 7 (91%), right',
      'Example 4: says 3 (91%), should be 2',
    ]);
    expect(items[1]!.className).toContain('mistake');
    expect(within(items[0]!).getByRole('img', { name: 'Saliency map of example 1' }).tagName).toBe(
      'CANVAS',
    );
  });

  it('shows a vector example as one bar per input, and the decision boundary of two inputs', async () => {
    renderWithHost(new FakeHost({}), <LiveInsideView event={xor(5, 0)} />);
    const bars = screen.getByRole('list', { name: 'Saliency of example 1 per input value' });
    expect(
      within(bars)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['x10.5', 'x2-2']);
    expect(screen.getByText(/where the colour turns is the decision boundary/)).toBeTruthy();
    expect(screen.getByText('Decision boundary').parentElement?.textContent).toBe(
      'Decision boundary after epoch 5',
    );
    await settle();
  });

  it('draws a sequence’s saliency as one strip, a square per step, and a predicted number', () => {
    const steps = Array.from({ length: 20 }, (_, i) => Math.sin(i / 3));
    const sine: LiveInsideEvent = {
      type: 'inside',
      epoch: 1,
      saliency: {
        part: 'validation',
        inputShape: [20, 1],
        mapShape: [20, 1],
        explained: 'value',
        examples: [{ index: 2, values: steps, output: [0.4321], map: steps.map((v) => v / 10) }],
      },
      elapsedMs: 5,
    };
    renderWithHost(new FakeHost({}), <LiveInsideView event={sine} />);
    const item = screen.getByRole('listitem');
    expect(item.textContent).toBe('Example 3: says 0.4321');
    expect(within(item).getByRole('img', { name: 'Saliency of example 3 per step' })).toBeTruthy();
  });

  it('follows the run: each new look replaces the last one', async () => {
    const run = new LiveRun('r1', 10, (callback) => callback());
    renderWithHost(new FakeHost({}), <LiveInsideFeed run={run} />);
    expect(screen.queryByRole('region')).toBeNull();
    act(() => run.handle(xor(1, 0)));
    expect(screen.getByRole('region').getAttribute('data-epoch')).toBe('1');
    await act(() => new Promise((resolve) => setTimeout(resolve, 150)));
    act(() => run.handle(xor(4, 0.5)));
    await act(() => new Promise((resolve) => setTimeout(resolve, 150)));
    expect(screen.getByRole('region').getAttribute('data-epoch')).toBe('4');
    expect(screen.getByRole('heading').textContent).toBe(
      'Inside the network as it learns: after epoch 4',
    );
    // Once the run has ended, the last look says so.
    act(() =>
      run.handle({ type: 'finished', epochsRun: 4, train: { loss: 0.1, metrics: {} }, notes: [] }),
    );
    expect(screen.getByRole('heading').textContent).toBe(
      'Inside the network after epoch 4, its last look during training',
    );
  });

  it('shows a finished run’s last look without the note on how often it is redone', () => {
    renderWithHost(new FakeHost({}), <LiveInsideView event={xor(300, 0.5)} past />);
    const section = screen.getByRole('region', {
      name: 'Inside the network at the end of training',
    });
    expect(within(section).getByRole('heading').textContent).toBe(
      'Inside the network after epoch 300, its last look during training',
    );
    expect(section.textContent).not.toContain('1/20');
  });
});
