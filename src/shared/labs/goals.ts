import { z } from 'zod';
import { ACTIVATIONS } from '../catalog/activations';
import { kindNames } from '../catalog/registry';
import { BUILT_IN_DATASETS } from '../data/dataset-spec';
import { OPTIMIZER_TYPES } from '../training/config';

/**
 * What a lab asks of the student, as conditions Neurite checks itself: on the network, on a
 * finished run, on the trained network's answer, or on an answer the student types. A goal is
 * never ticked by the student. Every kind is documented in docs/lab-format.md; a kind this
 * version does not know is refused when the lab is read, never skipped.
 */

const goalId = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9-]{0,63}$/,
    'a goal id is lower-case letters, digits and dashes, like "and-learned"',
  );

const layerKind = z.string().refine((kind) => kindNames().includes(kind), {
  error: (issue) =>
    `"${String(issue.input)}" is not a layer kind; use one of ${kindNames().join(', ')}`,
});

/**
 * Run goals: only runs on this built-in data set count (a lab whose steps move from one set
 * to another, like AND, then OR, then XOR). Without it, every run counts.
 */
const onData = { data: z.enum(BUILT_IN_DATASETS).optional() };

/** A node id of the network (as the canvas and the network file name it). */
const nodeId = z.string().min(1).max(64);

/** A number range; at least one end. */
const bounds = {
  atLeast: z.number().optional(),
  atMost: z.number().optional(),
};
const hasBound = (goal: { atLeast?: number; atMost?: number }) =>
  goal.atLeast !== undefined || goal.atMost !== undefined;
const boundMessage = { error: 'give atLeast, atMost or both' };

const common = {
  id: goalId,
  /** What the student reads beside the tick box (Markdown, formulas allowed). */
  text: z.string().min(1).max(2000),
};

/** How many layers the network has: of one kind, or all but Input and Output. */
export const layersGoalSchema = z
  .strictObject({ ...common, kind: z.literal('layers'), layer: layerKind.optional(), ...bounds })
  .refine(hasBound, boundMessage);

/** A layer (one by id, or any of a kind, or any) has a number of units in a range. */
export const unitsGoalSchema = z
  .strictObject({
    ...common,
    kind: z.literal('units'),
    node: nodeId.optional(),
    layer: layerKind.optional(),
    ...bounds,
  })
  .refine(hasBound, boundMessage);

/** The network's number of parameters (weights and biases, trainable or not). */
export const parametersGoalSchema = z
  .strictObject({ ...common, kind: z.literal('parameters'), ...bounds })
  .refine(hasBound, boundMessage);

/** A layer (one by id, or any of a kind, or any) uses an activation. */
export const activationGoalSchema = z.strictObject({
  ...common,
  kind: z.literal('activation'),
  node: nodeId.optional(),
  layer: layerKind.optional(),
  is: z.enum(ACTIVATIONS),
});

/** An Add or Concatenate joins a layer's output with the output of a layer after it. */
export const skipConnectionGoalSchema = z.strictObject({
  ...common,
  kind: z.literal('skip-connection'),
});

export const METRIC_PARTS = ['train', 'validation', 'test'] as const;

/** A finished run reached a figure: test accuracy ≥ 0.9, validation loss ≤ 0.3, … */
export const metricGoalSchema = z
  .strictObject({
    ...common,
    kind: z.literal('metric'),
    ...onData,
    /** "loss", or a metric the run reports: accuracy, mae, f1, precision, recall, … */
    metric: z.string().regex(/^[a-z][a-z0-9]*$/),
    part: z.enum(METRIC_PARTS),
    ...bounds,
  })
  .refine(hasBound, boundMessage);

/** A finished run trained for a number of epochs in a range. */
export const epochsGoalSchema = z
  .strictObject({ ...common, kind: z.literal('epochs'), ...onData, ...bounds })
  .refine(hasBound, boundMessage);

/** A finished run changed its learning rate from epoch to epoch (any schedule, or this one). */
export const scheduleGoalSchema = z.strictObject({
  ...common,
  kind: z.literal('schedule'),
  ...onData,
  type: z.enum(['inverseTime', 'step', 'exponential']).optional(),
});

