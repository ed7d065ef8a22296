import { describe, expect, it } from 'vitest';
import type { EpochRecord, Run } from '../../../src/shared/api/records';
import { evaluateLabGoals } from '../../../src/shared/labs/evaluate-goals';
import type { GoalEvidence } from '../../../src/shared/labs/evaluate-goals';
import { GOAL_KINDS } from '../../../src/shared/labs/goals';
import { parseLab } from '../../../src/shared/labs/parse-lab';
import type { LabProgress } from '../../../src/shared/labs/lab-progress';
import { EMPTY_PROGRESS } from '../../../src/shared/labs/lab-progress';
import type { PredictionAnswer } from '../../../src/shared/labs/prediction-goals';
import { trainingConfigSchema } from '../../../src/shared/training/config';
import type { TrainingConfigInput } from '../../../src/shared/training/config';

/*
 * Each goal kind, met and not met: a goal must tick exactly when its condition holds, from the
 * network, the runs, the trained network's answer or the typed answer, never otherwise.
 */

const RESNET = {
  format: 'neurite-graph',
  version: 1,
  metadata: { name: 'Block', description: '' },
  nodes: [
    { id: 'x', kind: 'Input', position: { x: 0, y: 0 }, params: { form: 'vector', shape: [4] } },
    { id: 'a', kind: 'Dense', position: { x: 0, y: 1 }, params: { units: 4, activation: 'relu' } },
    {
      id: 'b',
      kind: 'Dense',
      position: { x: 0, y: 2 },
      params: { units: 4, activation: 'linear' },
    },
    { id: 'sum', kind: 'Add', position: { x: 0, y: 3 }, params: {} },
    {
      id: 'out',
      kind: 'Dense',
      position: { x: 0, y: 4 },
      params: { units: 3, activation: 'softmax' },
    },
    {
      id: 'y',
      kind: 'Output',
      position: { x: 0, y: 5 },
      params: { task: 'classification', loss: 'categoricalCrossentropy' },
    },
  ],
  edges: [
    edge('e1', 'x', 'a'),
    edge('e2', 'a', 'b'),
    edge('e3', 'b', 'sum', 'in1'),
    edge('e4', 'x', 'sum', 'in2'),
    edge('e5', 'sum', 'out'),
    edge('e6', 'out', 'y'),
  ],
};
/** The same network with the shortcut taken away: the Add is fed twice by b. */
const PLAIN = {
  ...RESNET,
  edges: RESNET.edges.map((e) => (e.id === 'e4' ? edge('e4', 'b', 'sum', 'in2') : e)),
};

function edge(id: string, from: string, to: string, port = 'in') {
  return { id, source: { node: from, port: 'out' }, target: { node: to, port } };
}

function epochs(losses: readonly [number, number][]): EpochRecord[] {
  return losses.map(([loss, validationLoss], index) => ({
    epoch: index + 1,
    fold: null,
    loss,
    metrics: {},
    validationLoss,
    validationMetrics: {},
    learningRate: 0.01,
    elapsedMs: 10 * (index + 1),
  }));
}

function run(options: {
  config?: TrainingConfigInput;
  status?: Run['status'];
  data?: string;
  train?: Record<string, number>;
  test?: Record<string, number>;
  epochs?: EpochRecord[];
  stoppedEarly?: boolean;
}): Run {
  const history = options.epochs ?? epochs([[0.5, 0.6]]);
  return {
    id: crypto.randomUUID(),
    projectId: crypto.randomUUID(),
    revisionId: 1,
    status: options.status ?? 'finished',
    startedAt: '2026-12-07T10:42:00.000Z',
    endedAt: '2026-12-07T10:43:00.000Z',
    backend: 'cpu',
    data: { source: 'builtin', name: (options.data ?? 'iris') as 'iris' },
    epochsRun: history.length,
    finalMetrics: null,
    message: null,
    hasWeights: true,
    config: trainingConfigSchema.parse(options.config ?? {}),
    backendChoice: 'auto',
    epochs: history,
    final: {
      type: 'finished',
      epochsRun: history.length,
      ...(options.stoppedEarly ? { stoppedEarly: { epoch: history.length, bestEpoch: 1 } } : {}),
      train: { loss: options.train?.['loss'] ?? 0.5, metrics: options.train ?? {} },
      ...(options.test
        ? { test: { loss: options.test['loss'] ?? 0.4, metrics: options.test } }
        : {}),
      notes: [],
    },
  };
}

