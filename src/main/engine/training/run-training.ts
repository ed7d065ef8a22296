import { freemem } from 'node:os';
import path from 'node:path';
import type { GraphDocument, GraphNode } from '../../../shared/graph/document';
import { nodeDisplayName } from '../../../shared/graph/document';
import { parseGraphDocument } from '../../../shared/graph/parse';
import { findKind } from '../../../shared/catalog/registry';
import { nodesWithRole } from '../../../shared/catalog/roles';
import type { GraphAnalysis } from '../../../shared/inference/analyze';
import { analyzeGraph } from '../../../shared/inference/analyze';
import { formatBytes } from '../../../shared/inference/memory';
import type { Loss, Task } from '../../../shared/catalog/losses';
import type { BackendReport } from '../../../shared/training/backends';
import type { TrainingJob } from '../../../shared/training/commands';
import type { Evaluation, TrainerEvent, TrainerEventOf } from '../../../shared/training/events';
import { selectBackend } from '../backends/select-backend';
import type { tf } from '../tf';
import { compileGraph } from '../compiler/compile-graph';
import { loadDataset } from '../../data/load-dataset';
import { createRandom } from '../../data/seeded-random';
import type { LoadedDataset } from '../../data/types';
import { DatasetError } from '../../data/types';
import type { BatchSource } from './batches';
import { allRows } from './batches';
import type { TrainerControls } from './controls';
import type { LossSpec } from './evaluate';
import { evaluateRows } from './evaluate';
import { TrainingFailure } from './failure';
import { LOSS_FUNCTIONS, perceptronRule } from './losses';
import { estimateTrainingBytes } from './memory-estimate';
import { createOptimizer } from './optimizer';
import type { RowSplit } from './splits';
import { kFolds, splitRows } from './splits';
import { saveModel, writeAtomically } from './save-model';
import type { TargetPlan } from '../../data/target-plan';
import { flattensTo, planTargets } from '../../data/target-plan';
import type { LoopOutcome } from './train-loop';
import { trainLoop } from './train-loop';

export interface RunContext {
  readonly emit: (event: TrainerEvent) => void;
  readonly controls: TrainerControls;
  /** Bytes of free memory; tests pass a small number to check the refusal. */
  readonly freeMemory?: () => number;
}

type FinalEvent = TrainerEventOf<'finished'> | TrainerEventOf<'stopped'> | TrainerEventOf<'failed'>;

/**
 * One training run from start to end. Never throws: every failure becomes a `failed` event
 * with a message for the student. Returns (and emits) the final event.
 */
export async function runTraining(job: TrainingJob, context: RunContext): Promise<FinalEvent> {
  let final: FinalEvent;
  try {
    final = await run(job, context);
  } catch (error) {
    final = failureEvent(error);
  }
  context.emit(final);
  return final;
}

function failureEvent(error: unknown): TrainerEventOf<'failed'> {
  if (error instanceof TrainingFailure) {
    return {
      type: 'failed',
      code: error.code,
      message: error.message,
      ...(error.detail ? { detail: error.detail } : {}),
    };
  }
  if (error instanceof DatasetError)
    return { type: 'failed', code: error.code, message: error.message };
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return {
    type: 'failed',
    code: 'trainer.unexpected',
    message:
      'Training stopped because of an unexpected problem inside Neurite. Your network is unchanged; the details below help to report it.',
    detail,
  };
}

interface Prepared {
  readonly document: GraphDocument;
  readonly analysis: GraphAnalysis;
  readonly inputNode: GraphNode;
  readonly outputNode: GraphNode;
}

function prepareGraph(job: TrainingJob): Prepared {
  const parsed = parseGraphDocument(job.graph);
  if (!parsed.ok) {
    throw new TrainingFailure(
      'graph.invalid',
      `The network file has ${parsed.problems.length} problem${parsed.problems.length === 1 ? '' : 's'}: ${parsed.problems.map((p) => p.message).join(' ')}`,
    );
  }
  const analysis = analyzeGraph(parsed.document);
  const errors = analysis.issues.filter((i) => i.severity === 'error');
  if (errors.length > 0) {
    throw new TrainingFailure(
      'graph.errors',
      `Fix the network first: ${errors.map((e) => e.message).join(' ')}`,
    );
  }
  const untrainable = analysis.issues.filter((i) => i.blocksTraining);
  if (untrainable.length > 0) {
    throw new TrainingFailure('graph.untrainable', untrainable.map((i) => i.message).join(' '));
  }
  const inputs = nodesWithRole(parsed.document, 'input');
  const outputs = nodesWithRole(parsed.document, 'output');
  if (inputs.length !== 1 || outputs.length !== 1) {
    throw new TrainingFailure(
      'graph.many-ends',
      `Training on one data set needs exactly one Input and one Output; this network has ${inputs.length} Input${inputs.length === 1 ? '' : 's'} and ${outputs.length} Output${outputs.length === 1 ? '' : 's'}.`,
    );
  }
  return { document: parsed.document, analysis, inputNode: inputs[0]!, outputNode: outputs[0]! };
}

