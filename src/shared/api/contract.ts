import { z } from 'zod';
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
  partConfusionSchema,
  predictionSchema,
} from '../inside/inside-schemas';
import { datasetInfoSchema } from '../data/dataset-info';
import { exportFormatSchema } from '../export/formats';
import {
  IMPORT_KINDS,
  MAX_UPLOAD_BYTES,
  csvTableResultSchema,
  datasetPreviewResultSchema,
} from '../data/dataset-preview';
import { datasetSpecSchema } from '../data/dataset-spec';
import {
  labGradeRowSchema,
  labRefSchema,
  labStatusSchema,
  labSummarySchema,
} from '../labs/lab-api';
import { labDocumentSchema, MAX_LAB_BYTES } from '../labs/lab-document';
import { backendChoiceSchema, backendReportSchema } from '../training/backends';
import { runControlSchema } from '../training/commands';
import { trainingConfigSchema } from '../training/config';
import { trainerEventSchema } from '../training/events';
import {
  projectIdSchema,
  projectSchema,
  projectSummarySchema,
  revisionSummarySchema,
  runIdSchema,
  runSchema,
  runSummarySchema,
} from './records';

/**
 * The one contract between the UI and everything else. Every call has an input and an output
 * schema; every event a payload schema. Main validates each input (nothing from the renderer is
 * trusted), and both transports (Electron IPC, WebSocket) carry exactly these.
 */
/** Largest message either transport accepts, in bytes (a project file with weights fits). */
export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

const projectRef = z.strictObject({ projectId: projectIdSchema });
const runRef = z.strictObject({ runId: runIdSchema });
const ok = z.strictObject({ ok: z.literal(true) });

/** A project file travels as base64 so both transports can carry it. */
const fileContent = z.strictObject({
  fileName: z.string().min(1).max(255),
  /** Base64 of the file's bytes; it must fit in one message of either transport. */
  base64: z.string().max(MAX_MESSAGE_BYTES - 1024),
});

