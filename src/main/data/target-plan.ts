import type { Loss, Task } from '../../shared/catalog/losses';
import { LOSS_TITLES } from '../../shared/catalog/losses';
import type { DatasetInfo } from '../../shared/data/dataset-info';
import type { TensorInfo } from '../../shared/shapes/shape';
import { formatShape, shapesEqual } from '../../shared/shapes/shape';

/** How a data set's targets are turned into what the loss compares the output with. */
export type TargetEncoding =
  | { readonly kind: 'oneHot'; readonly classes: number }
  /** One output per class, +1 for the true class and −1 for every other (hinge losses). */
  | { readonly kind: 'oneHotPlusMinus'; readonly classes: number }
  | { readonly kind: 'classIndex'; readonly classes: number }
  | { readonly kind: 'binary01' }
  | { readonly kind: 'binaryPlusMinus' }
  /** Numbers to predict, `size` per example, shaped as the network's output (`shape`). */
  | { readonly kind: 'values'; readonly size: number; readonly shape: readonly number[] }
  | { readonly kind: 'reconstruction' };

export interface TargetPlan {
  readonly encoding: TargetEncoding;
  readonly task: Task;
  /** A single output below this (0.5 for probabilities, 0 for ±1 scores) means class 0. */
  readonly threshold: number;
}

export type PlanResult =
  | { readonly ok: true; readonly plan: TargetPlan }
  | { readonly ok: false; readonly message: string };

interface OutputSide {
  readonly name: string;
  readonly task: Task;
  readonly loss: Loss;
  readonly shape: TensorInfo['shape'];
}

interface InputSide {
  readonly name: string;
  readonly info: TensorInfo;
}

/**
 * Checks that the data set fits the graph's Input and Output before anything is trained,
 * and says which side to change when it does not.
 */
/**
 * Where one output's score turns from class 0 to class 1: hinge losses train scores towards
 * −1 and +1, so 0; every other classifier outputs a probability, so 0.5.
 */
export function decisionThreshold(loss: Loss): number {
  return loss === 'hinge' || loss === 'squaredHinge' ? 0 : 0.5;
}

export function planTargets(data: DatasetInfo, input: InputSide, output: OutputSide): PlanResult {
  const inputProblem = checkInput(data, input);
  if (inputProblem) return { ok: false, message: inputProblem };
  if (output.task === 'reconstruction') return planReconstruction(data, input, output);
  if (data.task === 'regression') return planRegression(data, output);
  return planClassification(data, output);
}

function checkInput(data: DatasetInfo, input: InputSide): string | undefined {
  if (data.featureType === 'int32' && input.info.dtype !== 'int32') {
    return `The data set "${data.title}" is text (word ids), but ${input.name} expects numbers. Set the Input's form to "tokens" and put an Embedding after it.`;
  }
  if (data.featureType === 'float32' && input.info.dtype === 'int32') {
    return `${input.name} expects tokens (word ids), but the data set "${data.title}" holds numbers. Change the Input's form to "${data.featureShape.length === 3 ? 'image' : data.featureShape.length === 2 ? 'sequence' : 'vector'}", or pick a text data set.`;
  }
  if (
    !shapesEqual(data.featureShape, input.info.shape) &&
    !readingOf(data.featureShape, input.info.shape)
  ) {
    const names =
      data.featureNames && data.featureNames.length <= 8
        ? ` (${data.featureNames.join(', ')})`
        : '';
    return `The data set "${data.title}" gives examples of shape ${formatShape(data.featureShape)}${names}, but ${input.name} expects ${formatShape(input.info.shape)}. Change the Input's shape to [${data.featureShape.join(', ')}], or pick a data set that fits.`;
  }
  return undefined;
}

/**
 * How examples of one shape reach an Input of another with the same number of values: a
 * vector Input reads an image or sequence as one flat list (as an MLP reads a 28×28 digit as
 * 784 values), and a sequence Input reads a flat row as steps (a CSV row of 20 numbers as 20
 * steps of 1 value). Values keep their order: step by step, then feature by feature.
 */
export function readingOf(
  dataShape: readonly number[],
  inputShape: TensorInfo['shape'],
): 'flat-list' | 'steps' | undefined {
  const size = (shape: readonly (number | null)[]) =>
    shape.reduce<number>((a, b) => a * (b ?? NaN), 1);
  if (size(inputShape) !== size(dataShape) || shapesEqual(dataShape, inputShape)) return undefined;
  if (inputShape.length === 1 && dataShape.length > 1) return 'flat-list';
  if (inputShape.length === 2 && dataShape.length === 1) return 'steps';
  return undefined;
}

/** The sentence the data panel and the trainer show when examples are read in another shape. */
export function readingNote(
  dataShape: readonly number[],
  inputShape: TensorInfo['shape'],
  inputName: string,
): string | undefined {
  switch (readingOf(dataShape, inputShape)) {
    case 'flat-list':
      return `Each ${dataShape.join('×')} example is read as one list of ${inputShape[0]} values, as ${inputName} expects.`;
    case 'steps':
      return `Each example's ${dataShape[0]} values are read in order as a sequence of ${inputShape[0]} steps of ${inputShape[1]} ${inputShape[1] === 1 ? 'value' : 'values'}, as ${inputName} expects.`;
    default:
      return undefined;
  }
}

