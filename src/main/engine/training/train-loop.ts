import type { TrainingConfig } from '../../../shared/training/config';
import { scheduledLearningRate } from '../../../shared/training/config';
import type { Evaluation, TrainerEvent, TrainerEventOf } from '../../../shared/training/events';
import { tf } from '../tf';
import { augmentBatch, augmentationIsOn } from './augmentation';
import type { BatchSource } from './batches';
import { featureTensor, gatherFeatures, targetTensor } from './batches';
import type { TrainerControls } from './controls';
import { EarlyStopping, monitoredValue } from './early-stopping';
import type { LossSpec } from './evaluate';
import { MetricAccumulator, evaluateRows } from './evaluate';
import { TrainingFailure } from './failure';
import type { LiveInside } from './live-inside';
import { clipGradients, setLearningRate } from './optimizer';
import type { SeededRandom } from './random';
import type { TargetPlan } from '../../data/target-plan';

export interface LoopSetup {
  readonly model: tf.LayersModel;
  readonly optimizer: tf.Optimizer;
  readonly baseLearningRate: number;
  readonly source: BatchSource;
  readonly trainRows: Int32Array;
  /** Validation data and rows, when the run validates. */
  readonly validation?: { readonly source: BatchSource; readonly rows: Int32Array };
  readonly plan: TargetPlan;
  readonly loss: LossSpec;
  readonly classNames: readonly string[];
  readonly config: TrainingConfig;
  readonly random: SeededRandom;
  readonly controls: TrainerControls;
  readonly emit: (event: TrainerEvent) => void;
  readonly fold?: number;
  /** Looks inside the network after epochs (saliency, decision boundary), when it applies. */
  readonly live?: LiveInside;
}

export interface LoopOutcome {
  readonly epochsRun: number;
  readonly stoppedEarly?: { readonly epoch: number; readonly bestEpoch: number };
  /** Set when the user stopped the run. */
  readonly stoppedAt?: {
    readonly epoch: number;
    readonly batch: number;
    readonly batchesPerEpoch: number;
  };
  readonly restoredBestFrom?: number;
  readonly lastValidation?: Evaluation;
}

/**
 * The training loop: one optimizer step per batch, with the user's commands obeyed between
 * batches, epoch metrics, the learning-rate schedule and early stopping.
 */
