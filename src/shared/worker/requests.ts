import { z } from 'zod';
import { apiErrorSchema } from '../api/contract';
import { backendChoiceSchema, backendReportSchema } from '../training/backends';
import { exportFormatSchema } from '../export/formats';
import { runFiguresSchema } from '../labs/lab-api';
import {
  confusionCellSchema,
  dataPartSchema,
  decisionBoundarySchema,
  exampleSelectionSchema,
  MAX_BOUNDARY_SIZE,
  exampleRefSchema,
  examplesPageSchema,
  explainOptionsSchema,
  explanationSchema,
  featureImportanceSchema,
  MAX_IMPORTANCE_EXAMPLES,
  latentSpaceSchema,
  layerWeightsSchema,
  layerValuesSchema,
  MAX_LATENT_EXAMPLES,
  MAX_EXAMPLES_PAGE,
  modelRefSchema,
  partConfusionSchema,
  predictionSchema,
} from '../inside/inside-schemas';

/**
 * Questions main may ask a process of the trainer family, with the shape of each answer. A
 * trainer process runs one training job; a serving process answers these, one request at a
 * time, until its host lets it go. Everything that needs TF.js (the backend report now, a
 * trained model's predictions later) is asked this way, so TF.js never loads in main.
 */
export const WORKER_CALLS = {
  /** Which TF.js backend runs on this computer, and why each better one does not. */
  'backends.report': {
    input: z.strictObject({ choice: backendChoiceSchema }),
    output: backendReportSchema,
  },
  /** A page of a trained model's data: each example with its values, label and prediction. */
  'inside.examples': {
    input: z.strictObject({
      model: modelRefSchema,
      part: dataPartSchema,
      offset: z.number().int().min(0),
      limit: z.number().int().min(1).max(MAX_EXAMPLES_PAGE),
      select: exampleSelectionSchema.default('all'),
      cell: confusionCellSchema.optional(),
    }),
    output: examplesPageSchema,
  },
  /** A classification model's confusion matrix on a part of its data. */
  'inside.confusion': {
    input: z.strictObject({ model: modelRefSchema, part: dataPartSchema }),
    output: partConfusionSchema,
  },
  /**
   * The model's loss and metrics on a part of its data (the split made again from its seed),
   * as `neurite evaluate` computes them: how a teacher's grading checks a submitted run.
   */
  'inside.evaluate': {
    input: z.strictObject({ model: modelRefSchema, part: dataPartSchema }),
    output: runFiguresSchema,
  },
  /** The model's output for one example. */
  'inside.predict': {
    input: z.strictObject({ model: modelRefSchema, example: exampleRefSchema }),
    output: predictionSchema,
  },
  /** A saliency, SmoothGrad, Integrated Gradients or Grad-CAM map of one example. */
  'inside.explain': {
    input: z.strictObject({
      model: modelRefSchema,
      example: exampleRefSchema,
      options: explainOptionsSchema,
    }),
    output: explanationSchema,
  },
  /** The network's answer over the plane of its two input features. */
  'inside.boundary': {
    input: z.strictObject({
      model: modelRefSchema,
      size: z.number().int().min(2).max(MAX_BOUNDARY_SIZE),
    }),
    output: decisionBoundarySchema,
  },
  /** Where a layer puts each example: its codes on a plane, and an autoencoder's outliers. */
  'inside.latent': {
    input: z.strictObject({
      model: modelRefSchema,
      nodeId: z.string().min(1).optional(),
      part: dataPartSchema,
      limit: z.number().int().min(1).max(MAX_LATENT_EXAMPLES),
    }),
    output: latentSpaceSchema,
  },
  /** A vector input's features ranked by mean absolute saliency over a part's examples. */
  'inside.importance': {
    input: z.strictObject({
      model: modelRefSchema,
      part: dataPartSchema,
      limit: z.number().int().min(1).max(MAX_IMPORTANCE_EXAMPLES),
    }),
    output: featureImportanceSchema,
  },
  /** Each layer's weights as histograms, before and after training, and the first filters. */
  'inside.weights': {
    input: z.strictObject({ model: modelRefSchema }),
    output: layerWeightsSchema,
  },
  /** A trained model written in a format other programs load: its files. */
  'export.model': {
    input: z.strictObject({ model: modelRefSchema, format: exportFormatSchema }),
    output: z.strictObject({
      files: z.array(z.strictObject({ name: z.string(), base64: z.string() })),
    }),
  },
  /** A run's answers for its test examples, as CSV (a row per example). */
  'export.predictions': {
    input: z.strictObject({ model: modelRefSchema }),
    output: z.strictObject({ csv: z.string(), examples: z.number().int().min(0) }),
  },
  /** The confusion matrix of a run's test examples, or the sentence why it has none. */
  'export.testConfusion': {
    input: z.strictObject({ model: modelRefSchema }),
    output: z.union([
      z.strictObject({ confusion: partConfusionSchema }),
      z.strictObject({ none: z.string() }),
    ]),
  },
  /**
   * An imported network and its weights: built, the weights put in and one example computed,
   * so a model whose weights do not fit its layers is refused when it is imported.
   */
  'import.check': {
    input: z.strictObject({
      graph: z.unknown(),
      /** The weights manifest (under Neurite's names) and the weights' bytes. */
      weights: z.strictObject({ specs: z.array(z.unknown()), base64: z.string() }),
    }),
    /** How many layers got their weights. */
    output: z.strictObject({ layers: z.number().int().nonnegative() }),
  },
  /** What one layer outputs for one example: its feature maps. */
  'inside.layer': {
    input: z.strictObject({
      model: modelRefSchema,
      example: exampleRefSchema,
      nodeId: z.string().min(1),
    }),
    output: layerValuesSchema,
  },
} as const;

export type WorkerCallName = keyof typeof WORKER_CALLS;
export type WorkerInput<N extends WorkerCallName> = z.input<(typeof WORKER_CALLS)[N]['input']>;
/** A request's input as the serving process has it, checked and with defaults filled in. */
export type WorkerParsedInput<N extends WorkerCallName> = z.output<
  (typeof WORKER_CALLS)[N]['input']
>;
export type WorkerOutput<N extends WorkerCallName> = z.output<(typeof WORKER_CALLS)[N]['output']>;

export const workerRequestSchema = z.strictObject({
  type: z.literal('request'),
  id: z.number().int().nonnegative(),
  call: z.string(),
  input: z.unknown(),
});
export type WorkerRequest = z.output<typeof workerRequestSchema>;

/** Why a request failed, in words for the user, with the API's error codes. */
export const workerErrorSchema = apiErrorSchema.pick({ code: true, message: true });

export type WorkerError = z.output<typeof workerErrorSchema>;

export const workerResponseSchema = z.discriminatedUnion('ok', [
  z.strictObject({
    type: z.literal('response'),
    id: z.number().int().nonnegative(),
    ok: z.literal(true),
    output: z.unknown(),
  }),
  z.strictObject({
    type: z.literal('response'),
    id: z.number().int().nonnegative(),
    ok: z.literal(false),
    error: workerErrorSchema,
  }),
]);
export type WorkerResponse = z.output<typeof workerResponseSchema>;

/**
 * How far a long request has come (examples done of all it must go through), sent while it
 * works so the page can show it and the host knows the process is busy, not hung.
 */
export const workerProgressSchema = z.strictObject({
  type: z.literal('progress'),
  id: z.number().int().nonnegative(),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
});
export type WorkerProgress = z.output<typeof workerProgressSchema>;
