import { plural } from '../../../shared/text/plural';
import { ACTIVATIONS_FOR_LOSS, LOSS_TITLES } from '../../../shared/catalog/losses';
import type { DatasetInfo } from '../../../shared/data/dataset-info';
import type { DatasetFit, FitEdit, FitProblem } from '../../../shared/data/dataset-preview';
import { nodeDisplayName } from '../../../shared/graph/document';
import type { GraphDocument } from '../../../shared/graph/document';
import { analyzeGraph } from '../../../shared/inference/analyze';
import { ruinousWarnings } from '../../../shared/inference/ruinous';
import type { TensorInfo } from '../../../shared/shapes/shape';
import { shapesEqual } from '../../../shared/shapes/shape';
import { planTargets, readingNote, readingOf } from '../../data/target-plan';
import type { GraphEnds } from './graph-ends';
import { graphEnds, lastDense } from './graph-ends';

/**
 * Whether the trainer will accept this data set with this network, decided by the trainer's
 * own check (planTargets), so the data panel and a training run never disagree. Each problem
 * is split into what does not fit and the exact change that makes it fit. When the Input does
 * not fit, the network is checked again as if that were fixed, so an Output that would not
 * fit either is reported in the same pass.
 */
export function checkFit(data: DatasetInfo, graph: unknown): DatasetFit {
  const fit = checkOnce(data, graph);
  if (fit.status !== 'mismatch') return fit;
  const applyAll = planAllFixes(data, graph, fit);
  return applyAll ? { ...fit, applyAll } : fit;
}

/** Fixing one thing can reveal the next (a task changed, then its units): a few rounds do. */
const PLAN_ROUNDS = 4;

/**
 * The edits of every problem applied together, then the network checked again, adding the
 * edits of whatever that reveals, until it fits. Undefined when some problem has no edit or
 * the rounds run out: then no button may promise to fix it all.
 */
function planAllFixes(data: DatasetInfo, graph: unknown, fit: DatasetFit): FitEdit[] | undefined {
  const parsed = graphEnds(graph);
  if (parsed.kind !== 'ready') return undefined;
  let plan: FitEdit[] = [];
  let current = fit;
  for (let round = 0; round < PLAN_ROUNDS; round += 1) {
    if (current.problems.length === 0 || current.problems.some((p) => !p.edit)) return undefined;
    plan = mergeEdits([...plan, ...current.problems.map((p) => p.edit!)]);
    current = checkOnce(data, withEdits(parsed.ends.document, plan));
    if (current.status === 'fits') return plan;
    if (current.status !== 'mismatch') return undefined;
  }
  return undefined;
}

/** One edit per node, later settings winning, in the order the nodes were first edited. */
function mergeEdits(edits: readonly FitEdit[]): FitEdit[] {
  const byNode = new Map<string, Record<string, unknown>>();
  for (const edit of edits) byNode.set(edit.nodeId, { ...byNode.get(edit.nodeId), ...edit.params });
  return [...byNode].map(([nodeId, params]) => ({ nodeId, params }));
}

function withEdits(document: GraphDocument, edits: readonly FitEdit[]): GraphDocument {
  const byNode = new Map(edits.map((edit) => [edit.nodeId, edit.params]));
  return {
    ...document,
    nodes: document.nodes.map((node) => {
      const params = byNode.get(node.id);
      return params ? { ...node, params: { ...node.params, ...params } } : node;
    }),
  };
}

