import { describe, expect } from 'vitest';
import { addNode, connect, replaceNode } from '../../fixtures/labs/lab-graph';
import { expectEveryGoalMetAndGraded, labTest } from '../../fixtures/labs/lab-test';

describe('the built-in lab "recurrent" (SimpleRNN, LSTM and GRU on the sine wave)', () => {
  labTest(
    'is completed through the API with real training: every goal is met',
    'recurrent',
    async (student) => {
      expect(student.data).toEqual({ source: 'builtin', name: 'sine' });

      // Step 1: the SimpleRNN as the lab starts.
      await student.answer('simple-rnn-parameters', 32 * (1 + 32 + 1));
      await student.train();

      // Steps 2 and 3: the same place in the network holds an LSTM, then a GRU.
      const graph = await student.graph();
      replaceNode(graph, 'rnn', 'LSTM', { units: 32 });
      await student.saveGraph(graph);
      await student.train();
      await student.answer('lstm-parameters', 4 * 1088);
      replaceNode(graph, 'rnn', 'GRU', { units: 32 });
      await student.saveGraph(graph);
      await student.train();
      await student.answer('gru-parameters', 3 * 1088);
      await student.answer('why-gates', 1);

      // Step 4: the three side by side, joined by a Concatenate of 3 inputs.
      graph.edges = graph.edges.filter((edge) => edge.target.node !== 'next');
      addNode(graph, 'simple', 'SimpleRNN', { units: 32 });
      addNode(graph, 'lstm', 'LSTM', { units: 32 });
      addNode(graph, 'join', 'Concatenate', { inputs: 3 });
      connect(graph, 'window', 'simple');
      connect(graph, 'window', 'lstm');
      connect(graph, 'simple', 'join', 'in1');
      connect(graph, 'lstm', 'join', 'in2');
      connect(graph, 'rnn', 'join', 'in3');
      connect(graph, 'join', 'next');
      await student.saveGraph(graph);
      await student.train();

      await expectEveryGoalMetAndGraded(student, 14);
    },
  );
});