/** A one-step lab with the one goal, checked against the evidence. */
async function verdict(goalYaml: string, evidence: Partial<GoalEvidence>) {
  const text = `neuriteLab: 1
id: check
title: Check
learn: A goal.
start: { empty: true }
data: { source: builtin, name: iris }
steps:
  - title: The goal
    instructions: Meet it.
    goals:
      - id: the-goal
        text: The goal.
${goalYaml
  .trim()
  .split('\n')
  .map((line) => `        ${line}`)
  .join('\n')}
`;
  const parsed = parseLab(text);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  const [status] = await evaluateLabGoals(parsed.lab, {
    graph: RESNET,
    runs: [],
    progress: EMPTY_PROGRESS,
    predict: () => Promise.resolve({ none: 'No run has finished with a trained network yet.' }),
    ...evidence,
  });
  return status!;
}

const answered = (answer: number): LabProgress => ({
  ...EMPTY_PROGRESS,
  answers: { 'the-goal': answer },
});
const predicting = (answer: PredictionAnswer) => () => Promise.resolve(answer);

/** Per kind: a goal, evidence that meets it, and evidence that does not. */
const CASES: Record<
  string,
  { goal: string; meets: Partial<GoalEvidence>; fails: Partial<GoalEvidence>; detail: RegExp }
