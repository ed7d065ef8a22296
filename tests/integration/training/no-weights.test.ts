import { describe, expect, it } from 'vitest';
import { analyzeGraph } from '../../../src/shared/inference/analyze';
import { chain } from '../../fixtures/build-graph';
import { runNeurite, tempFile } from '../../fixtures/cli';
import { finished, trainInProcess } from '../../fixtures/training';

/**
 * Input → Activation → Output has nothing to learn. The editor, `neurite inspect` and the
 * trainer agree on what that means: it is a valid network, training evaluates it as it is.
 */
const noWeights = () =>
  chain({ form: 'vector', shape: [2] }, [['Activation', { activation: 'softmax' }]], {
    task: 'classification',
    loss: 'categoricalCrossentropy',
  });

describe('a network with no weights', () => {
  it('is valid, with a warning that says training only evaluates it', async () => {
    const analysis = analyzeGraph(noWeights());
    expect(analysis.errorCount).toBe(0);
    expect(analysis.issues.map((i) => i.code)).toEqual(['graph.no-weights']);
    const file = tempFile('no-weights.json', noWeights());
    const run = await runNeurite('inspect', file);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('training only measures how well it does as it is');
  });

  it('trains by being evaluated: the same loss every epoch, and a note that says why', async () => {
    const run = await trainInProcess(
      noWeights(),
      { source: 'builtin', name: 'circle' },
      {
        epochs: 3,
        batchSize: 16,
      },
    );
    const result = finished(run);
    const losses = run.epochs.map((e) => e.loss);
    expect(losses).toHaveLength(3);
    // The same examples through the same function: equal up to float rounding of the sums.
    for (const loss of losses) expect(loss).toBeCloseTo(losses[0]!, 5);
    expect(result.notes.join(' ')).toContain('no weights to learn');
    expect(result.train.metrics['accuracy']).toBeGreaterThanOrEqual(0);
  });

  it('does not warn once a layer has weights', () => {
    const analysis = analyzeGraph(
      chain({ form: 'vector', shape: [2] }, [['Dense', { units: 2, activation: 'softmax' }]], {
        task: 'classification',
        loss: 'categoricalCrossentropy',
      }),
    );
    expect(analysis.issues.map((i) => i.code)).not.toContain('graph.no-weights');
  });
});
