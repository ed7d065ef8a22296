import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { PastRuns } from '../../src/renderer/src/training/runs/PastRuns';
import { DEFAULT_TRAINING_CONFIG } from '../../src/shared/api/project-settings';
import type { RunSummary } from '../../src/shared/api/records';
import type { TrainingConfig } from '../../src/shared/training/config';
import { FakeHost } from '../fixtures/fake-host';
import { renderWithHost, settle } from './render-with-host';

vi.mock('../../src/renderer/src/training/charts/plotly', () => ({
  loadPlotly: () => new Promise(() => undefined),
}));

/** Comparing runs shows, beside their curves, the settings that differ between them. */

const summary = (id: string, startedAt: string): RunSummary => ({
  id,
  projectId: 'p1',
  revisionId: 1,
  status: 'finished',
  startedAt,
  endedAt: startedAt,
  backend: 'cpu',
  data: { source: 'builtin', name: 'xor' },
  epochsRun: 2,
  finalMetrics: { loss: 0.5 },
  message: null,
  hasWeights: false,
});

const details = (run: RunSummary, config: TrainingConfig) => ({
  ...run,
  config,
  backendChoice: 'auto' as const,
  epochs: [],
  final: null,
});

describe('the runs comparison', () => {
  it('lists the settings that differ between the checked runs', async () => {
    const fast = {
      ...DEFAULT_TRAINING_CONFIG,
      optimizer: {
        type: 'sgd' as const,
        learningRate: 10,
        momentum: 0,
        momentumForm: 'average' as const,
      },
    };
    const first = summary('r1', '2026-12-07T10:00:00.000Z');
    const second = summary('r2', '2026-12-07T11:00:00.000Z');
    const host = new FakeHost({
      'runs.list': [second, first],
      'runs.get': ({ runId }) =>
        runId === 'r1' ? details(first, DEFAULT_TRAINING_CONFIG) : details(second, fast),
    });
    renderWithHost(
      host,
      <PastRuns
        projectId="p1"
        version={0}
        datasetTitles={{ xor: 'XOR gate' }}
        liveRunId={undefined}
      />,
    );
    await settle();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Show Run 1 on the charts' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Show Run 2 on the charts' }));
    await settle();
    const table = within(screen.getByRole('region', { name: 'Settings that differ' }));
    const row = (label: string) =>
      table.getByRole('rowheader', { name: label }).closest('tr')!.textContent;
    expect(row('Optimizer')).toBe('Optimizeradamsgd');
    expect(row('Learning rate')).toBe(
      `Learning rate${DEFAULT_TRAINING_CONFIG.optimizer.learningRate}10`,
    );
    expect(table.queryByRole('rowheader', { name: 'Epochs' })).toBeNull();
  });
});