/** Early stopping ended a run before its last epoch. */
export const earlyStoppingGoalSchema = z.strictObject({
  ...common,
  kind: z.literal('early-stopping'),
  ...onData,
});

/**
 * A run shows overfitting: after the epoch of its lowest validation loss, the validation loss
 * rose by at least `rise` (a fraction: 0.1 = 10 %) while the training loss kept falling.
 */
export const overfittingGoalSchema = z.strictObject({
  ...common,
  kind: z.literal('overfitting'),
  ...onData,
  rise: z.number().positive().max(10).default(0.1),
});

/** A finished run used an optimizer (and, for SGD, momentum in a range). */
export const optimizerGoalSchema = z.strictObject({
  ...common,
  kind: z.literal('optimizer'),
  ...onData,
  is: z.enum(OPTIMIZER_TYPES),
  momentum: z.strictObject(bounds).refine(hasBound, boundMessage).optional(),
});

/** The project has at least this many finished runs (to compare them). */
export const runsGoalSchema = z.strictObject({
  ...common,
  kind: z.literal('runs'),
  ...onData,
  atLeast: z.number().int().min(1).max(100),
});

/**
 * The trained network's answer for an input the lab gives: one output value in a range, or
 * the class it picks. Checked on the latest finished run that has weights: with `data`, the
 * latest on that built-in set (so a later step's runs on another set do not undo it).
 */
export const predictionGoalSchema = z
  .strictObject({
    ...common,
    kind: z.literal('prediction'),
    ...onData,
    input: z.array(z.number()).min(1).max(10_000),
    /** Which output value (0 for the first); for a range. */
    output: z.number().int().min(0).default(0),
    ...bounds,
    /** The class the network must pick (0 for the first). */
    class: z.number().int().min(0).optional(),
  })
  .refine((goal) => hasBound(goal) !== (goal.class !== undefined), {
    error: 'give either a range (atLeast, atMost) or a class',
  });

/** A number the student types, right within a tolerance. */
export const numberAnswerGoalSchema = z.strictObject({
  ...common,
  kind: z.literal('number'),
  value: z.number(),
  tolerance: z.number().min(0).default(0),
});

/** One of several choices, picked by the student. */
export const choiceAnswerGoalSchema = z
  .strictObject({
    ...common,
    kind: z.literal('choice'),
    choices: z.array(z.string().min(1).max(500)).min(2).max(12),
    /** The right choice, counted from 0. */
    answer: z.number().int().min(0),
  })
  .refine((goal) => goal.answer < goal.choices.length, {
    error: 'answer counts choices from 0 and must name one of them',
    path: ['answer'],
  });

export const goalSchema = z.discriminatedUnion('kind', [
  layersGoalSchema,
  unitsGoalSchema,
  parametersGoalSchema,
  activationGoalSchema,
  skipConnectionGoalSchema,
  metricGoalSchema,
  epochsGoalSchema,
  scheduleGoalSchema,
  earlyStoppingGoalSchema,
  overfittingGoalSchema,
  optimizerGoalSchema,
  runsGoalSchema,
  predictionGoalSchema,
  numberAnswerGoalSchema,
  choiceAnswerGoalSchema,
]);
export type Goal = z.output<typeof goalSchema>;
export type GoalKind = Goal['kind'];
export type GoalOf<K extends GoalKind> = Extract<Goal, { kind: K }>;

export const GOAL_KINDS: readonly GoalKind[] = goalSchema.options.map(
  (option) => option.shape.kind.value,
);

/** Which goals the student answers by typing or picking (the others Neurite sees by itself). */
export function isAnswerGoal(goal: Goal): goal is GoalOf<'number'> | GoalOf<'choice'> {
  return goal.kind === 'number' || goal.kind === 'choice';
}

/** Where a goal's truth comes from: the network, the runs, the trained network, an answer. */
export function goalSource(goal: Goal): 'network' | 'run' | 'prediction' | 'answer' {
  switch (goal.kind) {
    case 'layers':
    case 'units':
    case 'parameters':
    case 'activation':
    case 'skip-connection':
      return 'network';
    case 'prediction':
      return 'prediction';
    case 'number':
    case 'choice':
      return 'answer';
    default:
      return 'run';
  }
}
