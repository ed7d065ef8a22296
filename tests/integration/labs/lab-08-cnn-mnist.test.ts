import { describe, expect } from 'vitest';
import { replaceNode } from '../../fixtures/labs/lab-graph';
import { expectEveryGoalMetAndGraded, labTest } from '../../fixtures/labs/lab-test';

describe('the built-in lab "cnn-mnist" (LeNet-5, feature maps, saliency, pooling)', () => {
  labTest(
    'is completed through the API with real training: every goal is met',
    'cnn-mnist',
    async (student) => {
      expect(student.data).toEqual({ source: 'builtin', name: 'mnist', limit: 2000 });

      // Step 1: the parameters of C1 by the notes' rule, 5 × 5 × 1 weights and a bias per filter.
      await student.answer('c1-parameters', 6 * (5 * 5 * 1 + 1));

      // Step 2: three epochs on 2,000 digits with a test part of 400.
      const first = await student.train();
      expect(first.epochsRun).toBe(3);

      // Step 3: what Inside shows for a test digit: C1's 6 feature maps and a saliency map.
      const example = { part: 'test', index: 0 } as const;
      const maps = await student.layerValues(first.id, example, 'c1');
      expect(maps.shape).toEqual([28, 28, 6]);
      const saliency = await student.saliency(first.id, example);
      expect(saliency.map).toHaveLength(28 * 28);
      expect(Math.max(...saliency.map)).toBeGreaterThan(0);
      await student.answer('what-feature-map', 1);
      await student.answer('what-saliency', 1);

      // Step 4: both average poolings become max poolings, then train again.
      const graph = await student.graph();
      for (const id of ['s2', 's4']) replaceNode(graph, id, 'MaxPool2D', { poolSize: [2, 2] });
      await student.saveGraph(graph);
      await student.train();
      await student.answer('why-same-count', 1);

      await expectEveryGoalMetAndGraded(student, 11);
    },
  );
});