/** One threshold unit between Input and Output, and nothing else: Rosenblatt's perceptron. */
function isPerceptron(graph: Prepared): boolean {
  const layers = nodesWithRole(graph.document, 'layer');
  const only = layers.length === 1 ? layers[0]! : undefined;
  return only !== undefined && findKind(only.kind)?.isPerceptronUnit?.(only.params) === true;
}

async function run(job: TrainingJob, context: RunContext): Promise<FinalEvent> {
  const graph = prepareGraph(job);
  const backend = await chooseBackend(job);
  const dataset = await loadDataset(job.data);
  if (dataset.examples.count === 0) {
    throw new TrainingFailure(
      'data.empty',
      `The data set "${dataset.info.title}" has no examples. Pick or import a data set with at least a few rows.`,
    );
  }
  const inputInfo = graph.analysis.nodes.get(graph.inputNode.id)!.output!;
  const outputInfo = graph.analysis.nodes.get(graph.outputNode.id)!.output!;
  const task = graph.outputNode.params['task'] as Task;
  const lossId = graph.outputNode.params['loss'] as Loss;
  const planned = planTargets(
    dataset.info,
    { name: nodeDisplayName(graph.inputNode), info: inputInfo },
    { name: nodeDisplayName(graph.outputNode), task, loss: lossId, shape: outputInfo.shape },
  );
  if (!planned.ok) throw new TrainingFailure('data.mismatch', planned.message);
  const plan = planned.plan;

  const { config } = job;
  const random = createRandom(config.seed);
  const split = splitRows(dataset.examples.count, config, random);
  dataset.fitOnTrainingRows?.(split.train);
  const featureShape = inputInfo.shape as number[];
  if (flattensTo(dataset.info.featureShape, featureShape)) {
    dataset.info.notes.push(
      `Each ${dataset.info.featureShape.join('×')} example is read as one list of ${featureShape[0]} values, as ${nodeDisplayName(graph.inputNode)} expects.`,
    );
  }
  const source = batchSource(dataset, 'examples', plan, inputInfo.dtype, featureShape);
  const separate = await loadSeparateSets(job, plan, inputInfo.dtype, featureShape);
  const testSet = testSetOf(
    config.test.kind,
    split,
    source,
    dataset,
    separate.test,
    plan,
    inputInfo.dtype,
    featureShape,
  );
  const validationSet =
    config.validation.kind === 'dataset'
      ? separate.validation
      : split.validation
        ? { source, rows: split.validation }
        : undefined;

  const batchSize = config.batchSize === 'full' ? split.train.length : config.batchSize;
  const needed = estimateTrainingBytes(graph.analysis, batchSize, config.optimizer);
  const free = (context.freeMemory ?? freemem)();
  if (needed > free * 0.8) {
    throw new TrainingFailure(
      'memory.insufficient',
      `Training this network with batches of ${batchSize} needs about ${formatBytes(needed)} of memory, but only ${formatBytes(free)} is free. Use a smaller batch size, or fewer units or filters.`,
    );
  }

  const perceptron = isPerceptron(graph);
  const loss: LossSpec = perceptron
    ? { fn: perceptronRule, summed: true }
    : { fn: LOSS_FUNCTIONS[lossId], summed: false };
  const optimizerConfig = perceptron
    ? { type: 'sgd' as const, learningRate: config.optimizer.learningRate, momentum: 0 }
    : config.optimizer;
  const classNames = dataset.info.classNames ?? [];
  const notes: string[] = [];
  if (perceptron) {
    notes.push(
      `A single step unit learns with the perceptron rule: after each example it makes, w ← w + η·(y − ŷ)·x with η = ${config.optimizer.learningRate} (plain gradient descent, whatever optimizer was chosen).`,
    );
  }

  const emitStarted = (train: number, validation: number, fold?: { index: number; of: number }) =>
    context.emit({
      type: 'started',
      backend,
      parameters: {
        trainable: graph.analysis.totals.trainable,
        nonTrainable: graph.analysis.totals.nonTrainable,
      },
      samples: { train, validation, test: testSet?.rows.length ?? 0 },
      dataset: dataset.info,
      ...(fold ? { fold } : {}),
      notes,
    });

  if (config.kFold > 1) {
    return runFolds({
      job,
      graph,
      plan,
      loss,
      optimizerConfig,
      source,
      split,
      classNames,
      testSet,
      random,
      context,
      emitStarted,
      notes,
    });
  }

  const compiled = compileGraph(graph.document, { seed: config.seed });
  const optimizer = createOptimizer(optimizerConfig);
  try {
    emitStarted(split.train.length, validationSet?.rows.length ?? 0);
    const outcome = await trainLoop({
      model: compiled.model,
      optimizer,
      baseLearningRate: optimizerConfig.learningRate,
      source,
      trainRows: split.train,
      ...(validationSet ? { validation: validationSet } : {}),
      plan,
      loss,
      classNames,
      config,
      random,
      controls: context.controls,
      emit: context.emit,
    });
    if (outcome.stoppedAt) {
      const saved = job.outDir
        ? await saveOutputs(job.outDir, compiled.model, { stoppedAt: outcome.stoppedAt })
        : undefined;
      return { type: 'stopped', ...outcome.stoppedAt, ...(saved ? { outDir: saved } : {}) };
    }
    return await finish({
      job,
      model: compiled.model,
      outcome,
      source,
      trainRows: split.train,
      validationSet,
      testSet,
      plan,
      loss,
      classNames,
      notes,
      perceptron,
      context,
    });
  } finally {
    optimizer.dispose();
    compiled.model.dispose();
  }
}