export const API_CALLS = {
  'app.info': {
    input: z.strictObject({}),
    output: z.strictObject({
      version: z.string(),
      dataDir: z.string(),
      transport: z.enum(['electron', 'websocket']),
      /** Things the user must be told once, e.g. a damaged database that was set aside. */
      notices: z.array(z.string()),
    }),
  },
  'projects.list': {
    input: z.strictObject({ trashed: z.boolean().default(false) }),
    output: z.array(projectSummarySchema),
  },
  'projects.create': {
    input: z.strictObject({
      name: z.string().trim().min(1).max(200),
      /** A template's file name without .json, or none for an empty network. */
      template: z
        .string()
        .regex(/^[a-z0-9-]+$/)
        .optional(),
    }),
    output: projectSchema,
  },
  'projects.open': { input: projectRef, output: projectSchema },
  'projects.rename': {
    input: projectRef.extend({ name: z.string().trim().min(1).max(200) }),
    output: projectSummarySchema,
  },
  'projects.duplicate': { input: projectRef, output: projectSummarySchema },
  'projects.trash': { input: projectRef, output: ok },
  'projects.restore': { input: projectRef, output: ok },
  'projects.emptyTrash': {
    input: z.strictObject({}),
    output: z.strictObject({ deleted: z.number().int() }),
  },
  'graph.save': {
    input: projectRef.extend({
      graph: z.unknown(),
      /** Canvas thumbnail as a PNG data URL (at most 256 KB). */
      thumbnail: z.string().startsWith('data:image/png;base64,').max(350_000).optional(),
    }),
    output: z.strictObject({ revisionId: z.number().int(), savedAt: z.string() }),
  },
  'graph.revisions': { input: projectRef, output: z.array(revisionSummarySchema) },
  'graph.restore': {
    input: projectRef.extend({ revisionId: z.number().int() }),
    output: projectSchema,
  },
  /** Sets the project's picture without adding a revision (after a restore, or when missing). */
  'projects.setThumbnail': {
    input: projectRef.extend({
      thumbnail: z.string().startsWith('data:image/png;base64,').max(350_000),
    }),
    output: ok,
  },
  'settings.save': {
    input: projectRef.extend({ settings: z.record(z.string(), z.unknown()) }),
    output: ok,
  },
  /** The built-in templates in gallery order: the recommended one, then the course's order. */
  'templates.list': {
    input: z.strictObject({}),
    output: z.array(
      z.strictObject({
        id: z.string(),
        name: z.string(),
        description: z.string(),
        /** Where the course teaches it ("Convolutional networks"). */
        topic: z.string(),
        /** The starting point recommended to a first-year student. */
        recommended: z.boolean(),
        /** Each layer's kind, from the input to the output: what the gallery draws. */
        layers: z.array(z.string()),
      }),
    ),
  },
  'datasets.builtins': {
    input: z.strictObject({}),
    output: z.array(
      z.strictObject({
        name: z.string(),
        title: z.string(),
        description: z.string(),
        task: z.enum(['classification', 'regression']),
        featureShape: z.array(z.number()),
        count: z.number(),
        /** Where the examples come from, and under which licence, for the data panel. */
        source: z.string(),
        licence: z.string(),
        /** The settings this set listens to (samples, noise, seed, limit, steps), with defaults. */
        options: z
          .strictObject({
            samples: z.number().optional(),
            noise: z.number().optional(),
            seed: z.number().optional(),
            limit: z.number().optional(),
            steps: z.number().optional(),
          })
          .optional(),
      }),
    ),
  },
  'datasets.inspect': {
    input: z.strictObject({ data: datasetSpecSchema }),
    output: datasetInfoSchema,
  },
  /**
   * Loads a data set and returns a glimpse of it (table, images, scatter or sequences), its
   * class balance, and whether it fits `graph` by the trainer's own rules.
   */
  'datasets.preview': {
    input: z.strictObject({ data: datasetSpecSchema, graph: z.unknown().optional() }),
    output: datasetPreviewResultSchema,
  },
  /** The first rows of a CSV file cut into columns, so the user can pick the target column. */
  'datasets.table': {
    input: z.strictObject({
      path: z.string().min(1),
      delimiter: z.enum(['auto', ',', ';', '\t', '|']).default('auto'),
      header: z.enum(['auto', 'yes', 'no']).default('auto'),
    }),
    output: csvTableResultSchema,
  },
  /**
   * Browser mode's import: stores an uploaded CSV, IDX or zipped image folder in the data
   * folder and answers the path to give a data set spec.
   */
  'datasets.upload': {
    input: z.strictObject({
      fileName: z.string().min(1).max(255),
      base64: z.string().max(Math.ceil(MAX_UPLOAD_BYTES / 3) * 4),
    }),
    output: z.strictObject({ path: z.string(), kind: z.enum(IMPORT_KINDS) }),
  },
  'backends.report': { input: z.strictObject({}), output: backendReportSchema },
  'training.start': {
    input: projectRef.extend({
      data: datasetSpecSchema,
      validationData: datasetSpecSchema.optional(),
      testData: datasetSpecSchema.optional(),
      config: trainingConfigSchema,
      backend: backendChoiceSchema,
    }),
    output: z.strictObject({ runId: runIdSchema }),
  },
  'training.command': {
    input: runRef.extend({ command: runControlSchema }),
    output: ok,
  },
  'runs.list': { input: projectRef, output: z.array(runSummarySchema) },
  'runs.get': { input: runRef, output: runSchema },
  'runs.delete': { input: runRef, output: ok },
  /** A page of a run's data, each example with its values, label and the model's answer. */
  'runs.examples': {
    input: runRef.extend({
      part: dataPartSchema.default('all'),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(MAX_EXAMPLES_PAGE).default(24),
      select: exampleSelectionSchema.default('all'),
      /** Only the examples of one cell of the confusion matrix. */
      cell: confusionCellSchema.optional(),
    }),
    output: examplesPageSchema,
  },
  /** How a classification run answers a whole part of its data: its confusion matrix. */
  'runs.confusion': {
    input: runRef.extend({ part: dataPartSchema.default('all') }),
    output: partConfusionSchema,
  },
  /** The trained model's output for one example of its data or one made by hand. */
  'runs.predict': {
    input: runRef.extend({ example: exampleRefSchema }),
    output: predictionSchema,
  },
  /** Why the model answers as it does for one example: a saliency or Grad-CAM map. */
  'runs.explain': {
    input: runRef.extend({ example: exampleRefSchema, options: explainOptionsSchema }),
    output: explanationSchema,
  },
  /** The trained model's answer over the plane of its two input features. */
  'runs.boundary': {
    input: runRef.extend({
      size: z.number().int().min(2).max(MAX_BOUNDARY_SIZE).default(100),
    }),
    output: decisionBoundarySchema,
  },
  /** Where a layer of the trained model puts each example (an autoencoder's codes). */
  'runs.latent': {
    input: runRef.extend({
      nodeId: z.string().min(1).max(64).optional(),
      part: dataPartSchema.default('all'),
      limit: z.number().int().min(1).max(MAX_LATENT_EXAMPLES).default(1000),
    }),
    output: latentSpaceSchema,
  },
  /** Which inputs matter most: features ranked by mean absolute saliency (vector inputs). */
  'runs.importance': {
    input: runRef.extend({
      part: dataPartSchema.default('all'),
      limit: z.number().int().min(1).max(MAX_IMPORTANCE_EXAMPLES).default(200),
    }),
    output: featureImportanceSchema,
  },
  /** Stops a long look inside a run (its progress is reported by runs.progress). */
  'runs.stop': { input: runRef, output: z.strictObject({ stopped: z.boolean() }) },
  /** Each layer's weights before and after training, and the first convolution's filters. */
  'runs.weights': { input: runRef, output: layerWeightsSchema },
  /** What one layer of the trained model outputs for one example (its feature maps). */
  'runs.layer': {
    input: runRef.extend({ example: exampleRefSchema, nodeId: z.string().min(1).max(64) }),
    output: layerValuesSchema,
  },
  /** A finished run's trained model in a format other programs load, as a zip file. */
  'runs.exportModel': {
    input: runRef.extend({ format: exportFormatSchema }),
    output: fileContent,
  },
  /** A finished run's answers for its test examples, as one CSV file (a row per example). */
  'runs.exportPredictions': { input: runRef, output: fileContent },
  /**
   * A finished run's curves and a classifier's confusion matrix of its test examples, as SVG
   * and PNG in one zip; `note` says why the confusion matrix is not among them.
   */
  'runs.exportFigures': {
    input: runRef,
    output: fileContent.extend({ note: z.string().optional() }),
  },
  'projectFiles.export': {
    input: projectRef.extend({ includeRuns: z.boolean().default(false) }),
    output: fileContent,
  },
  'projectFiles.import': { input: fileContent, output: projectSchema },
  /**
   * A new project from a trained TensorFlow.js layers model: its model.json with the weights
   * files it lists, or a zip of them (what Neurite's TF.js export gives). The network appears
   * on the canvas, and every run of the project starts from the model's weights.
   */
  'projects.importModel': {
    input: z.strictObject({ files: z.array(fileContent).min(1).max(64) }),
    output: projectSchema,
  },
  /** The labs that come with Neurite, in the order of the course. */
  'labs.list': { input: z.strictObject({}), output: z.array(labSummarySchema) },
  /**
   * Reads a lab file the user opened: the lab, or 'invalid-input' whose issues name the line
   * and field of each problem.
   */
  'labs.read': {
    input: z.strictObject({
      fileName: z.string().min(1).max(255),
      text: z.string().max(MAX_LAB_BYTES),
    }),
    output: z.strictObject({ lab: labDocumentSchema, summary: labSummarySchema }),
  },
  /** A new project that follows a lab: its starting network, data set and settings. */
  'labs.start': {
    input: z.strictObject({ lab: labRefSchema, name: z.string().trim().min(1).max(200) }),
    output: projectSchema,
  },
  /** A lab project's lab, progress and every goal as Neurite sees it now. */
  'labs.status': { input: projectRef, output: labStatusSchema },
  /** The student's answer to a number or choice goal (a choice counted from 0). */
  'labs.answer': {
    input: projectRef.extend({ goalId: z.string().min(1).max(64), answer: z.number() }),
    output: labStatusSchema,
  },
  /** Which step the lab panel shows; and, with `hint`, that the student opened one more hint. */
  'labs.progress': {
    input: projectRef.extend({
      step: z.number().int().min(0).max(1000),
      hintShown: z.boolean().default(false),
    }),
    output: labStatusSchema,
  },
  /** The lab as one file to hand out (the lab file itself). */
  'labs.handOut': { input: z.strictObject({ lab: labRefSchema }), output: fileContent },
  /**
   * The student's submission: the project with its runs and weights, the lab progress and
   * the name they typed, as one `.neurite` file.
   */
  'labs.handIn': {
    input: projectRef.extend({ studentName: z.string().trim().min(1).max(200) }),
    output: fileContent,
  },
  /**
   * One submission checked against a lab: every goal re-evaluated from its network and
   * weights, and its test figures recomputed on the lab's own data. A damaged or foreign
   * file is a row that says what is wrong, never a failed call.
   */
  'labs.grade': {
    input: z.strictObject({ lab: labRefSchema, submission: fileContent }),
    output: labGradeRowSchema,
  },
  /**
   * Desktop app only: asks where to save a file with the system's Save dialog and writes it.
   * In browser mode the answer is 'unsupported' and the page downloads the file instead.
   */
  'host.saveFile': {
    input: fileContent,
    output: z.strictObject({ saved: z.boolean(), path: z.string().nullable() }),
  },
  /**
   * Desktop app only: the system's Open dialog for a data file; null when cancelled. In
   * browser mode the answer is 'unsupported' and the page uploads the file instead.
   */
  'host.openFile': {
    input: z.strictObject({ kind: z.enum(['csv', 'idx']) }),
    output: z.strictObject({ path: z.string().nullable() }),
  },
  /** Desktop app only: the system's folder dialog (an image folder); null when cancelled. */
  'host.openFolder': {
    input: z.strictObject({}),
    output: z.strictObject({ path: z.string().nullable() }),
  },
} as const;

