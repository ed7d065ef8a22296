import { render } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { LiveCharts } from '../../src/renderer/src/training/charts/LiveCharts';
import { LiveRun } from '../../src/renderer/src/training/model/live-run';
import type { TrainerEvent } from '../../src/shared/training/events';
import { settle } from './render-with-host';

/** Every point a chart was given, by chart, as a fake Plotly records them. */
const drawn = new Map<HTMLElement, { x: number[][]; modes: (string | undefined)[] }>();
let release: (plotly: unknown) => void = () => undefined;
const fakePlotly = {
  newPlot: (div: HTMLElement, traces: { x: number[]; mode?: string }[]) => {
    drawn.set(div, { x: traces.map((t) => [...t.x]), modes: traces.map((t) => t.mode) });
    return Promise.resolve(div);
  },
  extendTraces: (div: HTMLElement, update: { x: number[][] }, indices: number[]) => {
    indices.forEach((index, i) => drawn.get(div)!.x[index]!.push(...update.x[i]!));
    return Promise.resolve(div);
  },
  Plots: { resize: () => undefined },
};
vi.mock('../../src/renderer/src/training/charts/plotly', () => ({
  loadPlotly: () =>
    new Promise((resolve) => {
      release = resolve;
    }),
}));

class NoResize {
  observe() {}
  disconnect() {}
}

describe('the live charts of a run that ends before they are first drawn', () => {
  it('draw every epoch of XOR’s 300 once Plotly arrives', async () => {
    vi.stubGlobal('ResizeObserver', NoResize);
    const run = new LiveRun('r1', 300, (callback) => callback());
    const { container } = render(<LiveCharts run={run} />);
    for (let epoch = 1; epoch <= 300; epoch += 1) {
      const events: TrainerEvent[] = [
        {
          type: 'batch',
          epoch,
          batch: 1,
          batchesPerEpoch: 1,
          loss: 1 / epoch,
          samplesPerSecond: 100,
          learningRate: 0.05,
        },
        {
          type: 'epoch',
          epoch,
          epochs: 300,
          loss: 1 / epoch,
          metrics: { accuracy: 1 },
          learningRate: 0.05,
          elapsedMs: epoch * 10,
        },
      ];
      for (const event of events) run.handle(event);
    }
    run.handle({ type: 'finished', epochsRun: 300, train: { loss: 0.01, metrics: {} }, notes: [] });
    release(fakePlotly);
    await settle();
    await settle();
    const loss = container.querySelector<HTMLElement>('[data-chart="loss"]')!;
    // The third trace is the training loss per epoch.
    expect(drawn.get(loss)?.x[2]).toHaveLength(300);
    const metric = container.querySelector<HTMLElement>('[data-chart="metric"]')!;
    expect(drawn.get(metric)?.x[0]).toHaveLength(300);
    vi.unstubAllGlobals();
  });
});

describe('the dots on the live per-epoch curves', () => {
  const modes = async (epochs: number) => {
    vi.stubGlobal('ResizeObserver', NoResize);
    const run = new LiveRun(`r${epochs}`, epochs, (callback) => callback());
    const { container, unmount } = render(<LiveCharts run={run} />);
    run.handle({
      type: 'epoch',
      epoch: 1,
      epochs,
      loss: 1,
      metrics: { accuracy: 0.5 },
      learningRate: 0.05,
      elapsedMs: 10,
    });
    release(fakePlotly);
    await settle();
    await settle();
    const of = (chart: string) =>
      drawn.get(container.querySelector<HTMLElement>(`[data-chart="${chart}"]`)!)?.modes;
    const result = { loss: of('loss'), metric: of('metric') };
    unmount();
    vi.unstubAllGlobals();
    return result;
  };

  it('mark each epoch of a run of up to 200 epochs', async () => {
    const { loss, metric } = await modes(200);
    // The loss chart's third and fourth traces are per epoch, training and validation.
    expect(loss?.slice(2)).toEqual(['lines+markers', 'lines+markers']);
    expect(metric).toEqual(['lines+markers', 'lines+markers']);
  });

  it('are plain lines in a longer run, where thousands of dots would be a smear', async () => {
    const { loss, metric } = await modes(201);
    expect(loss?.slice(2)).toEqual(['lines', 'lines']);
    expect(metric).toEqual(['lines', 'lines']);
  });
});