function checkOnce(data: DatasetInfo, graph: unknown): DatasetFit {
  if (graph === undefined) return { status: 'unchecked', ok: false, problems: [], notes: [] };
  const read = graphEnds(graph);
  if (read.kind !== 'ready') {
    return { status: read.kind, ok: false, problems: [read.problem], notes: [] };
  }
  if (data.count === 0) {
    return mismatch([
      {
        message: `The data set "${data.title}" has no examples.`,
        fix: 'Pick or import a data set with at least a few rows.',
      },
    ]);
  }
  const ends = read.ends;
  const first = plan(data, ends);
  if (first.ok) {
    // The trainer takes the data, but a warning that ruins training must not read as "fits".
    const ruinous = ruinousProblems(ends);
    if (ruinous.length > 0) return mismatch(ruinous);
    return { status: 'fits', ok: true, problems: [], notes: fitNotes(data, ends) };
  }

  const inputFix = inputChange(data, ends);
  if (!inputFix) return mismatch([outputProblem(data, ends, first.message)]);
  const fixed = graphEnds(withInput(ends.document, ends.input.id, inputFix.form, inputFix.shape));
  // Layers made for another kind of data (an LSTM fed a list of numbers) would then break.
  const layersToo =
    // (Tokens always need the Embedding the fix already asks for.)
    fixed.kind === 'unchecked' && inputFix.form !== 'tokens'
      ? ` The layers after it would then need changing as well, so a data set shaped like [${ends.inputInfo.shape.join(', ')}] may suit this network better.`
      : '';
  const inputProblem: FitProblem = {
    message: diagnosis(first.message),
    fix: `${inputFix.fix}${layersToo}`,
  };
  // Applying the Input change only helps when the rest of the network still works with it.
  if (inputFix.params && fixed.kind === 'ready') {
    inputProblem.edit = { nodeId: ends.input.id, params: inputFix.params };
  }
  const problems: FitProblem[] = [inputProblem];
  if (fixed.kind === 'ready') {
    const second = plan(data, fixed.ends);
    if (!second.ok && !inputChange(data, fixed.ends)) {
      problems.push(outputProblem(data, fixed.ends, second.message));
    }
  }
  return mismatch(problems);
}

/**
 * The network's warnings that would make training pointless (see ruinousWarnings), each
 * split into what is wrong and its fix; a final activation that does not suit the loss can
 * be fixed with one edit of the last Dense.
 */
function ruinousProblems(ends: GraphEnds): FitProblem[] {
  return ruinousWarnings(analyzeGraph(ends.document).issues).map((warning) => {
    const problem = splitAdvice(warning.message);
    if (warning.code !== 'output.loss-activation') return problem;
    const wanted = ACTIVATIONS_FOR_LOSS[ends.loss];
    const dense = lastDense(ends);
    // Only when the warning is about that Dense's own activation (no Activation layer after it).
    const itsOwn = dense && warning.message.includes(`${nodeDisplayName(dense)} ends with`);
    if (!dense || !itsOwn || wanted === 'any' || !wanted[0]) return problem;
    return { ...problem, edit: { nodeId: dense.id, params: { activation: wanted[0] } } };
  });
}

function mismatch(problems: FitProblem[]): DatasetFit {
  return { status: 'mismatch', ok: false, problems, notes: [] };
}

function plan(data: DatasetInfo, ends: GraphEnds) {
  return planTargets(
    data,
    { name: ends.inputName, info: ends.inputInfo },
    { name: ends.outputName, task: ends.task, loss: ends.loss, shape: ends.outputShape },
  );
}

/** What the trainer will tell the user when it reads the data (the same wording). */
function fitNotes(data: DatasetInfo, ends: GraphEnds): string[] {
  const note = readingNote(data.featureShape, ends.inputInfo.shape, ends.inputName);
  return note ? [note] : [];
}

type InputForm = 'vector' | 'image' | 'sequence' | 'tokens';

interface InputChange {
  readonly form: InputForm;
  readonly shape: number[];
  readonly fix: string;
  /** The Input params that make the change (the fix's first choice), when it is only that. */
  readonly params?: Record<string, unknown>;
}

/**
 * The Input settings that would take this data set, when the Input is what does not fit
 * (the same three checks, in the same order, as the trainer's).
 */
function inputChange(data: DatasetInfo, ends: GraphEnds): InputChange | undefined {
  const info: TensorInfo = ends.inputInfo;
  const dataShape = [...data.featureShape];
  const name = ends.inputName;
  const currentForm = ends.input.params['form'] as InputForm;
  if (data.featureType === 'int32' && info.dtype !== 'int32') {
    return {
      form: 'tokens',
      shape: dataShape,
      // Not applicable as one edit: the Embedding has to be added too.
      fix: `Set the form of ${name} to "tokens" and its shape to [${dataShape.join(', ')}], and put an Embedding after it.`,
    };
  }
  const sameShape =
    shapesEqual(dataShape, info.shape) || readingOf(dataShape, info.shape) !== undefined;
  if (data.featureType === 'float32' && info.dtype === 'int32') {
    const form = formForShape(dataShape);
    return {
      form,
      shape: dataShape,
      fix: `Set the form of ${name} to "${form}"${sameShape ? '' : ` and its shape to [${dataShape.join(', ')}]`}, or pick a text data set.`,
      params: sameShape ? { form } : { form, shape: dataShape },
    };
  }
  if (sameShape) return undefined;
  if (currentForm === 'vector' && dataShape.length > 1) {
    // An MLP keeps its layers if it reads each example as one flat list.
    const flat = dataShape.reduce((a, b) => a * b, 1);
    return {
      form: 'vector',
      shape: [flat],
      fix: `Set the shape of ${name} to [${flat}] (each ${dataShape.join('×')} example read as one list), or set its form to "${formForShape(dataShape)}" and its shape to [${dataShape.join(', ')}].`,
      params: { shape: [flat] },
    };
  }
  const form = data.featureType === 'int32' ? 'tokens' : formForShape(dataShape);
  return {
    form,
    shape: dataShape,
    fix:
      form === currentForm
        ? `Set the shape of ${name} to [${dataShape.join(', ')}].`
        : `Set the form of ${name} to "${form}" and its shape to [${dataShape.join(', ')}].`,
    params: form === currentForm ? { shape: dataShape } : { form, shape: dataShape },
  };
}

