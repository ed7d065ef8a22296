import { describe, expect, it } from 'vitest';
import type { LayerWeights } from '../../../src/shared/inside/inside-schemas';
import { apiServices, callService } from '../../fixtures/api-service';
import {
  addNode,
  answer,
  connect,
  currentGraph,
  goalIds,
  gradeAsTeacher,
  LAB_TEST_TIMEOUT,
  saveGraph,
  startLab,
  trainAndWait,
  unmetGoals,
  unmetInGrade,
} from '../../fixtures/lab-driver';
import type { LabSession } from '../../fixtures/lab-driver';

const openService = apiServices();

/**
 * How far a layer's kernel moved in training, as "Weights and filters" shows it: the share
 * of its weights that changed bin in the histogram against where training started.
 */
async function kernelMoved(session: LabSession, runId: string, nodeId: string): Promise<number> {
  const weights = await callService<LayerWeights>(session.service, 'runs.weights', { runId });
  const kernel = weights.layers
    .find((layer) => layer.nodeId === nodeId)!
    .tensors.find((tensor) => tensor.name === 'kernel')!;
  const total = kernel.after.counts.reduce((sum, count) => sum + count, 0);
  const changed = kernel.after.counts.reduce(
    (sum, count, bin) => sum + Math.abs(count - kernel.before!.counts[bin]!),
    0,
  );
  return changed / total;
}

describe('the built-in lab "depth-and-skips" (a deep plain stack, then a skip connection)', () => {
  it(
    'is completed through the API with real training: every goal is met',
    async () => {
      const session = await startLab(openService().service, 'depth-and-skips');
      expect(session.training.optimizer).toMatchObject({ type: 'sgd', learningRate: 0.5 });

      // Step 1: the plain stack of ten sigmoid layers gets stuck near guessing.
      const plain = await trainAndWait(session);
      const plainAccuracy =
        plain.final?.type === 'finished' ? plain.final.test?.metrics['accuracy'] : 1;
      expect(plainAccuracy).toBeLessThanOrEqual(0.3);
      // What step 2 points at: Hidden 1's weights hardly moved, Hidden 10's did.
      expect(await kernelMoved(session, plain.id, 'h1')).toBeLessThan(0.01);
      expect(await kernelMoved(session, plain.id, 'h10')).toBeGreaterThan(0.1);

      // Step 2: what is left of the gradient after four sigmoids.
      await answer(session, 'four-sigmoids', 0.25 ** 4);

      // Step 3: Hidden 1 jumps over the nine layers after it into an Add before the digits.
      const graph = await currentGraph(session);
      graph.edges = graph.edges.filter((edge) => edge.target.node !== 'digits');
      addNode(graph, 'add', 'Add', { inputs: 2 });
      connect(graph, 'h10', 'add', 'in1');
      connect(graph, 'h1', 'add', 'in2');
      connect(graph, 'add', 'digits');
      await saveGraph(session, graph);
      const skip = await trainAndWait(session);
      const skipAccuracy =
        skip.final?.type === 'finished' ? skip.final.test?.metrics['accuracy'] : 0;
      expect(skipAccuracy).toBeGreaterThanOrEqual(0.8);
      // And step 3's: through the shortcut, Hidden 1's weights now learn.
      expect(await kernelMoved(session, skip.id, 'h1')).toBeGreaterThan(0.1);
      // The layers the shortcut goes around still hardly learn.
      for (const middle of ['h2', 'h3', 'h4', 'h5', 'h6']) {
        expect(await kernelMoved(session, skip.id, middle)).toBeLessThan(0.05);
      }

      // Step 4: why the shortcut helps, and the ResNet block's projection shortcut.
      await answer(session, 'why-skips', 1);
      await answer(session, 'why-projection', 1);

      expect(await unmetGoals(session)).toEqual([]);
      expect(await goalIds(session)).toHaveLength(12);

      // Handed in and graded, every goal is met again from the file's weights and answers.
      const row = await gradeAsTeacher(session);
      expect(unmetInGrade(row)).toEqual([]);
      expect(row.met).toBe(12);
    },
    LAB_TEST_TIMEOUT,
  );
});