async function chooseBackend(job: TrainingJob): Promise<BackendReport> {
  try {
    return await selectBackend(job.backend);
  } catch (error) {
    throw new TrainingFailure('backend.unavailable', (error as Error).message);
  }
}

/** Batches shaped as the graph's Input expects (the data may be flattened to it). */
function batchSource(
  dataset: LoadedDataset,
  part: 'examples' | 'test',
  plan: TargetPlan,
  dtype: 'float32' | 'int32',
  featureShape: readonly number[],
): BatchSource {
  const table = part === 'examples' ? dataset.examples : dataset.test!;
  return { table, featureShape, featureType: dtype, encoding: plan.encoding };
}

interface EvaluationSet {
  readonly source: BatchSource;
  readonly rows: Int32Array;
}

async function loadSeparateSets(
  job: TrainingJob,
  plan: TargetPlan,
  dtype: 'float32' | 'int32',
  featureShape: readonly number[],
): Promise<{ validation?: EvaluationSet; test?: EvaluationSet }> {
  const load = async (
    spec: TrainingJob['data'] | undefined,
  ): Promise<EvaluationSet | undefined> => {
    if (!spec) return undefined;
    const data = await loadDataset(spec);
    data.fitOnTrainingRows?.(allRows(data.examples.count));
    return {
      source: batchSource(data, 'examples', plan, dtype, featureShape),
      rows: allRows(data.examples.count),
    };
  };
  if (job.config.validation.kind === 'dataset' && !job.validationData) {
    throw new TrainingFailure(
      'config.validation-data',
      'Validation is set to use a separate data set, but none was chosen. Choose one, or validate on a split of the training data.',
    );
  }
  const validation =
    job.config.validation.kind === 'dataset' ? await load(job.validationData) : undefined;
  const test = job.config.test.kind === 'dataset' ? await load(job.testData) : undefined;
  return { ...(validation ? { validation } : {}), ...(test ? { test } : {}) };
}

function testSetOf(
  kind: 'none' | 'split' | 'dataset',
  split: RowSplit,
  source: BatchSource,
  dataset: LoadedDataset,
  separate: EvaluationSet | undefined,
  plan: TargetPlan,
  dtype: 'float32' | 'int32',
  featureShape: readonly number[],
): EvaluationSet | undefined {
  if (kind === 'split') return split.test ? { source, rows: split.test } : undefined;
  if (kind !== 'dataset') return undefined;
  if (separate) return separate;
  if (dataset.test)
    return {
      source: batchSource(dataset, 'test', plan, dtype, featureShape),
      rows: allRows(dataset.test.count),
    };
  throw new TrainingFailure(
    'config.test-data',
    `The test set is set to come from the data set, but "${dataset.info.title}" has no test part. Choose a test data set, or hold out a fraction of the examples.`,
  );
}

interface FinishInput {
  readonly job: TrainingJob;
  readonly model: tf.LayersModel;
  readonly outcome: LoopOutcome;
  readonly source: BatchSource;
  readonly trainRows: Int32Array;
  readonly validationSet: EvaluationSet | undefined;
  readonly testSet: EvaluationSet | undefined;
  readonly plan: TargetPlan;
  readonly loss: LossSpec;
  readonly classNames: readonly string[];
  readonly notes: string[];
  readonly perceptron: boolean;
  readonly context: RunContext;
}

