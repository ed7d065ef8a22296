import { describe, expect, it } from 'vitest';
import { metricTitle } from '../../../src/renderer/src/training/model/metric-names';
import {
  datasetLabel,
  runHeadline,
  runNames,
} from '../../../src/renderer/src/training/model/run-labels';
import {
  IDLE,
  phaseText,
  runViewAfter,
  type RunView,
} from '../../../src/renderer/src/training/model/run-state';
import type { RunSummary } from '../../../src/shared/api/records';

describe('the runs list', () => {
  it('headlines the metric on the most honest data a run has', () => {
    expect(runHeadline({ loss: 0.1, accuracy: 0.9, val_accuracy: 0.85, test_accuracy: 0.8 })).toBe(
      'test accuracy 80.0%',
    );
    expect(runHeadline({ loss: 0.1, accuracy: 0.9, val_loss: 0.2, val_accuracy: 0.85 })).toBe(
      'validation accuracy 85.0%',
    );
    expect(runHeadline({ loss: 0.02, mae: 0.1, rmse: 0.2 })).toBe(
      'training mean absolute error 0.1',
    );
    expect(runHeadline({ loss: 0.0123 })).toBe('training loss 0.0123');
    expect(runHeadline(null)).toBe('–');
  });

  it('names data sets and numbers runs from the oldest', () => {
    expect(
      datasetLabel({ source: 'builtin', name: 'mnist', limit: 2000 }, { mnist: 'MNIST digits' }),
    ).toBe('MNIST digits (first 2,000)');
    expect(
      datasetLabel({
        source: 'csv',
        path: '/home/ana/data/houses.csv',
        task: 'auto',
        delimiter: 'auto',
        header: 'auto',
        scaling: 'standardize',
        missing: 'error',
      }),
    ).toBe('houses.csv');
    const run = (id: string, startedAt: string) => ({ id, startedAt }) as RunSummary;
    const names = runNames([run('b', '2026-01-02T00:00:00Z'), run('a', '2026-01-01T00:00:00Z')]);
    expect(names.get('a')).toBe('Run 1');
    expect(names.get('b')).toBe('Run 2');
  });
});

describe('the run status', () => {
  it('follows pause, resume and the end of a run', () => {
    let view: RunView = { ...IDLE, phase: 'running' };
    view = runViewAfter(view, { type: 'paused', epoch: 2, batch: 7 });
    expect(view.phase).toBe('paused');
    expect(phaseText(view)).toBe('Paused before epoch 2, batch 7');
    view = runViewAfter(view, { type: 'resumed' });
    expect(phaseText(view)).toBe('Training');
    view = runViewAfter(view, { type: 'failed', message: 'The loss became NaN.', code: 'x' });
    expect(view.phase).toBe('failed');
    expect(view.final).toMatchObject({ message: 'The loss became NaN.' });
  });
});

describe('metric names in the results table', () => {
  it('say whose precision, recall and F1 they are', () => {
    expect(metricTitle('precision', ['no', 'yes'])).toBe('Precision (class "yes")');
    expect(metricTitle('f1', ['setosa', 'versicolor', 'virginica'])).toBe(
      'F1 score (macro average)',
    );
    expect(metricTitle('accuracy', ['no', 'yes'])).toBe('Accuracy');
    expect(metricTitle('recall')).toBe('Recall');
  });
});
