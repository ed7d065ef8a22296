import { describe, expect, it } from 'vitest';
import { apiServices } from '../../fixtures/api-service';
import {
  addNode,
  answer,
  connect,
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

describe('the built-in lab "recurrent" (SimpleRNN, LSTM and GRU on the sine wave)', () => {
  it(
    'is completed through the API with real training: every goal is met',
    async () => {
      const session = await startLab(openService().service, 'recurrent');
      expect(session.data).toEqual({ source: 'builtin', name: 'sine' });

      // Step 1: the SimpleRNN as the lab starts.
      await answer(session, 'simple-rnn-parameters', 32 * (1 + 32 + 1));
      await trainAndWait(session);

      // Steps 2 and 3: the same place in the network holds an LSTM, then a GRU.
      const graph = await currentGraph(session);
      replaceNode(graph, 'rnn', 'LSTM', { units: 32 });
      await saveGraph(session, graph);
      await trainAndWait(session);
      await answer(session, 'lstm-parameters', 4 * 1088);
      replaceNode(graph, 'rnn', 'GRU', { units: 32 });
      await saveGraph(session, graph);
      await trainAndWait(session);
      await answer(session, 'gru-parameters', 3 * 1088);
      await answer(session, 'why-gates', 1);

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
      await saveGraph(session, graph);
      await trainAndWait(session);

      expect(await unmetGoals(session)).toEqual([]);
      expect(await goalIds(session)).toHaveLength(14);

      // Handed in and graded, every goal is met again from the file's weights and answers.
      const row = await gradeAsTeacher(session);
      expect(unmetInGrade(row)).toEqual([]);
      expect(row.met).toBe(14);
    },
    LAB_TEST_TIMEOUT,
  );
});