> = {
  layers: {
    goal: 'kind: layers\nlayer: Dense\natLeast: 4',
    meets: {
      graph: {
        ...RESNET,
        nodes: [
          ...RESNET.nodes,
          { id: 'c', kind: 'Dense', position: { x: 1, y: 1 }, params: { units: 2 } },
        ],
      },
    },
    fails: {},
    detail: /^The network has 4 Dense layers \(the goal: at least 4\)\.$/,
  },
  units: {
    goal: 'kind: units\nnode: a\natLeast: 2\natMost: 4',
    meets: {},
    fails: {
      graph: {
        ...RESNET,
        nodes: RESNET.nodes.map((n) => (n.id === 'a' ? { ...n, params: { units: 8 } } : n)),
      },
    },
    detail: /has 4 units \(the goal: between 2 and 4\)/,
  },
  parameters: {
    // x→a: 4·4+4, a→b: 4·4+4, out: 4·3+3 = 55.
    goal: 'kind: parameters\natMost: 55',
    meets: {},
    fails: {
      graph: {
        ...RESNET,
        nodes: RESNET.nodes.map((n) =>
          n.id === 'a'
            ? { ...n, params: { units: 4, useBias: true, activation: 'relu' } }
            : n.id === 'out'
              ? { ...n, params: { units: 4, activation: 'softmax' } }
              : n,
        ),
      },
    },
    detail: /^The network has 55 parameters \(the goal: at most 55\)\.$/,
  },
  activation: {
    goal: 'kind: activation\nlayer: Dense\nis: relu',
    meets: {},
    fails: {
      graph: {
        ...RESNET,
        nodes: RESNET.nodes.map((n) =>
          n.id === 'a' ? { ...n, params: { units: 4, activation: 'sigmoid' } } : n,
        ),
      },
    },
    detail: /uses ReLU/,
  },
  'skip-connection': {
    goal: 'kind: skip-connection',
    meets: {},
    fails: { graph: PLAIN },
    detail: /adds the output of/,
  },
  metric: {
    goal: 'kind: metric\nmetric: accuracy\npart: test\natLeast: 0.9',
    meets: { runs: [run({ test: { accuracy: 0.8 } }), run({ test: { accuracy: 0.93 } })] },
    fails: {
      runs: [run({ test: { accuracy: 0.89 } }), run({ status: 'failed', test: { accuracy: 1 } })],
    },
    detail: /^Test accuracy 93 % in the run of 2026-12-07 10:42 \(the goal: at least 90 %\)\.$/,
  },
  epochs: {
    goal: 'kind: epochs\natMost: 2',
    meets: {
      runs: [
        run({
          epochs: epochs([
            [1, 1],
            [0.5, 0.6],
          ]),
        }),
      ],
    },
    fails: {
      runs: [
        run({
          epochs: epochs([
            [1, 1],
            [0.5, 0.6],
            [0.4, 0.5],
          ]),
        }),
      ],
    },
    detail: /trained for 2 epochs/,
  },
  schedule: {
    goal: 'kind: schedule\ntype: inverseTime',
    meets: { runs: [run({ config: { schedule: { type: 'inverseTime', decay: 1 } } })] },
    fails: { runs: [run({ config: { schedule: { type: 'step' } } }), run({})] },
    detail: /changed its learning rate/,
  },
  'early-stopping': {
    goal: 'kind: early-stopping',
    meets: {
      runs: [
        run({
          stoppedEarly: true,
          epochs: epochs([
            [1, 1],
            [0.8, 1.1],
            [0.7, 1.2],
          ]),
        }),
      ],
    },
    fails: {
      runs: [
        run({
          epochs: epochs([
            [1, 1],
            [0.8, 1.1],
            [0.7, 1.2],
          ]),
        }),
      ],
    },
    detail: /^Early stopping ended the run of 2026-12-07 10:42 after epoch 3, keeping epoch 1\.$/,
  },
  overfitting: {
    goal: 'kind: overfitting\nrise: 0.1',
    meets: {
      runs: [
        run({
          epochs: epochs([
            [1, 1],
            [0.6, 0.8],
            [0.4, 0.85],
            [0.3, 0.9],
          ]),
        }),
      ],
    },
    // The validation loss rises only 6 %: not yet the 10 % asked for.
    fails: {
      runs: [
        run({
          epochs: epochs([
            [1, 1],
            [0.6, 0.8],
            [0.4, 0.82],
            [0.3, 0.85],
          ]),
        }),
      ],
    },
    detail:
      /rose from 0\.8 \(epoch 2\) to 0\.9 \(epoch 4\) while the training loss fell from 0\.6 to 0\.3/,
  },
  optimizer: {
    goal: 'kind: optimizer\nis: sgd\nmomentum: { atLeast: 0.5 }',
    meets: {
      runs: [run({ config: { optimizer: { type: 'sgd', learningRate: 0.1, momentum: 0.9 } } })],
    },
    fails: { runs: [run({ config: { optimizer: { type: 'sgd', learningRate: 0.1 } } }), run({})] },
    detail: /used sgd with momentum at least 0\.5/,
  },
  runs: {
    goal: 'kind: runs\natLeast: 2\ndata: iris',
    meets: { runs: [run({}), run({})] },
    fails: { runs: [run({}), run({ data: 'xor' }), run({ status: 'stopped' })] },
    detail: /^2 runs on "iris" have finished/,
  },
  prediction: {
    goal: 'kind: prediction\ninput: [1, 0]\nclass: 1',
    meets: { predict: predicting({ output: [0.2, 0.8], predicted: 1, runId: 'r' }) },
    fails: { predict: predicting({ output: [0.7, 0.3], predicted: 0, runId: 'r' }) },
    detail: /^For \[1, 0\] the trained network picks class 1 \(the goal: class 1\)\.$/,
  },
  number: {
    goal: 'kind: number\nvalue: 0.99909\ntolerance: 0.000005',
    meets: { progress: answered(0.99909) },
    fails: { progress: answered(0.9991) },
    detail: /^0\.9991 is right\.$/,
  },
  choice: {
    goal: 'kind: choice\nchoices: [More epochs, One straight line]\nanswer: 1',
    meets: { progress: answered(1) },
    fails: { progress: answered(0) },
    detail: /^“One straight line” is right\.$/,
  },
};