export async function trainLoop(setup: LoopSetup): Promise<LoopOutcome> {
  const { model, config, controls, emit } = setup;
  const batchSize =
    config.batchSize === 'full'
      ? setup.trainRows.length
      : Math.min(config.batchSize, setup.trainRows.length);
  const batchesPerEpoch = Math.ceil(setup.trainRows.length / batchSize);
  const variables = model.trainableWeights.map((w) => w.read() as tf.Variable);
  const outputs = (model.outputs[0]!.shape.slice(1) as number[]).reduce((a, b) => a * b, 1);
  const early = new EarlyStopping(config.earlyStopping);
  const augment = augmentationIsOn(config.augmentation) && setup.source.featureType === 'float32';
  const started = Date.now();
  let base = setup.baseLearningRate;
  let lastValidation: Evaluation | undefined;
  let live = setup.live;

  try {
    for (let epoch = 0; epoch < config.epochs; epoch += 1) {
      let learningRate = scheduledLearningRate(base, config.schedule, epoch + 1);
      setLearningRate(setup.optimizer, learningRate);
      const order = setup.trainRows.slice();
      if (config.shuffle) setup.random.shuffleInPlace(order);
      const accumulator = new MetricAccumulator(setup.plan, outputs, setup.classNames);
      let lastEvent = 0;
      let examplesSinceEvent = 0;
      let eventClock = Date.now();
      /** The newest batch's event while it is held back by batchEventInterval. */
      let unsent: TrainerEventOf<'batch'> | undefined;
      // Time spent training this epoch, pauses left out: the live maps' budget is a share of it.
      const epochStart = performance.now();
      let waitedMs = 0;

      for (let batch = 0; batch < batchesPerEpoch; batch += 1) {
        const waitStart = performance.now();
        const decision = await controls.beforeBatch(
          () => {
            // Paused exactly here: first the batch that was held back to spare the UI, so the
            // view's counters and the pause agree to the batch.
            if (unsent) emit(unsent);
            unsent = undefined;
            emit({ type: 'paused', epoch: epoch + 1, batch: batch + 1, batchesPerEpoch });
          },
          () => emit({ type: 'resumed' }),
        );
        waitedMs += performance.now() - waitStart;
        if (decision === 'stop') {
          // As for a pause: the batch held back goes first, so the view ends where the run did.
          if (unsent) emit(unsent);
          return {
            epochsRun: epoch,
            stoppedAt: { epoch: epoch + 1, batch: batch + 1, batchesPerEpoch },
          };
        }
        const requested = controls.takeLearningRate();
        if (requested !== undefined) {
          // The schedule goes on from the rate the user chose.
          base = requested / (scheduledLearningRate(1, config.schedule, epoch + 1) || 1);
          learningRate = requested;
          setLearningRate(setup.optimizer, learningRate);
        }

        const rows = order.subarray(
          batch * batchSize,
          Math.min(order.length, (batch + 1) * batchSize),
        );
        const clean = gatherFeatures(setup.source, rows);
        let inputs = clean;
        if (augment) {
          inputs = Float32Array.from(clean);
          augmentBatch(
            inputs,
            rows.length,
            setup.source.featureShape,
            config.augmentation,
            setup.random,
          );
        }
        const { loss, predictions } = await readStep(
          setup,
          rows,
          trainStep(setup, variables, rows, inputs, clean),
        );
        if (!Number.isFinite(loss)) {
          throw new TrainingFailure(
            'loss.not-finite',
            `The loss became ${Number.isNaN(loss) ? 'NaN' : 'infinite'} at epoch ${epoch + 1}, batch ${batch + 1}, so training stopped. Try a lower learning rate${config.clipping.type === 'none' ? ' or gradient clipping' : ''}.`,
          );
        }
        accumulator.add(setup.source, rows, predictions, loss, clean);
        examplesSinceEvent += rows.length;
        const now = Date.now();
        const seconds = Math.max(1e-3, (now - eventClock) / 1000);
        const event: TrainerEventOf<'batch'> = {
          type: 'batch',
          epoch: epoch + 1,
          batch: batch + 1,
          batchesPerEpoch,
          loss,
          samplesPerSecond: examplesSinceEvent / seconds,
          learningRate,
        };
        if (
          batch === 0 ||
          now - lastEvent >= config.batchEventInterval ||
          batch === batchesPerEpoch - 1
        ) {
          emit(event);
          unsent = undefined;
          lastEvent = now;
          eventClock = now;
          examplesSinceEvent = 0;
        } else {
          unsent = event;
        }
      }

      const train = accumulator.result(false);
      const validation = setup.validation
        ? await evaluateRows(
            model,
            setup.validation.source,
            setup.validation.rows,
            setup.plan,
            setup.loss,
            setup.classNames,
          )
        : undefined;
      lastValidation = validation;
      emit({
        type: 'epoch',
        epoch: epoch + 1,
        epochs: config.epochs,
        loss: train.loss,
        metrics: train.metrics,
        ...(validation ? { validation } : {}),
        learningRate,
        elapsedMs: Date.now() - started,
        ...(setup.fold !== undefined ? { fold: setup.fold } : {}),
      });

      live?.trained(performance.now() - epochStart - waitedMs);

      const watched = monitoredValue(config.earlyStopping.monitor, train, validation);
      const watching = config.earlyStopping.enabled && watched !== undefined;
      if (watching && early.observe(epoch + 1, watched, model))
        emit({ type: 'checkpoint', epoch: epoch + 1, reason: 'best' });
      const stopEarly = watching && early.shouldStop();
      if (live) {
        live = await lookInside(live, epoch + 1, stopEarly || epoch + 1 === config.epochs, emit);
      }
      if (stopEarly) {
        const restored = config.earlyStopping.restoreBestWeights && early.restoreBest(model);
        return {
          epochsRun: epoch + 1,
          stoppedEarly: { epoch: epoch + 1, bestEpoch: early.bestEpoch },
          ...(restored ? { restoredBestFrom: early.bestEpoch } : {}),
          ...(lastValidation ? { lastValidation } : {}),
        };
      }
    }
    const restored =
      config.earlyStopping.enabled &&
      config.earlyStopping.restoreBestWeights &&
      early.bestEpoch !== config.epochs &&
      early.restoreBest(model);
    return {
      epochsRun: config.epochs,
      ...(restored ? { restoredBestFrom: early.bestEpoch } : {}),
      ...(lastValidation ? { lastValidation } : {}),
    };
  } finally {
    early.dispose();
  }
}

