import { withShortQuotes } from '../../../shared/text/excerpt';
import { freemem } from 'node:os';
import { isTrainable, nodeDisplayName } from '../../../shared/graph/document';
import { formatBytes } from '../../../shared/inference/memory';
import type { Loss, Task } from '../../../shared/catalog/losses';
import { LOSS_TITLES } from '../../../shared/catalog/losses';
import type { BackendReport } from '../../../shared/training/backends';
import { stepUnitWarnings } from '../../../shared/inference/perceptron';
import { averagingSentence, classMetricAveraging } from '../../../shared/training/class-metrics';
import type { TrainingJob } from '../../../shared/training/commands';
import type { Evaluation, TrainerEventOf } from '../../../shared/training/events';
import { selectBackend } from '../backends/select-backend';
import type { tf } from '../tf';
import { compileGraph } from '../compiler/compile-graph';
import { loadDataset } from '../../data/load-dataset';
import { createRandom } from '../../data/seeded-random';
import { DatasetError } from '../../data/types';
import type { BatchSource } from './batches';
import type { EvaluationSet } from './evaluation-sets';
import { batchSource, loadSeparateSets, testSetOf } from './evaluation-sets';
import type { LossSpec } from './evaluate';
import { evaluateRows } from './evaluate';
import { TrainingFailure } from './failure';
import { runFolds } from './k-fold';
import { PERCEPTRON_RULE_LOSS_NAME } from './losses';
import { LiveInside } from './live-inside';
import { lossSpecFor } from './loss-spec';
import { estimateTrainingBytes } from './memory-estimate';
import { createOptimizer } from './optimizer';
import { isPerceptron, prepareGraph } from './prepare-graph';
import type { FinalEvent, RunContext } from './run-context';
import type { TrainedOn } from './run-outputs';
import { saveOutputsOrRescue } from './run-outputs';
import { splitRows } from './splits';
import { loadStartingWeights, readStartingWeights, startingWeightsNotes } from './starting-weights';
import { stratifyLabels } from './stratify';
import type { TargetPlan } from '../../data/target-plan';
import { planTargets, readingNote } from '../../data/target-plan';
import type { LoopOutcome } from './train-loop';
import { trainLoop } from './train-loop';

/**
 * One training run from start to end. Never throws: every failure becomes a `failed` event
 * with a message for the student. Returns (and emits) the final event.
 */
/** Said of a network with no weights, which trains by only being evaluated. */
const NOTHING_TO_LEARN =
  'This network has no weights to learn, so training changes nothing: every epoch measures the loss and the metrics of the network as it is.';
/** Said of a network whose every layer with weights is frozen. */
const ALL_FROZEN =
  'Every layer with weights is frozen, so training changes nothing: every epoch measures the loss and the metrics of the network as it is. Unfreeze a layer to let it learn.';

