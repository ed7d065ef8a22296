import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_TRAINING_CONFIG,
  type ProjectSettings,
} from '../../src/shared/api/project-settings';
import type { LabDocument } from '../../src/shared/labs/lab-document';
import { labStartSettings } from '../../src/renderer/src/labs/lab-settings';
import { templateDefaults } from '../../src/shared/training/template-defaults';
import { chain } from '../fixtures/build-graph';
import { FakeHost } from '../fixtures/fake-host';
import { settle } from './render-with-host';
import { renderTrainingTab } from './training-view-harness';

// Plotly never arrives: the charts are not what this test looks at.
vi.mock('../../src/renderer/src/training/charts/plotly', () => ({
  loadPlotly: () => new Promise(() => undefined),
}));

/**
 * The Training tab of a lab project: "Reset" goes back to the lab's settings, not the
 * template's, and what the lab locks survives it.
 */

const graph = chain(
  { form: 'vector', shape: [2] },
  [['Dense', { units: 1, activation: 'sigmoid' }]],
  { task: 'classification', loss: 'binaryCrossentropy' },
);

const xorDefaults = templateDefaults('xor')?.training ?? DEFAULT_TRAINING_CONFIG;
const labRate = xorDefaults.optimizer.learningRate * 2;
const settings: ProjectSettings = {
  data: { source: 'builtin', name: 'xor' },
  training: {
    ...xorDefaults,
    epochs: xorDefaults.epochs + 5,
    optimizer: { ...xorDefaults.optimizer, learningRate: labRate },
  },
  backend: 'auto',
  template: 'xor',
};

/** What the lab started the project with: its batch size of 8, not the template's. */
const labSettings = { ...settings.training, batchSize: 8 };

function renderTab(onSettingsChange: (next: ProjectSettings) => void) {
  renderTrainingTab(
    new FakeHost({ 'datasets.builtins': [], 'runs.list': [] }),
    graph,
    { ...settings, training: { ...settings.training, batchSize: 16 } },
    { onSettingsChange, lockedSettings: ['learningRate'], labSettings },
  );
}

describe('a lab project’s Training tab', () => {
  it("resets to the lab's settings, which the form shows as the defaults", async () => {
    const onSettingsChange = vi.fn<(next: ProjectSettings) => void>();
    renderTab(onSettingsChange);
    await settle();
    const batch = screen.getByLabelText<HTMLInputElement>(/^Batch size/);
    expect(batch.value).toBe('16');
    const hint = document.getElementById(batch.getAttribute('aria-describedby')!.split(' ')[0]!);
    expect(hint?.querySelector('.field-default')?.textContent).toBe(' Default: 8.');

    fireEvent.click(screen.getByRole('button', { name: "Reset to the lab's settings" }));
    await settle();
    expect(batch.value).toBe('8');
    expect(screen.getByLabelText<HTMLInputElement>('Epochs').value).toBe(
      String(labSettings.epochs),
    );
    const saved = onSettingsChange.mock.calls.at(-1)![0].training;
    expect(saved.batchSize).toBe(8);
    expect(saved.epochs).toBe(labSettings.epochs);
    expect(saved.optimizer.learningRate).toBe(labRate);
  });

  it('keeps the locked settings at their values on a reset', async () => {
    const onSettingsChange = vi.fn<(next: ProjectSettings) => void>();
    renderTab(onSettingsChange);
    await settle();
    const rate = screen.getByLabelText<HTMLInputElement>('Learning rate');
    expect(rate.disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: /^Reset to/ }));
    await settle();
    expect(rate.value).toBe(String(labRate));
  });

  it("starts from the lab's settings over the usual defaults, as the project did", () => {
    const lab = { settings: { batchSize: 8, optimizer: { type: 'sgd', learningRate: 0.1 } } };
    const start = labStartSettings(lab as unknown as LabDocument);
    expect(start?.batchSize).toBe(8);
    expect(start?.optimizer).toMatchObject({ type: 'sgd', learningRate: 0.1 });
    expect(start?.epochs).toBe(DEFAULT_TRAINING_CONFIG.epochs);
  });
});
