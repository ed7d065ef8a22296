import { describe, expect, it } from 'vitest';
import type { DiagnosedEpoch, RunEnd } from '../../../src/shared/training/diagnosis';
import { diagnoseRun } from '../../../src/shared/training/diagnosis';

/** After a run, what went wrong in words: a table of runs → the diagnoses they get. */

const epochs = (losses: readonly number[], validation?: readonly number[], accuracy?: number) =>
  losses.map((loss, i): DiagnosedEpoch => ({
    epoch: i + 1,
    loss,
    metrics: accuracy === undefined ? {} : { accuracy },
    validationLoss: validation?.[i] ?? null,
    learningRate: 10,
  }));

/** A finished run with a training accuracy and its confusion matrix (rows: true classes). */
const finished = (accuracy?: number, counts?: number[][]): RunEnd => ({
  type: 'finished',
  epochsRun: 5,
  train: {
    loss: 0.5,
    metrics: accuracy === undefined ? { mae: 0.1 } : { accuracy },
    ...(counts ? { confusionMatrix: { labels: counts.map((_, i) => `${i}`), counts } } : {}),
  },
  notes: [],
});

const balanced = [
  [1, 1],
  [1, 1],
];
const falling = [0.7, 0.5, 0.3, 0.2, 0.1, 0.05];

const cases: [string, DiagnosedEpoch[], RunEnd | undefined, string[]][] = [
  [
    'a healthy run',
    epochs(falling),
    finished(1, [
      [2, 0],
      [0, 2],
    ]),
    [],
  ],
  ['a run still going', epochs(falling), undefined, []],
  [
    'a loss that became NaN',
    epochs([0.7, 0.9]),
    { type: 'failed', code: 'loss.not-finite', message: 'The loss became NaN.' },
    ['diverged'],
  ],
  [
    'a loss that grew (XOR, SGD at 10)',
    epochs([0.76, 1.36, 6.5, 8.06]),
    finished(0.5, balanced),
    ['diverged'],
  ],
  [
    'accuracy at chance on balanced classes',
    epochs([0.69, 0.69, 0.69]),
    finished(0.5, balanced),
    ['chance'],
  ],
  [
    'accuracy of the commonest class on unbalanced ones',
    epochs([0.5, 0.5, 0.5]),
    finished(0.9, [
      [9, 0],
      [1, 0],
    ]),
    ['chance'],
  ],
  ['a regression run (no accuracy)', epochs([1, 1, 1]), finished(), []],
  [
    'validation loss rising for only two epochs (too soon to tell)',
    epochs(falling, [0.7, 0.5, 0.45, 0.44, 0.5, 0.6]),
    finished(1, [
      [2, 0],
      [0, 2],
    ]),
    [],
  ],
  [
    'validation loss rising for three epochs while training loss falls',
    epochs([...falling, 0.03], [0.7, 0.5, 0.45, 0.5, 0.6, 0.7, 0.8]),
    finished(1, [
      [2, 0],
      [0, 2],
    ]),
    ['overfitting'],
  ],
  [
    'validation loss that levels off',
    epochs(falling, [0.7, 0.5, 0.45, 0.44, 0.44, 0.45]),
    finished(1, [
      [2, 0],
      [0, 2],
    ]),
    [],
  ],
];

describe('diagnoseRun', () => {
  it.each(cases)('%s', (_name, runEpochs, end, kinds) => {
    expect(diagnoseRun(runEpochs, end).map((d) => d.kind)).toEqual(kinds);
  });

  it('names the learning rate and a tenth of it when the loss diverged', () => {
    const [diagnosis] = diagnoseRun(epochs([0.76, 8.06]), finished(0.5, balanced));
    expect(diagnosis?.title).toBe('The loss diverged');
    expect(diagnosis?.advice).toMatch(
      /from 0\.760 .* to 8\.06 .*learning rate is too high\. Try 1 instead of 10\./,
    );
  });

  it('says what to check when the accuracy stayed at chance', () => {
    const [diagnosis] = diagnoseRun(epochs([0.69, 0.69]), finished(0.5, balanced));
    expect(diagnosis?.advice).toMatch(
      /ended at 50%, no better than .* \(50%\)\. Check the learning rate/,
    );
  });

  it('suggests early stopping or regularization when the network overfitted', () => {
    const [diagnosis] = diagnoseRun(
      epochs([...falling, 0.03], [0.7, 0.5, 0.45, 0.5, 0.6, 0.7, 0.8]),
      finished(1, [
        [2, 0],
        [0, 2],
      ]),
    );
    expect(diagnosis?.advice).toMatch(/lowest at epoch 3 .*early stopping .*regularization/);
  });
});
