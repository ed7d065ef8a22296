import { describe, expect, it } from 'vitest';
import { apiServices } from '../../fixtures/api-service';
import {
  addNode,
  answer,
  connect,
  currentGraph,
  goalIds,
  saveGraph,
  startLab,
  trainAndWait,
  unmetGoals,
} from '../../fixtures/lab-driver';

const openService = apiServices();

describe('the built-in lab "depth-and-skips" (a deep plain stack, then a skip connection)', () => {
  it('is completed through the API with real training: every goal is met', async () => {
    const session = await startLab(openService().service, 'depth-and-skips');
    expect(session.training.optimizer).toMatchObject({ type: 'sgd', learningRate: 0.5 });

    // Step 1: the plain stack of ten sigmoid layers gets stuck near guessing.
    const plain = await trainAndWait(session);
    const plainAccuracy =
      plain.final?.type === 'finished' ? plain.final.test?.metrics['accuracy'] : 1;
    expect(plainAccuracy).toBeLessThanOrEqual(0.3);

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
    const skipAccuracy = skip.final?.type === 'finished' ? skip.final.test?.metrics['accuracy'] : 0;
    expect(skipAccuracy).toBeGreaterThanOrEqual(0.8);

    // Step 4: why the shortcut helps, and the ResNet block's projection shortcut.
    await answer(session, 'why-skips', 1);
    await answer(session, 'why-projection', 1);

    expect(await unmetGoals(session)).toEqual([]);
    expect(await goalIds(session)).toHaveLength(12);
  });
});