async function finish(input: FinishInput): Promise<TrainerEventOf<'finished'>> {
  const { model, plan, loss, classNames, outcome, notes } = input;
  const evaluate = (set: EvaluationSet): Evaluation =>
    evaluateRows(model, set.source, set.rows, plan, loss, classNames);
  const train = evaluate({ source: input.source, rows: input.trainRows });
  const validation = input.validationSet ? evaluate(input.validationSet) : undefined;
  const test = input.testSet ? evaluate(input.testSet) : undefined;
  if (outcome.restoredBestFrom !== undefined) {
    notes.push(
      `Early stopping put back the weights of epoch ${outcome.restoredBestFrom}, the best one.`,
    );
  }
  if (input.perceptron && (train.metrics['accuracy'] ?? 1) < 1) {
    notes.push(
      'A single unit cannot separate these classes: it can only draw one straight line between them, and no straight line splits this data (XOR is the classic example). Add a hidden layer, as in the XOR MLP template.',
    );
  }
  const result: TrainerEventOf<'finished'> = {
    type: 'finished',
    epochsRun: outcome.epochsRun,
    ...(outcome.stoppedEarly ? { stoppedEarly: outcome.stoppedEarly } : {}),
    train,
    ...(validation ? { validation } : {}),
    ...(test ? { test } : {}),
    notes,
  };
  if (!input.job.outDir) return result;
  const outDir = await saveOutputs(input.job.outDir, model, result);
  input.context.emit({
    type: 'checkpoint',
    epoch: outcome.epochsRun,
    reason: 'final',
    path: outDir,
  });
  return { ...result, outDir };
}

/** Writes model.json + weights.bin (TF.js layers format) and metrics.json; returns the folder. */
async function saveOutputs(
  outDir: string,
  model: tf.LayersModel,
  metrics: unknown,
): Promise<string> {
  const folder = path.resolve(outDir);
  await saveModel(model, folder);
  await writeAtomically(path.join(folder, 'metrics.json'), `${JSON.stringify(metrics, null, 2)}\n`);
  return folder;
}

interface FoldInput {
  readonly job: TrainingJob;
  readonly graph: Prepared;
  readonly plan: TargetPlan;
  readonly loss: LossSpec;
  readonly optimizerConfig: TrainingJob['config']['optimizer'];
  readonly source: BatchSource;
  readonly split: RowSplit;
  readonly classNames: readonly string[];
  readonly testSet: EvaluationSet | undefined;
  readonly random: ReturnType<typeof createRandom>;
  readonly context: RunContext;
  readonly emitStarted: (
    train: number,
    validation: number,
    fold: { index: number; of: number },
  ) => void;
  readonly notes: string[];
}

/**
 * k-fold cross-validation: k networks from the same starting weights, each validated on the
 * one part it did not train on. Reports every fold and their mean; no model is saved.
 */
async function runFolds(input: FoldInput): Promise<FinalEvent> {
  const { job, context, plan, loss, classNames } = input;
  const k = job.config.kFold;
  const folds = kFolds(input.split.train, k);
  const results: Evaluation[] = [];
  let lastTrain: Evaluation | undefined;
  let epochsRun = 0;
  for (const [index, fold] of folds.entries()) {
    const compiled = compileGraph(input.graph.document, { seed: job.config.seed });
    const optimizer = createOptimizer(input.optimizerConfig);
    try {
      input.emitStarted(fold.train.length, fold.validation.length, { index: index + 1, of: k });
      const outcome = await trainLoop({
        model: compiled.model,
        optimizer,
        baseLearningRate: input.optimizerConfig.learningRate,
        source: input.source,
        trainRows: fold.train,
        validation: { source: input.source, rows: fold.validation },
        plan,
        loss,
        classNames,
        config: job.config,
        random: input.random,
        controls: context.controls,
        emit: context.emit,
        fold: index + 1,
      });
      if (outcome.stoppedAt) return { type: 'stopped', ...outcome.stoppedAt };
      epochsRun = outcome.epochsRun;
      results.push(
        evaluateRows(compiled.model, input.source, fold.validation, plan, loss, classNames),
      );
      lastTrain = evaluateRows(compiled.model, input.source, fold.train, plan, loss, classNames);
    } finally {
      optimizer.dispose();
      compiled.model.dispose();
    }
  }
  const metricNames = Object.keys(results[0]?.metrics ?? {});
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  input.notes.push(
    `${k}-fold cross-validation: each fold trained a fresh network; the mean is over the ${k} validation folds.`,
  );
  const result: TrainerEventOf<'finished'> = {
    type: 'finished',
    epochsRun,
    train: lastTrain!,
    folds: results,
    foldMean: {
      loss: mean(results.map((r) => r.loss)),
      metrics: Object.fromEntries(
        metricNames.map((name) => [name, mean(results.map((r) => r.metrics[name] ?? 0))]),
      ),
    },
    notes: input.notes,
  };
  if (job.outDir) {
    await writeAtomically(
      path.join(path.resolve(job.outDir), 'metrics.json'),
      `${JSON.stringify(result, null, 2)}\n`,
    );
  }
  return result;
}
