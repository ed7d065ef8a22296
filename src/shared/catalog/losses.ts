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
  'multiclassSquaredHinge',
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
  multiclassSquaredHinge: 'Multiclass squared hinge (Weston–Watkins)',
};

/** One sentence per loss, for the inspector. */
export const LOSS_HELP: Readonly<Record<Loss, string>> = {
  meanSquaredError:
    'The average of the squared differences: large mistakes count much more than small ones.',
  meanAbsoluteError:
    'The average of the differences, ignoring their sign: every mistake counts as much as its size.',
  huber:
    'Squared for small differences and plain for large ones, so a few outliers do not dominate.',
  binaryCrossentropy:
    'For yes/no answers (or values from 0 to 1): punishes confident wrong probabilities hard.',
  categoricalCrossentropy:
    'For one class out of several, with targets written one-hot: punishes a low probability for the right class.',
  sparseCategoricalCrossentropy:
    'The same as categorical cross-entropy, with targets written as class numbers instead of one-hot.',
  hinge: 'For two classes: asks each prediction to be on the right side by a margin of at least 1.',
  multiclassHinge:
    'Hinge for several classes: asks the right class to score at least 1 more than every other.',
  squaredHinge: 'Like hinge, but squared, so larger misses count more.',
  multiclassSquaredHinge:
    'Multiclass hinge with each margin squared: Σ over wrong classes of max(0, s_j − s_y + 1)², so larger misses count more.',
};

export const TASK_TITLES: Readonly<Record<Task, string>> = {
  classification: 'Classification (pick a class)',
  regression: 'Regression (predict numbers)',
  reconstruction: 'Reconstruction (reproduce the input)',
};

export const LOSSES_FOR_TASK: Readonly<Record<Task, readonly Loss[]>> = {
  classification: [
    'categoricalCrossentropy',
    'sparseCategoricalCrossentropy',
    'binaryCrossentropy',
    'hinge',
    'multiclassHinge',
    'squaredHinge',
    'multiclassSquaredHinge',
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
  multiclassSquaredHinge: ['linear'],
};
