import { z } from 'zod';
import { datasetSpecSchema } from '../data/dataset-spec';
import { trainingConfigSchema } from '../training/config';

/**
 * Looking inside a trained network: what the app asks about a run, and what comes back. The
 * answers are computed in a serving process of the trainer family (engine/inside), never in
 * main or in the page.
 */

export const EXPLAIN_METHODS = [
  'saliency',
  'smoothgrad',
  'integrated-gradients',
  'gradcam',
] as const;
export const explainMethodSchema = z.enum(EXPLAIN_METHODS);
export type ExplainMethod = z.output<typeof explainMethodSchema>;

export const DATA_PARTS = ['all', 'train', 'validation', 'test'] as const;
export const dataPartSchema = z.enum(DATA_PARTS);
export type DataPart = z.output<typeof dataPartSchema>;

/**
 * Which examples of a part a page lists: all of them in order, only the misclassified, or the
 * least confident first (the winning class's probability, lowest first).
 */
export const EXAMPLE_SELECTIONS = ['all', 'mistakes', 'least-confident'] as const;
export const exampleSelectionSchema = z.enum(EXAMPLE_SELECTIONS);
export type ExampleSelection = z.output<typeof exampleSelectionSchema>;

/** A cell of the confusion matrix: the examples of true class `label` predicted as `predicted`. */
export const confusionCellSchema = z.strictObject({
  label: z.number().int().min(0),
  predicted: z.number().int().min(0),
});
export type ConfusionCell = z.output<typeof confusionCellSchema>;

/** Most examples one page of a run's data holds. */
export const MAX_EXAMPLES_PAGE = 100;
/** Most values one example may have to be sent whole (a 64 × 64 colour image). */
export const MAX_EXAMPLE_VALUES = 64 * 64 * 3;
/** Most values of one layer's output sent for one example. */
export const MAX_LAYER_VALUES = 262_144;

/** Largest image file a student may drop in to be predicted (as base64 text). */
export const MAX_IMAGE_FILE_BYTES = 8 * 1024 * 1024;

/**
 * An example of the run's data (by part and row), or one made by hand: its values (typed,
 * drawn or a point picked on the plane), an image file (PNG or JPEG, as base64) scaled as the
 * command line scales one, or a sentence read with the run's vocabulary.
 */
export const exampleRefSchema = z.union([
  z.strictObject({ part: dataPartSchema, index: z.number().int().min(0) }),
  z.strictObject({ values: z.array(z.number()).min(1).max(MAX_EXAMPLE_VALUES) }),
  z.strictObject({
    image: z.base64().max(Math.ceil(MAX_IMAGE_FILE_BYTES / 3) * 4),
    fileName: z.string().min(1).max(255),
  }),
  z.strictObject({ text: z.string().min(1).max(2000) }),
]);
export type ExampleRef = z.output<typeof exampleRefSchema>;

export const predictionSchema = z.strictObject({
  /** Every output value. */
  output: z.array(z.number()),
  /** Classification: the predicted class. */
  predicted: z.number().int().optional(),
  /** An image or a sentence: the values the network read (scaled pixels, word ids). */
  values: z.array(z.number()).optional(),
  /** A sentence: its words, and those the vocabulary does not know (read as "unknown"). */
  words: z.array(z.string()).optional(),
  unknownWords: z.array(z.string()).optional(),
  /** A sentence longer than the Input: how many of its last words were not read. */
  unreadWords: z.number().int().optional(),
});
export type Prediction = z.output<typeof predictionSchema>;

export const exampleSchema = predictionSchema.extend({
  /** Its place in the part, as asked. */
  index: z.number().int(),
  /** The example's values, row-major in the Input's shape. */
  values: z.array(z.number()),
  /** Classification: the true class; regression: the true values. */
  label: z.number().int().optional(),
  target: z.array(z.number()).optional(),
});
export type InsideExample = z.output<typeof exampleSchema>;

