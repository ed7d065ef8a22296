import { z } from 'zod';
import { LOSSES, LOSSES_FOR_TASK, LOSS_HELP, LOSS_TITLES, TASKS, TASK_TITLES } from '../losses';
import { problem, produce } from '../outcome';
import type { NodeProblem } from '../types';
import { defineKind } from '../types';

const paramsSchema = z.strictObject({
  task: z.enum(TASKS).default('classification').meta({
    title: 'Task',
    description:
      'What the network predicts: a class, numbers, or its own input again (autoencoders).',
    optionTitles: TASK_TITLES,
  }),
  loss: z.enum(LOSSES).default('categoricalCrossentropy').meta({
    title: 'Loss',
    description: 'How the error between prediction and truth is measured.',
    optionTitles: LOSS_TITLES,
    optionHelp: LOSS_HELP,
  }),
});

export const outputKind = defineKind({
  kind: 'Output',
  title: 'Output',
  group: 'io',
  look: { colour: '#c53030', icon: '◎' },
  summary:
    "Marks the network's prediction and says what it is for: the task and the loss to minimise.",
  role: 'output',
  // It marks the prediction; the values it receives are the network's output.
  valueFlow: 'unchanged',
  examples: [
    {
      params: { task: 'regression', loss: 'meanSquaredError' },
      inputs: [{ form: 'vector', shape: [3] }],
    },
  ],
  paramsSchema,
  inputPorts: () => [{ id: 'in', label: 'prediction' }],
  outputPorts: [],
  describe: (p) => `${p.task} · ${LOSS_TITLES[p.loss]}`,
  infer({ params, inputs, name }) {
    const input = inputs[0]!;
    const warnings: NodeProblem[] = [];
    if (!LOSSES_FOR_TASK[params.task].includes(params.loss)) {
      warnings.push(
        problem(
          'warning',
          'output.loss-task',
          `${name} uses ${LOSS_TITLES[params.loss]} for ${params.task}, which is unusual. Usual choices: ${LOSSES_FOR_TASK[params.task].map((l) => LOSS_TITLES[l]).join(', ')}.`,
          'loss',
        ),
      );
    }
    const classes = input.shape[input.shape.length - 1];
    const oneValue = input.shape.length === 1 && classes === 1;
    if (
      (params.loss === 'categoricalCrossentropy' ||
        params.loss === 'sparseCategoricalCrossentropy' ||
        params.loss === 'multiclassHinge') &&
      oneValue
    ) {
      warnings.push(
        problem(
          'warning',
          'output.one-class',
          `${name} uses ${LOSS_TITLES[params.loss]} on a single output value. Give the layer before it one unit per class, or use binary cross-entropy for two classes.`,
          'loss',
        ),
      );
    }
    return produce(input, undefined, warnings);
  },
  toTfjs: () => [],
});
