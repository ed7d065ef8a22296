import { describe, expect, it } from 'vitest';
import { apiServices } from '../../fixtures/api-service';
import {
  answer,
  currentGraph,
  goalIds,
  saveGraph,
  startLab,
  trainAndWait,
  unmetGoals,
} from '../../fixtures/lab-driver';

const openService = apiServices();

describe('the built-in lab "autoencoders" (2-D latent space, denoising, outliers)', () => {
  it('is completed through the API with real training: every goal is met', async () => {
    const session = await startLab(openService().service, 'autoencoders');
    expect(session.data).toEqual({ source: 'builtin', name: 'mnist', limit: 1000 });

    // Step 1: the bottleneck goes from 6 units to 2, then a first run.
    const graph = await currentGraph(session);
    const code = graph.nodes.find((node) => node.id === 'code')!;
    code.params = { ...code.params, units: 2 };
    await saveGraph(session, graph);
    const first = await trainAndWait(session);
    expect(first.final?.type === 'finished' && first.final.validation?.loss).toBeLessThan(0.065);

    // Step 2: the latent space.
    await answer(session, 'what-latent-shows', 1);

    // Step 3: noisy inputs, clean targets.
    await trainAndWait(session, { augmentation: { noise: 0.3 } });
    await answer(session, 'what-noise-does', 1);

    // Step 4: the notes' outlier score of x = (1, 0, 0.5, 0) rebuilt as (0.8, 0.1, 0.5, 0.3).
    await answer(session, 'outlier-score', 0.2 ** 2 + 0.1 ** 2 + 0 + 0.3 ** 2);
    await answer(session, 'why-outliers', 1);

    expect(await unmetGoals(session)).toEqual([]);
    expect(await goalIds(session)).toHaveLength(9);
  });
});