function formForShape(shape: readonly number[]): InputForm {
  return shape.length === 3 ? 'image' : shape.length === 2 ? 'sequence' : 'vector';
}

function withInput(
  document: GraphDocument,
  inputId: string,
  form: InputForm,
  shape: number[],
): GraphDocument {
  return {
    ...document,
    nodes: document.nodes.map((node) =>
      node.id === inputId ? { ...node, params: { ...node.params, form, shape } } : node,
    ),
  };
}

/** The trainer's message up to its advice: what does not fit, with the names and numbers. */
function diagnosis(message: string): string {
  return splitAdvice(message).message;
}

const ADVICE = /^(.*?[.;])\s+((?:Change|Set|Make|Give|Add|Use|Pick|Put|Choose)\b.*)$/s;

export function splitAdvice(message: string): FitProblem {
  const match = ADVICE.exec(message);
  if (!match) {
    return {
      message,
      fix: 'Change the network in the Network tab, or pick a data set that fits it.',
    };
  }
  return { message: match[1]!, fix: match[2]! };
}

/**
 * A problem at the Output, with the change spelled out for the layer concerned when the
 * network ends in a Dense (the usual case); otherwise the trainer's own advice.
 */
function outputProblem(data: DatasetInfo, ends: GraphEnds, message: string): FitProblem {
  const engine = splitAdvice(message);
  const out = ends.outputName;
  if (ends.task === 'reconstruction') return engine;
  if (data.task === 'regression' && ends.task === 'classification') {
    return {
      message: engine.message,
      fix: `Set the task of ${out} to regression and its loss to ${LOSS_TITLES.meanSquaredError}.`,
      edit: { nodeId: ends.output.id, params: { task: 'regression', loss: 'meanSquaredError' } },
    };
  }
  const classes = data.classNames?.length ?? data.targetSize;
  if (data.task === 'classification' && ends.task === 'regression') {
    return {
      message: engine.message,
      fix: `Set the task of ${out} to classification and its loss to ${LOSS_TITLES.categoricalCrossentropy}.`,
      edit: {
        nodeId: ends.output.id,
        params: { task: 'classification', loss: 'categoricalCrossentropy' },
      },
    };
  }
  const dense = lastDense(ends);
  if (!dense || ends.outputShape.length !== 1) return engine;
  const denseName = nodeDisplayName(dense);
  if (data.task === 'regression') {
    return {
      message: engine.message,
      fix: `Set ${denseName} to ${plural(data.targetSize, 'unit')}, one per number to predict, with a linear activation.`,
      edit: { nodeId: dense.id, params: { units: data.targetSize, activation: 'linear' } },
    };
  }
  const units = ends.outputShape[0];
  if (units === classes) return engine;
  if (units === 1 && classes === 2) {
    // Its first choice changes two layers, so it is not offered as one edit.
    return {
      message: engine.message,
      fix: `Set the loss of ${out} to ${LOSS_TITLES.binaryCrossentropy} (with a sigmoid activation on ${denseName}), or set ${denseName} to 2 units, one per class.`,
    };
  }
  return {
    message: engine.message,
    fix: `Set ${denseName} to ${classes} units, one per class${classes === 2 ? ', or to 1 unit with a sigmoid activation and binary cross-entropy' : ''}.`,
    edit: { nodeId: dense.id, params: { units: classes } },
  };
}