describe('lab goals', () => {
  it('covers every goal kind', () => {
    expect(Object.keys(CASES).sort()).toEqual([...GOAL_KINDS].sort());
  });

  describe.each(Object.entries(CASES))('%s', (_kind, { goal, meets, fails, detail }) => {
    it('ticks when its condition holds, and says what Neurite saw', async () => {
      const status = await verdict(goal, meets);
      expect(status.met).toBe(true);
      expect(status.detail).toMatch(detail);
    });
    it('does not tick when it does not', async () => {
      const status = await verdict(goal, fails);
      expect(status.met).toBe(false);
      expect(status.detail.length).toBeGreaterThan(10);
    });
  });

  it('asks for a run before any has finished, and for an answer before one is typed', async () => {
    expect(await verdict(CASES['metric']!.goal, {})).toMatchObject({
      met: false,
      detail: 'No run has finished yet: train the network to check this goal.',
    });
    expect(await verdict(CASES['number']!.goal, {})).toMatchObject({
      met: false,
      detail: 'Not answered yet.',
    });
    expect(await verdict(CASES['prediction']!.goal, {})).toMatchObject({ met: false });
  });

  it('a prediction range reads the output value asked for', async () => {
    const goal = 'kind: prediction\ninput: [1]\noutput: 0\natLeast: 2.1919\natMost: 2.1921';
    expect(
      (await verdict(goal, { predict: predicting({ output: [2.192], runId: 'r' }) })).met,
    ).toBe(true);
    expect((await verdict(goal, { predict: predicting({ output: [2.2], runId: 'r' }) })).met).toBe(
      false,
    );
  });

  it('a prediction goal that names a data set asks the latest run on that set', async () => {
    const asked: (string | undefined)[] = [];
    const predict = (_input: readonly number[], data?: string) => {
      asked.push(data);
      return Promise.resolve<PredictionAnswer>({ output: [0.2, 0.8], predicted: 1, runId: 'r' });
    };
    const onAnd = await verdict('kind: prediction\ndata: and\ninput: [1, 1]\nclass: 1', {
      predict,
      dataTitle: () => 'the AND gate',
    });
    await verdict('kind: prediction\ninput: [1, 1]\nclass: 1', { predict });
    expect(asked).toEqual(['and', undefined]);
    expect(onAnd.detail).toBe(
      'For [1, 1] the network trained on the AND gate picks class 1 (the goal: class 1).',
    );
  });

  it('takes figures from the grader when it recomputed them', async () => {
    const claimed = run({ test: { accuracy: 0.99 } });
    const status = await verdict(CASES['metric']!.goal, {
      runs: [claimed],
      figuresOf: () => ({ examples: 30, loss: 0.7, metrics: { accuracy: 0.6 } }),
    });
    expect(status).toMatchObject({ met: false, runId: claimed.id });
    expect(status.detail).toMatch(/^Test accuracy 60 % /);
  });

  it('says which data set a goal counts runs on, by its title', async () => {
    const status = await verdict('kind: runs\natLeast: 2\ndata: xor', {
      runs: [run({}), run({})],
      dataTitle: (name) => (name === 'xor' ? 'the XOR gate' : name),
    });
    expect(status).toMatchObject({
      met: false,
      detail: '0 runs on the XOR gate have finished (the goal: at least 2).',
    });
    const metric = await verdict(
      'kind: metric\nmetric: loss\npart: train\natMost: 0.1\ndata: xor',
      {
        runs: [run({})],
        dataTitle: () => 'the XOR gate',
      },
    );
    expect(metric.detail).toBe(
      'No run on the XOR gate has finished yet: train the network to check this goal.',
    );
  });

  it('shows shares of examples in per cent, and other figures as they are', async () => {
    const accuracy = await verdict('kind: metric\nmetric: accuracy\npart: train\natLeast: 1', {
      runs: [run({ train: { accuracy: 1 } })],
    });
    expect(accuracy.detail).toMatch(
      /^Training accuracy 100 % in .* \(the goal: at least 100 %\)\.$/,
    );
    const loss = await verdict('kind: metric\nmetric: loss\npart: train\natMost: 0.1', {
      runs: [run({ train: { loss: 0.05 } })],
    });
    expect(loss.detail).toMatch(/^Training loss 0\.05 in .* \(the goal: at most 0\.1\)\.$/);
  });

  it('counts the layers between the Input and the Output, and says so', async () => {
    // The footer says "Layers 6" for this network: the Input and the Output count there.
    const status = await verdict('kind: layers\natLeast: 4', {});
    expect(status).toMatchObject({
      met: true,
      detail: 'The network has 4 layers between the Input and the Output (the goal: at least 4).',
    });
  });

  it('names a layer by its label, never by its id', async () => {
    const labelled = {
      ...RESNET,
      nodes: RESNET.nodes.map((n) => (n.id === 'a' ? { ...n, label: 'hidden' } : n)),
    };
    const units = await verdict('kind: units\nnode: a\natLeast: 8', { graph: labelled });
    expect(units.detail).toBe('Dense "hidden" has 4 units (the goal: at least 8).');
    const activation = await verdict('kind: activation\nnode: a\nis: tanh', { graph: labelled });
    expect(activation.detail).toBe(
      'No layer the goal is about uses Tanh yet (the layer Dense "hidden").',
    );
  });
});
