import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { GraphDocument } from '../../src/shared/graph/document';
import { chain } from '../fixtures/build-graph';
import { FakeHost } from '../fixtures/fake-host';
import { settle } from './render-with-host';
import { builtinSettings, renderTrainingTab } from './training-view-harness';

vi.mock('../../src/renderer/src/training/charts/plotly', () => ({
  loadPlotly: () => new Promise(() => undefined),
}));

/** Start asks once, naming the warning, before training a network that will not learn. */

const settings = builtinSettings('xor');

/** XOR's head ends linear under binary cross-entropy, which expects a sigmoid. */
const linearHead = (units: number): GraphDocument =>
  chain({ form: 'vector', shape: [2] }, [['Dense', { units, activation: 'linear' }]], {
    task: 'classification',
    loss: 'binaryCrossentropy',
  });

async function open(graph: GraphDocument) {
  const host = new FakeHost({
    'datasets.builtins': [],
    'runs.list': [],
    'training.start': { runId: 'r1' },
  });
  const view = renderTrainingTab(host, graph, settings);
  await settle();
  return { host, view };
}

const startButton = () => screen.getByRole('button', { name: /Start training|Train again/ });

describe('Start with a warning that will ruin training', () => {
  it('asks first, naming the warning; Go back starts nothing, Train anyway starts once', async () => {
    const { host } = await open(linearHead(1));
    fireEvent.click(startButton());
    await settle();
    const dialog = screen.getByRole('dialog', { name: 'Train with this warning?' });
    expect(within(dialog).getByText(/Binary cross-entropy, which expects Sigmoid/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Go back' }));
    await settle();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(host.inputsOf('training.start')).toHaveLength(0);

    fireEvent.click(startButton());
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'Train anyway' }));
    await settle();
    expect(host.inputsOf('training.start')).toHaveLength(1);
  });

  it('asks once per network state: the same network again trains without asking', async () => {
    const graph = linearHead(3);
    const first = await open(graph);
    fireEvent.click(startButton());
    await settle();
    fireEvent.click(screen.getByRole('button', { name: 'Train anyway' }));
    await settle();
    first.view.unmount();

    const again = await open(graph);
    fireEvent.click(startButton());
    await settle();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(again.host.inputsOf('training.start')).toHaveLength(1);
  });

  it('does not ask for a network without such a warning', async () => {
    const { host } = await open(
      chain({ form: 'vector', shape: [2] }, [['Dense', { units: 1, activation: 'sigmoid' }]], {
        task: 'classification',
        loss: 'binaryCrossentropy',
      }),
    );
    fireEvent.click(startButton());
    await settle();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(host.inputsOf('training.start')).toHaveLength(1);
  });
});
