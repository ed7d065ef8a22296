import { z } from 'zod';
import { MAX_EXAMPLE_VALUES, decisionBoundarySchema } from '../inside/inside-schemas';

/**
 * Looking inside while a network trains: after an epoch the trainer explains a few fixed
 * examples (saliency) and, for data with two input features, draws the decision boundary, and
 * sends both as one `inside` event. The sizes below keep each event small, whatever the data.
 */

/** Examples explained after each epoch. */
export const LIVE_EXAMPLES = 4;
/** Points per side of the live decision boundary's grid (coarser than the Inside panel's). */
export const LIVE_BOUNDARY_SIZE = 40;
/** Inputs with more values than this (a 64 × 64 colour image) get no live saliency. */
export const LIVE_MAX_INPUT_VALUES = MAX_EXAMPLE_VALUES;
/**
 * Share of the training time the live maps may take: they are recomputed after an epoch only
 * while their total time stays within it (the first and the last epoch always get them).
 */
export const LIVE_TIME_BUDGET = 0.05;

export const liveExampleSchema = z.strictObject({
  /** Its place in the part (as the Inside panel numbers a run's examples). */
  index: z.number().int().min(0),
  /** The example's values, row-major in the Input's shape. */
  values: z.array(z.number()).max(LIVE_MAX_INPUT_VALUES),
  /** Classification: the true class. */
  label: z.number().int().optional(),
  /** The network's output for the example, every value. */
  output: z.array(z.number()),
  /** Classification: the class the network picks. */
  predicted: z.number().int().optional(),
  /** The saliency map: ∂(explained output)/∂input, row-major in `mapShape`. */
  map: z.array(z.number()).max(LIVE_MAX_INPUT_VALUES),
});
export type LiveExample = z.output<typeof liveExampleSchema>;

export const liveSaliencySchema = z.strictObject({
  /** Where the examples come from: the validation part, or the training part without one. */
  part: z.enum(['validation', 'train']),
  inputShape: z.array(z.number().int()),
  mapShape: z.array(z.number().int()),
  /** What was differentiated: the predicted class's score, or the predicted value. */
  explained: z.enum(['score', 'probability', 'value']),
  /** Vector inputs: what each value is (a CSV column, an Iris measurement). */
  featureNames: z.array(z.string()).optional(),
  examples: z.array(liveExampleSchema).max(LIVE_EXAMPLES),
});
export type LiveSaliency = z.output<typeof liveSaliencySchema>;

/** The live boundary: the Inside panel's, without the first layer's units (too many values). */
export const liveBoundarySchema = decisionBoundarySchema.omit({ units: true });
export type LiveBoundary = z.output<typeof liveBoundarySchema>;

export const liveInsideEventSchema = z.strictObject({
  type: z.literal('inside'),
  /** The epoch after which the network was looked at (1 for the first). */
  epoch: z.number().int(),
  saliency: liveSaliencySchema.optional(),
  boundary: liveBoundarySchema.optional(),
  /** Classification: one name per class, for the labels and the boundary's legend. */
  classNames: z.array(z.string()).optional(),
  /** How long computing this took, in ms. */
  elapsedMs: z.number(),
});
export type LiveInsideEvent = z.output<typeof liveInsideEventSchema>;
