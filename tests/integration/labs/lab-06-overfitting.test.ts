import { describe, expect } from 'vitest';
import { labTest } from '../../fixtures/labs/lab-test';

describe('lab 6, overfitting', () => {
  labTest(
    'is completed through the API: a large network overfits 30 points, then L2, dropout and early stopping',
    'overfitting',
    async (student) => {
      await student.answer('training-points', 30);
      await student.answer('what-overfitting', 1);
      await student.train();
      expect(await student.unmetGoals(['training-points', 'overfit', 'what-overfitting'])).toEqual(
        [],
      );
      expect(await student.unmetGoals(['l2-helps'])).toHaveLength(1);

      await student.setParams('h1', { l2: 0.01 });
      await student.setParams('h2', { l2: 0.01 });
      await student.train();
      expect(await student.unmetGoals(['l2-helps'])).toEqual([]);

      // Dropout between the second hidden layer and the output unit.
      const graph = await student.graph();
      graph.nodes.push({
        id: 'dropout',
        kind: 'Dropout',
        position: { x: 0, y: 275 },
        params: { rate: 0.5 },
      });
      graph.edges = graph.edges.filter((edge) => edge.id !== 'e3');
      graph.edges.push(
        { id: 'e5', source: { node: 'h2', port: 'out' }, target: { node: 'dropout', port: 'in' } },
        { id: 'e6', source: { node: 'dropout', port: 'out' }, target: { node: 'p', port: 'in' } },
      );
      await student.saveGraph(graph);
      await student.train();

      await student.train({
        earlyStopping: {
          enabled: true,
          monitor: 'val_loss',
          patience: 10,
          minDelta: 0,
          restoreBestWeights: true,
        },
      });
      expect(await student.unmetGoals()).toEqual([]);
    },
  );
});