export type ApiCallName = keyof typeof API_CALLS;
export type ApiInput<N extends ApiCallName> = z.input<(typeof API_CALLS)[N]['input']>;
export type ApiParsedInput<N extends ApiCallName> = z.output<(typeof API_CALLS)[N]['input']>;
export type ApiOutput<N extends ApiCallName> = z.output<(typeof API_CALLS)[N]['output']>;

export const APP_COMMANDS = [
  'newProject',
  'openProject',
  'saveAs',
  'exportWithRuns',
  'undo',
  'redo',
  'showShortcuts',
  'selectAll',
] as const;

export const API_EVENTS = {
  /** Every event of a run, as the trainer sent it. */
  'training.event': z.strictObject({
    runId: runIdSchema,
    projectId: projectIdSchema,
    event: trainerEventSchema,
  }),
  /**
   * How far a long look inside a run has come (examples done of all), while it works; the
   * last report of a request has done = total, also when it failed or was stopped.
   */
  'runs.progress': z.strictObject({
    runId: runIdSchema,
    done: z.number().int().nonnegative(),
    total: z.number().int().nonnegative(),
  }),
  /** A project's list entry changed (renamed, saved, trashed, a run ended, …). */
  'project.changed': z.strictObject({ projectId: projectIdSchema }),
  /** A menu item or shortcut of the desktop app that the page carries out. */
  'app.command': z.strictObject({
    command: z.enum(APP_COMMANDS),
    /** For openProject: the project to show. */
    projectId: projectIdSchema.optional(),
  }),
  /** A failure inside Neurite that nothing else reported: shown to the user, who can go on. */
  'app.problem': z.strictObject({ message: z.string() }),
  /** The app had to set the data folder aside and start fresh; tell the user where it went. */
  'store.recovered': z.strictObject({ message: z.string(), backupPath: z.string() }),
} as const;

export type ApiEventName = keyof typeof API_EVENTS;
export type ApiEventPayload<N extends ApiEventName> = z.output<(typeof API_EVENTS)[N]>;

/** How a refused or failed call comes back: a code for the UI, a sentence for the user. */
export const apiErrorSchema = z.strictObject({
  code: z.enum([
    'invalid-input',
    'not-found',
    'conflict',
    'too-large',
    'unsupported',
    'storage',
    /** The connection to Neurite is lost (browser mode); the call may not have run. */
    'unavailable',
    'internal',
  ]),
  message: z.string(),
  /** Where in the input the problem is, for invalid-input. */
  issues: z.array(z.strictObject({ path: z.string(), message: z.string() })).optional(),
});
export type ApiError = z.output<typeof apiErrorSchema>;