export const examplesPageSchema = z.strictObject({
  part: dataPartSchema,
  /** Which examples of the part are listed, as asked. */
  select: exampleSelectionSchema,
  cell: confusionCellSchema.optional(),
  /** The parts this run's data has (train, validation and test as its split made them). */
  parts: z.array(dataPartSchema),
  /** Examples listed: all of the part, or those the selection or cell picks. */
  count: z.number().int(),
  inputShape: z.array(z.number().int()),
  /**
   * Examples are pictures of this shape (height × width × 1 or 3): the Input's own, or the data
   * set's when a flat Input reads its images row by row (MNIST's 784 values as 28 × 28).
   */
  pictureShape: z.array(z.number().int()).optional(),
  /**
   * Whether a classifier's outputs are scores, not probabilities: hinge losses train them
   * towards −1 and +1, and one output turns to class 1 from 0 up.
   */
  scores: z.boolean(),
  /** Whether the Input reads word ids (a text model: made examples are sentences). */
  readsWords: z.boolean(),
  classNames: z.array(z.string()).optional(),
  /** Vector inputs: what each value is (a CSV column, an Iris measurement). */
  featureNames: z.array(z.string()).optional(),
  /** The network's layers in the order it computes them, for their feature maps. */
  layers: z.array(
    z.strictObject({
      id: z.string(),
      /** As messages name a node: kind and label. */
      title: z.string(),
      /** One example's output shape. */
      shape: z.array(z.number().int()),
      /** Whether it slides filters (its output is feature maps, and Grad-CAM can weigh it). */
      convolution: z.boolean(),
    }),
  ),
  examples: z.array(exampleSchema),
});
export type ExamplesPage = z.output<typeof examplesPageSchema>;

/** A classification model's answers on a whole part: its confusion matrix and accuracy. */
export const partConfusionSchema = z.strictObject({
  part: dataPartSchema,
  count: z.number().int(),
  accuracy: z.number(),
  /** Class names; rows are the true class, columns the predicted class. */
  labels: z.array(z.string()),
  counts: z.array(z.array(z.number().int().min(0))),
});
export type PartConfusion = z.output<typeof partConfusionSchema>;

export const explainOptionsSchema = z.strictObject({
  method: explainMethodSchema,
  classIndex: z.number().int().min(0).optional(),
  target: z.enum(['score', 'probability']).optional(),
  layer: z.string().min(1).optional(),
  steps: z.number().int().min(1).max(500).optional(),
  samples: z.number().int().min(1).max(200).optional(),
});
export type ExplainRequest = z.output<typeof explainOptionsSchema>;

export const explanationSchema = z.strictObject({
  method: explainMethodSchema,
  explained: z.enum(['score', 'probability', 'value']),
  classIndex: z.number().int(),
  output: z.array(z.number()),
  map: z.array(z.number()),
  mapShape: z.array(z.number().int()),
  layer: z.string().optional(),
  difference: z.number().optional(),
});
export type Explanation = z.output<typeof explanationSchema>;

export const layerValuesSchema = z.strictObject({
  nodeId: z.string(),
  shape: z.array(z.number().int()),
  values: z.array(z.number()),
});
export type LayerValues = z.output<typeof layerValuesSchema>;

/** Which trained model a serving process opens: the run's network, weights and training. */
export const modelRefSchema = z.strictObject({
  /** Names the model in the process's cache (the run id). */
  key: z.string().min(1),
  graph: z.unknown(),
  /** The folder with model.json and weights.bin; null for the initializers' weights. */
  weightsDir: z.string().nullable(),
  /**
   * The weights the run started from instead of its initializers (an imported project's),
   * in the same form as `weightsDir`; absent when it started from its initializers.
   */
  startingWeightsDir: z.string().optional(),
  training: z.strictObject({ data: datasetSpecSchema, config: trainingConfigSchema }).nullable(),
});
export type ModelRef = z.output<typeof modelRefSchema>;

/** Grid sizes of a decision boundary: from coarse to the 100 × 100 of the speed target. */
export const MAX_BOUNDARY_SIZE = 200;
/** Most data points drawn on a decision boundary. */
export const MAX_BOUNDARY_POINTS = 1000;

