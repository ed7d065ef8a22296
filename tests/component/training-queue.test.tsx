import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ordinal } from '../../src/renderer/src/training/model/run-state';
import type { RunSummary } from '../../src/shared/api/records';
import { DEFAULT_TRAINING_CONFIG } from '../../src/shared/api/project-settings';
import { chain } from '../fixtures/build-graph';
import { FakeHost } from '../fixtures/fake-host';
import { settle } from './render-with-host';
import {
  builtinSettings,
  pressStart,
  renderTrainingTab,
  sendTrainerEvent,
} from './training-view-harness';

// Plotly never arrives: the charts are not what this test looks at.
vi.mock('../../src/renderer/src/training/charts/plotly', () => ({
  loadPlotly: () => new Promise(() => undefined),
}));

/**
 * A run started while every core trains another one waits in line: the status badge and the
 * progress panel say so in the same words, and Stop takes it out of the line.
 */

const graph = chain(
  { form: 'vector', shape: [2] },
  [['Dense', { units: 1, activation: 'sigmoid' }]],
  { task: 'classification', loss: 'binaryCrossentropy' },
);
const settings = builtinSettings('xor');

/** The run as the database has it: running, since a waiting run is one whose trainer is late. */
const storedRun: RunSummary = {
  id: 'r1',
  projectId: 'p1',
  revisionId: 1,
  status: 'running',
  startedAt: '2026-12-07T13:00:00.000Z',
  endedAt: null,
  backend: null,
  data: { source: 'builtin', name: 'xor' },
  epochsRun: 0,
  finalMetrics: null,
  message: null,
  hasWeights: false,
};

async function startQueuedRun(): Promise<FakeHost> {
  const stored: RunSummary[] = [];
  const host = new FakeHost({
    'datasets.builtins': [],
    'runs.list': () => [...stored],
    'training.start': () => {
      stored.push(storedRun);
      return { runId: 'r1' };
    },
    'training.command': { ok: true },
  });
  renderTrainingTab(host, graph, settings);
  await settle();
  await pressStart();
  return host;
}

const status = () => screen.getByRole('status', { name: 'Run status' });
const button = (name: string) => screen.getByRole<HTMLButtonElement>('button', { name });

describe('a run waiting for a free core', () => {
  it('shows its place in line in the badge and the progress panel, and moves up', async () => {
    const host = await startQueuedRun();
    await sendTrainerEvent(host, { type: 'queued', position: 2, limit: 2 });

    expect(status().textContent).toBe('Waiting for a free core (2nd in line)');
    const note = screen.getByRole('note', { name: 'Waiting for a free core' });
    expect(note.textContent).toContain('Waiting for a free core (2nd in line).');
    expect(note.textContent).toContain('starts by itself when one of them ends');
    expect(screen.getByText('not started yet')).toBeTruthy();
    expect(button('Stop').disabled).toBe(false);
    expect(button('Pause').disabled).toBe(true);
    expect(button('Start training').disabled).toBe(true);
    const runsTable = await screen.findByRole('table', { name: 'Runs of this project' });
    expect(within(runsTable).getByText('Waiting for a free core')).toBeTruthy();

    await sendTrainerEvent(host, { type: 'queued', position: 1, limit: 2 });
    expect(status().textContent).toBe('Waiting for a free core (next in line)');
    expect(within(note).getByText('Waiting for a free core (next in line).')).toBeTruthy();

    await sendTrainerEvent(host, {
      type: 'started',
      backend: { active: 'cpu', tried: [{ backend: 'cpu', available: true }] },
      parameters: { trainable: 3, nonTrainable: 0 },
      samples: { train: 4, validation: 0, test: 0 },
      dataset: {
        title: 'XOR',
        task: 'classification',
        featureShape: [2],
        featureType: 'float32',
        classNames: ['0', '1'],
        targetSize: 1,
        count: 4,
        notes: [],
      },
      notes: [],
    });
    expect(status().textContent).toBe('Training');
    expect(screen.queryByRole('note', { name: 'Waiting for a free core' })).toBeNull();
    expect(within(runsTable).getByText('Running')).toBeTruthy();
    expect(button('Pause').disabled).toBe(false);
  });

  it('is cancelled by Stop, and says it never started', async () => {
    const host = await startQueuedRun();
    await sendTrainerEvent(host, { type: 'queued', position: 3, limit: 1 });
    expect(status().textContent).toBe('Waiting for a free core (3rd in line)');

    fireEvent.click(button('Stop'));
    await settle();
    expect(host.inputsOf('training.command')).toEqual([{ runId: 'r1', command: { type: 'stop' } }]);
    expect(status().textContent).toBe('Stopping…');

    await sendTrainerEvent(host, { type: 'stopped', epoch: 0, batch: 0, beforeStart: true });
    expect(status().textContent).toBe(
      'Stopped before it started: it was still waiting for a free core',
    );
    expect(screen.queryByRole('note', { name: 'Waiting for a free core' })).toBeNull();
    expect(button('Train again').disabled).toBe(false);
  });

  it('is followed again as waiting when the tab opens while it waits', async () => {
    const host = new FakeHost({
      'datasets.builtins': [],
      'runs.list': [storedRun],
      'runs.get': {
        ...storedRun,
        config: DEFAULT_TRAINING_CONFIG,
        backendChoice: 'auto',
        epochs: [],
        final: null,
        waiting: { position: 2, limit: 2 },
      },
      'training.command': { ok: true },
    });
    renderTrainingTab(host, graph, settings);
    await settle();
    await settle();
    expect(status().textContent).toBe('Waiting for a free core (2nd in line)');
    expect(button('Pause').disabled).toBe(true);
    fireEvent.click(button('Stop'));
    await settle();
    expect(host.inputsOf('training.command')).toEqual([{ runId: 'r1', command: { type: 'stop' } }]);
  });

  it('names places in line in plain English', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '23rd',
      '101st',
    ]);
  });
});
