import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { TrainingView } from '../../src/renderer/src/training/TrainingView';
import type { ProjectSettings } from '../../src/shared/api/project-settings';
import { DEFAULT_TRAINING_CONFIG } from '../../src/shared/api/project-settings';
import type { TrainerEvent } from '../../src/shared/training/events';
import { trainerEventSchema } from '../../src/shared/training/events';
import { chain } from '../fixtures/build-graph';
import { FakeHost } from '../fixtures/fake-host';
import { renderWithHost, settle } from './render-with-host';

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
const settings: ProjectSettings = {
  data: { source: 'builtin', name: 'xor' },
  training: DEFAULT_TRAINING_CONFIG,
  backend: 'auto',
  template: undefined,
};

async function send(host: FakeHost, event: TrainerEvent): Promise<void> {
  host.emit('training.event', {
    runId: 'r1',
    projectId: 'p1',
    event: trainerEventSchema.parse(event),
  });
  await settle();
}

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
    renderWithHost(
      host,
      <TrainingView
        projectId="p1"
        graph={graph}
        settings={settings}
        onSettingsChange={() => undefined}
        saveNow={() => Promise.resolve()}
        onChooseData={() => undefined}
      />,
    );
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'Start training' }));
    await settle();
    await send(host, epoch(1, 0.76));
    await send(host, epoch(2, 3.9));
    expect(screen.queryByRole('region', { name: 'What went wrong' })).toBeNull();
    await send(host, epoch(3, 8.06));
    await send(host, {
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
