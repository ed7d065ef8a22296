/**
 * Loss functions a student can pick on an Output, with the tasks and final activations each
 * suits. The training engine implements them; shape inference uses the fit tables to warn.
 */
export const LOSSES = [
  'meanSquaredError',
  'meanAbsoluteError',
  'huber',
  'binaryCrossentropy',
  'categoricalCrossentropy',
  'sparseCategoricalCrossentropy',
  'hinge',
  'multiclassHinge',
  'squaredHinge',
] as const;
export type Loss = (typeof LOSSES)[number];

export const TASKS = ['classification', 'regression', 'reconstruction'] as const;
export type Task = (typeof TASKS)[number];

export const LOSS_TITLES: Readonly<Record<Loss, string>> = {
  meanSquaredError: 'Mean squared error (MSE)',
  meanAbsoluteError: 'Mean absolute error (MAE)',
  huber: 'Huber',
  binaryCrossentropy: 'Binary cross-entropy',
  categoricalCrossentropy: 'Categorical cross-entropy',
  sparseCategoricalCrossentropy: 'Sparse categorical cross-entropy',
  hinge: 'Hinge',
  multiclassHinge: 'Multiclass hinge (Weston–Watkins)',
  squaredHinge: 'Squared hinge',
};

export const LOSSES_FOR_TASK: Readonly<Record<Task, readonly Loss[]>> = {
  classification: [
    'categoricalCrossentropy',
    'sparseCategoricalCrossentropy',
    'binaryCrossentropy',
    'hinge',
    'multiclassHinge',
    'squaredHinge',
    'meanSquaredError',
  ],
  regression: ['meanSquaredError', 'meanAbsoluteError', 'huber'],
  reconstruction: ['meanSquaredError', 'meanAbsoluteError', 'binaryCrossentropy'],
};

/** The final activations each loss expects; anything else earns a warning. */
export const ACTIVATIONS_FOR_LOSS: Readonly<Record<Loss, readonly string[] | 'any'>> = {
  meanSquaredError: 'any',
  meanAbsoluteError: 'any',
  huber: 'any',
  binaryCrossentropy: ['sigmoid'],
  categoricalCrossentropy: ['softmax'],
  sparseCategoricalCrossentropy: ['softmax'],
  hinge: ['linear', 'tanh', 'hardTanh'],
  multiclassHinge: ['linear'],
  squaredHinge: ['linear', 'tanh', 'hardTanh'],
};
