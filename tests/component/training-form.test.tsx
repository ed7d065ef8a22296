import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_TRAINING_CONFIG,
  type ProjectSettings,
} from '../../src/shared/api/project-settings';
import { chain } from '../fixtures/build-graph';
import { FakeHost, refuse } from '../fixtures/fake-host';
import { settle } from './render-with-host';
import { builtinSettings, renderTrainingTab } from './training-view-harness';

// Plotly is several MB and draws on a canvas happy-dom does not have; the charts are not what
// these tests look at, so it never arrives.
vi.mock('../../src/renderer/src/training/charts/plotly', () => ({
  loadPlotly: () => new Promise(() => undefined),
}));

/** The Training tab against a fake Neurite: the form, its checks, and Start. */

const graph = chain(
  { form: 'vector', shape: [4] },
  [['Dense', { units: 3, activation: 'softmax' }]],
  { task: 'classification', loss: 'categoricalCrossentropy' },
);

const settings = builtinSettings('iris');

function host() {
  return new FakeHost({
    'datasets.builtins': [
      {
        name: 'iris',
        title: 'Iris flowers',
        description: '',
        task: 'classification',
        featureShape: [4],
        count: 150,
        source: "Fisher's Iris data (1936).",
        licence: 'Public domain.',
      },
    ],
    'runs.list': [],
    'training.start': { runId: 'run-1' },
  });
}

function renderTraining(fake: FakeHost) {
  const onSettingsChange = vi.fn<(settings: ProjectSettings) => void>();
  const saveNow = vi.fn(() => Promise.resolve());
  renderTrainingTab(fake, graph, settings, { onSettingsChange, saveNow });
  return { onSettingsChange, saveNow };
}

const epochsField = () => screen.getByLabelText<HTMLInputElement>('Epochs');
const startButton = () => screen.getByRole('button', { name: 'Start training' });

describe('the training form', () => {
  it('shows the settings with their defaults, ready to start', async () => {
    renderTraining(host());
    await settle();
    expect(epochsField().value).toBe(String(DEFAULT_TRAINING_CONFIG.epochs));
    expect(screen.getByText(`Default: ${DEFAULT_TRAINING_CONFIG.epochs}.`)).toBeTruthy();
    expect(screen.getByText('Iris flowers')).toBeTruthy();
    expect(startButton().hasAttribute('disabled')).toBe(false);
    expect(screen.getByRole('status', { name: 'Run status' }).textContent).toBe('Not started');
  });

  it('blocks Start while a field is invalid, and says why', async () => {
    const fake = host();
    renderTraining(fake);
    await settle();
    fireEvent.change(epochsField(), { target: { value: '0' } });

    expect(epochsField().getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Epochs must be at least 1.')).toBeTruthy();
    expect(startButton().hasAttribute('disabled')).toBe(true);
    expect(screen.getByRole('note').textContent).toBe(
      '1 setting needs a fix: see the field marked in red.',
    );
    fireEvent.click(startButton());
    await settle();
    expect(fake.inputsOf('training.start')).toEqual([]);
  });

  it("saves, then sends training.start with the form's settings", async () => {
    const fake = host();
    const { onSettingsChange, saveNow } = renderTraining(fake);
    await settle();
    fireEvent.change(epochsField(), { target: { value: '7' } });
    fireEvent.click(startButton());
    await settle();

    const config = { ...DEFAULT_TRAINING_CONFIG, epochs: 7 };
    expect(saveNow).toHaveBeenCalled();
    expect(onSettingsChange).toHaveBeenCalledWith({ ...settings, training: config });
    expect(fake.inputsOf('training.start')).toEqual([
      { projectId: 'p1', data: settings.data, config, backend: 'auto' },
    ]);
    expect(screen.getByRole('status', { name: 'Run status' }).textContent).toBe('Starting…');
  });

  it("says why training did not start, in Neurite's words", async () => {
    const fake = host().answer('training.start', () => {
      throw refuse('Another run of this project is still training. Stop it first.', {
        code: 'conflict',
      });
    });
    renderTraining(fake);
    await settle();
    fireEvent.click(startButton());
    await settle();

    expect(screen.getByRole('alert').textContent).toBe(
      'Training did not start. Another run of this project is still training. Stop it first.',
    );
  });
});