export async function runTraining(job: TrainingJob, context: RunContext): Promise<FinalEvent> {
  let final: FinalEvent;
  try {
    final = await run(job, context);
  } catch (error) {
    final = failureEvent(error);
  }
  if (final.type === 'failed') {
    // A reason that quotes a huge cell or stack still arrives, and reads as a sentence.
    final = {
      ...final,
      message: withShortQuotes(final.message),
      ...(final.detail ? { detail: withShortQuotes(final.detail) } : {}),
    };
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
  const notes: string[] = [];
  const random = createRandom(config.seed);
  const labels = stratifyLabels(dataset, config.stratify, notes);
  const split = splitRows(dataset.examples.count, config, random, labels);
  dataset.fitOnTrainingRows?.(split.train);
  const featureShape = inputInfo.shape as number[];
  const reading = readingNote(
    dataset.info.featureShape,
    featureShape,
    nodeDisplayName(graph.inputNode),
  );
  if (reading) dataset.info.notes.push(reading);
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
  const loss = lossSpecFor(graph.document, lossId);
  const optimizerConfig = perceptron
    ? {
        type: 'sgd' as const,
        learningRate: config.optimizer.learningRate,
        momentum: 0,
        momentumForm: 'average' as const,
      }
    : config.optimizer;
  const classNames = dataset.info.classNames ?? [];
  if (task === 'classification' && classNames.length >= 2) {
    notes.push(averagingSentence(classMetricAveraging(classNames)));
  }
  notes.push(...stepUnitWarnings(graph.document).map((step) => step.warning.message));
  if (graph.analysis.totals.trainable === 0) {
    notes.push(graph.document.nodes.some((n) => !isTrainable(n)) ? ALL_FROZEN : NOTHING_TO_LEARN);
  }
  const start = job.startingWeights ? await readStartingWeights(job.startingWeights) : undefined;
  if (perceptron) {
    notes.push(
      `A single step unit has no slope to follow, so it does not learn by the Output's loss (${LOSS_TITLES[lossId]}) and the chosen optimizer: it learns by the perceptron rule, w ← w + η·(y − ŷ)·x after each example, with η = ${config.optimizer.learningRate}, which changes the weights only when the unit was wrong. The loss shown is the rule's own, ${PERCEPTRON_RULE_LOSS_NAME}.`,
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
      lossName: loss.name,
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
      perceptron,
      ...(labels ? { labels } : {}),
      ...(start ? { start } : {}),
    });
  }

  const compiled = compileGraph(graph.document, { seed: config.seed, perceptronRule: perceptron });
  if (start)
    notes.push(...startingWeightsNotes(graph.document, loadStartingWeights(compiled, start)));
  const optimizer = createOptimizer(optimizerConfig);
  let live: LiveInside | undefined;
  try {
    emitStarted(split.train.length, validationSet?.rows.length ?? 0);
    live = config.liveInside
      ? await openLiveInside(context, {
          document: graph.document,
          model: compiled.model,
          dataset,
          plan,
          source,
          examples: validationSet
            ? { part: 'validation', ...validationSet }
            : { part: 'train', source, rows: split.train },
        })
      : undefined;
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
      ...(live ? { live } : {}),
    });
    if (outcome.stoppedAt) {
      const saved = job.outDir
        ? await saveOutputsOrRescue(
            job.outDir,
            compiled.model,
            // metrics.json keeps its form: where it stopped, without the batch count.
            { stoppedAt: { epoch: outcome.stoppedAt.epoch, batch: outcome.stoppedAt.batch } },
            { job, document: graph.document, dataset },
          )
        : undefined;
      if (saved?.note) context.emit({ type: 'log', level: 'warning', message: saved.note });
      return {
        type: 'stopped',
        ...outcome.stoppedAt,
        ...(saved ? { outDir: saved.folder } : {}),
      };
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
      trainedOn: { job, document: graph.document, dataset },
    });
  } finally {
    live?.dispose();
    optimizer.dispose();
    compiled.model.dispose();
  }
}

/** The live look inside, or none (with a warning when it could not be set up). */
async function openLiveInside(
  context: RunContext,
  setup: Parameters<typeof LiveInside.open>[0],
): Promise<LiveInside | undefined> {
  try {
    return await LiveInside.open(setup);
  } catch (error) {
    context.emit({
      type: 'log',
      level: 'warning',
      message: `The saliency maps and decision boundary cannot be shown while this network trains; training is not affected. (${(error as Error).message})`,
    });
    return undefined;
  }
}

async function chooseBackend(job: TrainingJob): Promise<BackendReport> {
  try {
    return await selectBackend(job.backend);
  } catch (error) {
    throw new TrainingFailure('backend.unavailable', (error as Error).message);
  }
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
  readonly trainedOn: TrainedOn;
}

async function finish(input: FinishInput): Promise<TrainerEventOf<'finished'>> {
  const { model, plan, loss, classNames, outcome, notes } = input;
  const evaluate = (set: EvaluationSet): Promise<Evaluation> =>
    evaluateRows(model, set.source, set.rows, plan, loss, classNames);
  const train = await evaluate({ source: input.source, rows: input.trainRows });
  const validation = input.validationSet ? await evaluate(input.validationSet) : undefined;
  const test = input.testSet ? await evaluate(input.testSet) : undefined;
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
    lossName: loss.name,
    notes,
  };
  if (!input.job.outDir) return result;
  const saved = await saveOutputsOrRescue(input.job.outDir, model, result, input.trainedOn);
  const outDir = saved.folder;
  if (saved.note) input.context.emit({ type: 'log', level: 'warning', message: saved.note });
  input.context.emit({
    type: 'checkpoint',
    epoch: outcome.epochsRun,
    reason: 'final',
    path: outDir,
  });
  return { ...result, ...(saved.note ? { notes: [...result.notes, saved.note] } : {}), outDir };
}
