import { describe, expect, it } from 'vitest';
import type { Explanation, LayerValues } from '../../../src/shared/inside/inside-schemas';
import { apiServices, callService } from '../../fixtures/api-service';
import {
  answer,
  currentGraph,
  goalIds,
  gradeAsTeacher,
  LAB_TEST_TIMEOUT,
  replaceNode,
  saveGraph,
  startLab,
  trainAndWait,
  unmetGoals,
  unmetInGrade,
} from '../../fixtures/lab-driver';

const openService = apiServices();

describe('the built-in lab "cnn-mnist" (LeNet-5, feature maps, saliency, pooling)', () => {
  it(
    'is completed through the API with real training: every goal is met',
    async () => {
      const session = await startLab(openService().service, 'cnn-mnist');
      expect(session.data).toEqual({ source: 'builtin', name: 'mnist', limit: 2000 });

      // Step 1: the parameters of C1 by the notes' rule, 5 × 5 × 1 weights and a bias per filter.
      await answer(session, 'c1-parameters', 6 * (5 * 5 * 1 + 1));

      // Step 2: three epochs on 2,000 digits with a test part of 400.
      const first = await trainAndWait(session);
      expect(first.epochsRun).toBe(3);

      // Step 3: what Inside shows for a test digit: C1's 6 feature maps and a saliency map.
      const example = { part: 'test', index: 0 } as const;
      const maps = await callService<LayerValues>(session.service, 'runs.layer', {
        runId: first.id,
        example,
        nodeId: 'c1',
      });
      expect(maps.shape).toEqual([28, 28, 6]);
      const saliency = await callService<Explanation>(session.service, 'runs.explain', {
        runId: first.id,
        example,
        options: { method: 'saliency' },
      });
      expect(saliency.map).toHaveLength(28 * 28);
      expect(Math.max(...saliency.map)).toBeGreaterThan(0);
      await answer(session, 'what-feature-map', 1);
      await answer(session, 'what-saliency', 1);

      // Step 4: both average poolings become max poolings, then train again.
      const graph = await currentGraph(session);
      for (const id of ['s2', 's4']) replaceNode(graph, id, 'MaxPool2D', { poolSize: [2, 2] });
      await saveGraph(session, graph);
      await trainAndWait(session);
      await answer(session, 'why-same-count', 1);

      expect(await unmetGoals(session)).toEqual([]);
      expect(await goalIds(session)).toHaveLength(11);

      // Handed in and graded, every goal is met again from the file's weights and answers.
      const row = await gradeAsTeacher(session);
      expect(unmetInGrade(row)).toEqual([]);
      expect(row.met).toBe(11);
    },
    LAB_TEST_TIMEOUT,
  );
});