export const decisionBoundarySchema = z.strictObject({
  /** Points per side of the grid. */
  size: z.number().int(),
  /** The first feature's range (columns) and the second's (rows), as the network reads them. */
  x: z.tuple([z.number(), z.number()]),
  y: z.tuple([z.number(), z.number()]),
  /** size × size values, row by row from the low end of y. */
  values: z.array(z.number()),
  /** What the values are. */
  shows: z.enum(['second-class-probability', 'winning-probability', 'value']),
  points: z.array(z.strictObject({ x: z.number(), y: z.number(), label: z.number().int() })),
  /** The first layer's units over the same grid: one size × size list per unit. */
  units: z.strictObject({ layer: z.string(), values: z.array(z.array(z.number())) }).optional(),
  /** The two features' names, when the data set names them. */
  axes: z.array(z.string()).optional(),
});
export type DecisionBoundary = z.output<typeof decisionBoundarySchema>;

/** Most examples placed in a latent-space scatter. */
export const MAX_LATENT_EXAMPLES = 2000;

export const latentSpaceSchema = z.strictObject({
  /** The layer whose values are plotted. */
  nodeId: z.string(),
  /** Its own two values ('values'; one value is drawn on a line), or its first two principal
   *  components ('pca'), which the chart must say. */
  method: z.enum(['values', 'pca']),
  /** PCA: the share of the layer's variance each axis holds. */
  explained: z.tuple([z.number(), z.number()]).optional(),
  points: z.array(
    z.strictObject({
      index: z.number().int(),
      x: z.number(),
      y: z.number(),
      label: z.number().int().optional(),
    }),
  ),
  /** An autoencoder: the examples it rebuilds worst (mean squared error), most unusual first. */
  outliers: z
    .array(
      z.strictObject({
        index: z.number().int(),
        error: z.number(),
        /** The example and the network's reconstruction of it, row-major in the Input's shape. */
        values: z.array(z.number()).optional(),
        rebuilt: z.array(z.number()).optional(),
      }),
    )
    .optional(),
});
export type LatentSpace = z.output<typeof latentSpaceSchema>;

/** Bins of a layer's weight histogram. */
export const WEIGHT_BINS = 30;
/** Most kernel values sent for the first convolution's filters (64 filters of 11 × 11 × 3). */
export const MAX_KERNEL_VALUES = 64 * 11 * 11 * 3;

const weightFiguresSchema = z.strictObject({
  /** How many weights fall in each bin. */
  counts: z.array(z.number().int()),
  mean: z.number(),
  std: z.number(),
});

export const weightTensorSchema = z.strictObject({
  /** The variable's name in the layer: kernel, bias, recurrent_kernel, gamma… */
  name: z.string(),
  shape: z.array(z.number().int()),
  /** WEIGHT_BINS + 1 bin edges, shared by the weights before and after training. */
  edges: z.array(z.number()),
  after: weightFiguresSchema,
  /** Before training: the weights the run started from, made again from its seed. */
  before: weightFiguresSchema.optional(),
});
export type WeightTensor = z.output<typeof weightTensorSchema>;

export const layerWeightsSchema = z.strictObject({
  /** Each layer that has weights, in the order the network computes them. */
  layers: z.array(
    z.strictObject({
      nodeId: z.string(),
      title: z.string(),
      tensors: z.array(weightTensorSchema),
    }),
  ),
  /** The first 2-D convolution's kernels: height × width × input channels × filters. */
  kernels: z
    .strictObject({
      nodeId: z.string(),
      title: z.string(),
      shape: z.array(z.number().int()),
      values: z.array(z.number()),
    })
    .optional(),
});
export type LayerWeights = z.output<typeof layerWeightsSchema>;

/** Most examples whose saliency is averaged to rank the input features. */
export const MAX_IMPORTANCE_EXAMPLES = 1000;

/** Input features ranked by mean absolute saliency over a part's examples, largest first. */
export const featureImportanceSchema = z.strictObject({
  part: dataPartSchema,
  examples: z.number().int(),
  ranking: z.array(
    z.strictObject({ feature: z.string(), index: z.number().int(), meanAbsolute: z.number() }),
  ),
});
export type FeatureImportance = z.output<typeof featureImportanceSchema>;