function planReconstruction(data: DatasetInfo, input: InputSide, output: OutputSide): PlanResult {
  if (!shapesEqual(output.shape, input.info.shape)) {
    return {
      ok: false,
      message: `${output.name} reconstructs its input, so the network must end with shape ${formatShape(input.info.shape)}, but it ends with ${formatShape(output.shape)}. Make the last layer give ${formatShape(input.info.shape)} (for example a Dense with ${input.info.shape.reduce<number>((a, b) => a * (b ?? 1), 1)} units and a Reshape).`,
    };
  }
  if (data.featureType === 'int32') {
    return {
      ok: false,
      message: `Token ids cannot be reconstructed with ${LOSS_TITLES[output.loss]}; use a number data set for an autoencoder.`,
    };
  }
  return {
    ok: true,
    plan: { encoding: { kind: 'reconstruction' }, task: 'reconstruction', threshold: 0.5 },
  };
}

function planRegression(data: DatasetInfo, output: OutputSide): PlanResult {
  if (output.task === 'classification') {
    return {
      ok: false,
      message: `The data set "${data.title}" has numbers to predict (regression), but ${output.name} is set to classification. Set its task to regression with a loss such as mean squared error.`,
    };
  }
  const size = data.targetSize;
  const given = data.targetShape ?? [size];
  // Several numbers per example (CSV target columns) fit an output sequence of as many values.
  const shape =
    given.length === 1 && readingOf(given, output.shape) === 'steps'
      ? (output.shape as number[])
      : given;
  if (!shapesEqual(output.shape, shape)) {
    return {
      ok: false,
      message:
        shape.length > 1
          ? `The data set "${data.title}" has a sequence to predict per example, of shape ${formatShape(shape)}, but the network ends with ${formatShape(output.shape)}. Make the network end with ${formatShape(shape)}: a recurrent layer that returns sequences, then a Dense with ${shape[shape.length - 1]} unit${shape[shape.length - 1] === 1 ? '' : 's'}.`
          : `The data set "${data.title}" has ${size} number${size === 1 ? '' : 's'} to predict per example, but the network ends with ${formatShape(output.shape)}. Make the last layer a Dense with ${size} unit${size === 1 ? '' : 's'} (linear activation).`,
    };
  }
  return {
    ok: true,
    plan: { encoding: { kind: 'values', size, shape }, task: 'regression', threshold: 0.5 },
  };
}

function planClassification(data: DatasetInfo, output: OutputSide): PlanResult {
  const classes = data.classNames?.length ?? data.targetSize;
  if (output.task === 'regression') {
    return {
      ok: false,
      message: `The data set "${data.title}" has classes to predict, but ${output.name} is set to regression. Set its task to classification.`,
    };
  }
  if (output.shape.length !== 1) {
    return {
      ok: false,
      message: `The network ends with ${formatShape(output.shape)}, but a classification needs one score per class (a flat list). Add a Flatten or GlobalAvgPool before the last Dense.`,
    };
  }
  const units = output.shape[0];
  const oneUnit = units === 1;
  const fix = `Give the last Dense ${classes} units${classes === 2 ? ', or 1 unit with binary cross-entropy' : ''}.`;
  switch (output.loss) {
    case 'binaryCrossentropy':
    case 'hinge':
    case 'squaredHinge':
      if (oneUnit && classes === 2) {
        const plusMinus = output.loss !== 'binaryCrossentropy';
        return {
          ok: true,
          plan: {
            encoding: plusMinus ? { kind: 'binaryPlusMinus' } : { kind: 'binary01' },
            task: 'classification',
            threshold: decisionThreshold(output.loss),
          },
        };
      }
      if (units === classes) {
        // One yes/no output per class: the usual one-vs-rest reading of these losses. Hinge
        // asks y·ŷ ≥ 1 with y = ±1: with 0/1 targets the wrong classes (y = 0) would get no
        // gradient at all, so each output's target is +1 for its class and −1 otherwise.
        const plusMinus = output.loss !== 'binaryCrossentropy';
        return {
          ok: true,
          plan: {
            encoding: plusMinus
              ? { kind: 'oneHotPlusMinus', classes }
              : { kind: 'oneHot', classes },
            task: 'classification',
            threshold: decisionThreshold(output.loss),
          },
        };
      }
      return {
        ok: false,
        message: `${LOSS_TITLES[output.loss]} needs 1 output for two classes, or one per class, but the data set "${data.title}" has ${classes} classes and the network ends with ${units} value${units === 1 ? '' : 's'}. ${fix}`,
      };
    case 'meanSquaredError':
    case 'meanAbsoluteError':
    case 'huber':
      if (oneUnit && classes === 2)
        return {
          ok: true,
          plan: { encoding: { kind: 'binary01' }, task: 'classification', threshold: 0.5 },
        };
      break;
    default:
      break;
  }
  if (units !== classes) {
    return {
      ok: false,
      message: `The data set "${data.title}" has ${classes} classes, but the network ends with ${units} value${units === 1 ? '' : 's'}. ${fix}`,
    };
  }
  const encoding: TargetEncoding =
    output.loss === 'sparseCategoricalCrossentropy'
      ? { kind: 'classIndex', classes }
      : { kind: 'oneHot', classes };
  return { ok: true, plan: { encoding, task: 'classification', threshold: 0.5 } };
}
