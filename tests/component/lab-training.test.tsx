import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { TrainingView } from '../../src/renderer/src/training/TrainingView';
import {
  DEFAULT_TRAINING_CONFIG,
  type ProjectSettings,
} from '../../src/shared/api/project-settings';
import { templateDefaults } from '../../src/shared/training/template-defaults';
import { chain } from '../fixtures/build-graph';
import { FakeHost } from '../fixtures/fake-host';
import { renderWithHost, settle } from './render-with-host';

// Plotly never arrives: the charts are not what this test looks at.
vi.mock('../../src/renderer/src/training/charts/plotly', () => ({
  loadPlotly: () => new Promise(() => undefined),
}));

/** The Training tab of a lab project: what the lab locks survives "Reset to defaults". */

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

describe('a lab project’s Training tab', () => {
  it("resets the free settings to the template's defaults and keeps the locked ones", async () => {
    const onSettingsChange = vi.fn<(next: ProjectSettings) => void>();
    renderWithHost(
      new FakeHost({ 'datasets.builtins': [], 'runs.list': [] }),
      <TrainingView
        projectId="p1"
        graph={graph}
        settings={settings}
        onSettingsChange={onSettingsChange}
        saveNow={() => Promise.resolve()}
        onChooseData={() => undefined}
        lockedSettings={['learningRate']}
      />,
    );
    await settle();
    const rate = screen.getByLabelText<HTMLInputElement>('Learning rate');
    expect(rate.disabled).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: /^Reset to/ }));
    await settle();
    expect(screen.getByLabelText<HTMLInputElement>('Epochs').value).toBe(
      String(xorDefaults.epochs),
    );
    expect(rate.value).toBe(String(labRate));
    const saved = onSettingsChange.mock.calls.at(-1)![0].training;
    expect(saved.epochs).toBe(xorDefaults.epochs);
    expect(saved.optimizer.learningRate).toBe(labRate);
  });
});
