import { describe, expect } from 'vitest';
import { addNode, connect } from '../../fixtures/labs/lab-graph';
import type { LabStudent } from '../../fixtures/labs/lab-student';
import { expectEveryGoalMetAndGraded, labTest } from '../../fixtures/labs/lab-test';

/**
 * How far a layer's kernel moved in training, as "Weights and filters" shows it: the share
 * of its weights that changed bin in the histogram against where training started.
 */
async function kernelMoved(student: LabStudent, runId: string, nodeId: string): Promise<number> {
  const weights = await student.weights(runId);
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
  labTest(
    'is completed through the API with real training: every goal is met',
    'depth-and-skips',
    async (student) => {
      expect(student.training.optimizer).toMatchObject({ type: 'sgd', learningRate: 0.5 });

      // Step 1: the plain stack of ten sigmoid layers gets stuck near guessing.
      const plain = await student.train();
      const plainAccuracy =
        plain.final?.type === 'finished' ? plain.final.test?.metrics['accuracy'] : 1;
      expect(plainAccuracy).toBeLessThanOrEqual(0.3);
      // What step 2 points at: Hidden 1's weights hardly moved, Hidden 10's did.
      expect(await kernelMoved(student, plain.id, 'h1')).toBeLessThan(0.01);
      expect(await kernelMoved(student, plain.id, 'h10')).toBeGreaterThan(0.1);

      // Step 2: what is left of the gradient after four sigmoids.
      await student.answer('four-sigmoids', 0.25 ** 4);

      // Step 3: Hidden 1 jumps over the nine layers after it into an Add before the digits.
      const graph = await student.graph();
      graph.edges = graph.edges.filter((edge) => edge.target.node !== 'digits');
      addNode(graph, 'add', 'Add', { inputs: 2 });
      connect(graph, 'h10', 'add', 'in1');
      connect(graph, 'h1', 'add', 'in2');
      connect(graph, 'add', 'digits');
      await student.saveGraph(graph);
      const skip = await student.train();
      const skipAccuracy =
        skip.final?.type === 'finished' ? skip.final.test?.metrics['accuracy'] : 0;
      expect(skipAccuracy).toBeGreaterThanOrEqual(0.8);
      // And step 3's: through the shortcut, Hidden 1's weights now learn.
      expect(await kernelMoved(student, skip.id, 'h1')).toBeGreaterThan(0.1);
      // The layers the shortcut goes around still hardly learn.
      for (const middle of ['h2', 'h3', 'h4', 'h5', 'h6']) {
        expect(await kernelMoved(student, skip.id, middle)).toBeLessThan(0.05);
      }

      // Step 4: why the shortcut helps, and the ResNet block's projection shortcut.
      await student.answer('why-skips', 1);
      await student.answer('why-projection', 1);

      await expectEveryGoalMetAndGraded(student, 12);
    },
  );
});
