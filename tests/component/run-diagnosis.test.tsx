import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { TrainerEvent } from '../../src/shared/training/events';
import { chain } from '../fixtures/build-graph';
import { FakeHost } from '../fixtures/fake-host';
import { settle } from './render-with-host';
import {
  builtinSettings,
  pressStart,
  renderTrainingTab,
  sendTrainerEvent,
} from './training-view-harness';

vi.mock('../../src/renderer/src/training/charts/plotly', () => ({
  loadPlotly: () => new Promise(() => undefined),
}));

/** The run's results say in words what went wrong: here, a loss that diverged. */

const graph = chain(
  { form: 'vector', shape: [2] },
  [
    ['Dense', { units: 4, activation: 'tanh' }],
    ['Dense', { units: 1, activation: 'sigmoid' }],
  ],
  { task: 'classification', loss: 'binaryCrossentropy' },
);
const settings = builtinSettings('xor');

const epoch = (n: number, loss: number): TrainerEvent => ({
  type: 'epoch',
  epoch: n,
  epochs: 3,
  loss,
  metrics: { accuracy: 0.5 },
  learningRate: 10,
  elapsedMs: 10 * n,
});

describe('the diagnosis in a run’s results', () => {
  it('says the loss diverged and the learning rate is too high', async () => {
    const host = new FakeHost({
      'datasets.builtins': [],
      'runs.list': [],
      'training.start': { runId: 'r1' },
    });
    renderTrainingTab(host, graph, settings);
    await settle();
    await pressStart();
    await sendTrainerEvent(host, epoch(1, 0.76));
    await sendTrainerEvent(host, epoch(2, 3.9));
    expect(screen.queryByRole('region', { name: 'What went wrong' })).toBeNull();
    await sendTrainerEvent(host, epoch(3, 8.06));
    await sendTrainerEvent(host, {
      type: 'finished',
      epochsRun: 3,
      train: {
        loss: 8.06,
        metrics: { accuracy: 0.5 },
        confusionMatrix: {
          labels: ['0', '1'],
          counts: [
            [2, 0],
            [2, 0],
          ],
        },
      },
      notes: [],
    });
    const diagnosis = screen.getByRole('region', { name: 'What went wrong' });
    expect(within(diagnosis).getByText('The loss diverged.')).toBeTruthy();
    expect(diagnosis.textContent).toMatch(/from 0\.760 .* to 8\.06 .*Try 1 instead of 10\./);
  });
});