/**
 * The live look after an epoch, when its time budget allows. A network the look fails on
 * (a layer whose gradient TF.js cannot take) trains on without it, and the student is told:
 * returns undefined then, so it is not tried again.
 */
async function lookInside(
  live: LiveInside,
  epoch: number,
  last: boolean,
  emit: (event: TrainerEvent) => void,
): Promise<LiveInside | undefined> {
  try {
    const event = await live.afterEpoch(epoch, last);
    if (event) emit(event);
    return live;
  } catch (error) {
    emit({
      type: 'log',
      level: 'warning',
      message: `The saliency maps and decision boundary could not be computed for this network during training, so they are not shown; training goes on. (${(error as Error).message})`,
    });
    return undefined;
  }
}

/**
 * The loss per example and the predictions of a step, read back with `await data()`: the
 * WebGPU backend cannot read synchronously (dataSync) in Node.js. Disposes the step's tensors.
 */
async function readStep(
  setup: LoopSetup,
  rows: Int32Array,
  step: { value: tf.Scalar; prediction: tf.Tensor },
): Promise<{ loss: number; predictions: Float32Array }> {
  try {
    const [value, predictions] = await Promise.all([step.value.data(), step.prediction.data()]);
    const total = value[0]!;
    return {
      loss: setup.loss.summed ? total / rows.length : total,
      predictions: predictions as Float32Array,
    };
  } finally {
    tf.dispose([step.value, step.prediction]);
  }
}

/**
 * One gradient step on one batch; returns the loss and the predictions as tensors, for
 * readStep to read and dispose.
 */
function trainStep(
  setup: LoopSetup,
  variables: tf.Variable[],
  rows: Int32Array,
  inputs: Float32Array | Int32Array,
  clean: Float32Array | Int32Array,
): { value: tf.Scalar; prediction: tf.Tensor } {
  const { model, source, loss, config } = setup;
  let prediction: tf.Tensor | undefined;
  const batchLoss = (): tf.Scalar => {
    const x = featureTensor(source, inputs, rows.length);
    const y = targetTensor(source, rows, clean);
    // Kept past the step's scope, to be read with the loss.
    prediction = tf.keep(model.apply(x, { training: true }) as tf.Tensor);
    const penalties = model.calculateLosses();
    const dataLoss = loss.fn(y, prediction);
    return (penalties.length > 0 ? tf.add(dataLoss, tf.addN(penalties)) : dataLoss) as tf.Scalar;
  };
  if (variables.length === 0) {
    // Nothing to learn (Input → Activation → Output): the step only measures the loss.
    const value = tf.tidy(batchLoss);
    return { value, prediction: prediction! };
  }
  const step = tf.variableGrads(batchLoss, variables);
  const grads = clipGradients(step.grads, config.clipping);
  setup.optimizer.applyGradients(grads);
  tf.dispose(Object.values(grads));
  return { value: step.value, prediction: prediction! };
}
