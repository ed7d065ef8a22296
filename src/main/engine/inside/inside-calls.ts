import type {
  DecisionBoundary,
  LatentSpace,
  ExampleRef,
  ExamplesPage,
  Explanation,
  FeatureImportance,
  LayerValues,
  LayerWeights,
  ModelRef,
  PartConfusion,
  Prediction,
} from '../../../shared/inside/inside-schemas';
import { MAX_EXAMPLE_VALUES, MAX_LAYER_VALUES } from '../../../shared/inside/inside-schemas';
import type { RunFigures } from '../../../shared/labs/lab-api';
import type { WorkerParsedInput } from '../../../shared/worker/requests';
import { exampleFromImage, exampleFromText, exampleFromValues } from '../../data/single-example';
import { gatherFeatures } from '../training/batches';
import { decisionBoundary } from './boundary';
import { explainExample } from './explain';
import { latentSpace } from './latent';
import { InsideError } from './inside-error';
import type { InsideModel } from './inside-model';
import { innerNodes, nodeById, openInsideModel, predictedClass } from './inside-model';
import { layerWeights } from './weights';
import { loadStartingWeights, readStartingWeights } from '../training/starting-weights';
import { featureImportance } from './importance';
import { nodeDisplayName } from '../../../shared/graph/document';
import { findKind } from '../../../shared/catalog/registry';
import { checkSelectable, partConfusion, selectPositions } from './example-selection';
import { runDataOf, openModel, partOutputs } from './model-cache';
import { evaluateModel } from './evaluate-model';
import { predictRows, predictValues } from './predict';
import { DATA_PARTS, partOf } from './run-data';
import { nodeValue } from './run-graph';

/** What the serving process answers about a trained model (the `inside.*` worker calls). */

function predictedClassOf(model: InsideModel, output: readonly number[]): number | undefined {
  return model.task === 'classification' ? predictedClass(output, model.threshold) : undefined;
}

/** What the network reads for one example, and for a sentence the words it was made of. */
interface ExampleInput {
  readonly values: Float32Array | Int32Array;
  readonly words?: string[];
  readonly unknownWords?: string[];
  readonly unreadWords?: number;
}

/**
 * One example's values: a row of the run's data, or one made by the student (typed, drawn,
 * an image file or a sentence), read exactly as the command line reads one.
 */
async function inputOf(ref: ModelRef, example: ExampleRef): Promise<ExampleInput> {
  const model = await openModel(ref);
  if ('values' in example) {
    return {
      values: exampleFromValues(example.values.join(','), model.inputShape, model.inputDtype),
    };
  }
  if ('image' in example) {
    const bytes = Buffer.from(example.image, 'base64');
    return { values: exampleFromImage(bytes, example.fileName, model.inputShape) };
  }
  if ('text' in example) {
    const vocabulary = (await runDataOf(ref)).dataset.vocabulary?.();
    const read = exampleFromText(example.text, vocabulary, model.inputShape);
    return {
      values: read.ids,
      words: read.words,
      unknownWords: read.unknown,
      unreadWords: read.unread,
    };
  }
  const { source, rows } = partOf(await runDataOf(ref), example.part);
  const row = rows[example.index];
  if (row === undefined) {
    throw new InsideError(
      'bad-input',
      `The ${example.part} part has ${rows.length} examples; there is no example ${example.index + 1}.`,
    );
  }
  return { values: gatherFeatures(source, [row]) };
}

async function valuesOf(ref: ModelRef, example: ExampleRef): Promise<Float32Array | Int32Array> {
  return (await inputOf(ref, example)).values;
}

export async function insideExamples(
  input: WorkerParsedInput<'inside.examples'>,
): Promise<ExamplesPage> {
  const model = await openModel(input.model);
  const data = await runDataOf(input.model);
  checkSelectable(data.plan.task, input.select, input.cell);
  const { source, rows } = partOf(data, input.part);
  const table = source.table;
  const whole = input.select !== 'all' || input.cell !== undefined;
  const outputsOfPart = whole ? await partOutputs(input.model, input.part) : undefined;
  const positions = outputsOfPart
    ? selectPositions(
        outputsOfPart,
        Array.from(rows, (row) => table.y[row]!),
        model.threshold,
        input.select,
        input.cell,
      )
    : undefined;
  const count = positions?.length ?? rows.length;
  const end = Math.min(count, input.offset + input.limit);
  const shown = Array.from({ length: Math.max(0, end - input.offset) }, (_, i) =>
    positions ? positions[input.offset + i]! : input.offset + i,
  );
  const pageRows = Int32Array.from(shown, (position) => rows[position]!);
  const outputs = outputsOfPart
    ? shown.map((position) => outputsOfPart[position]!)
    : predictRows(model, source, pageRows);
  const size = model.inputShape.reduce((a, b) => a * b, 1);
  const targetSize = data.dataset.info.targetSize;
  const examples = shown.map((position, i) => {
    const row = pageRows[i]!;
    const values = Array.from(gatherFeatures(source, [row]));
    const output = outputs[i]!;
    const predicted = predictedClassOf(model, output);
    return {
      index: position,
      // Too big to send (a large colour image): the page goes without the picture.
      values: values.length === size && size <= MAX_EXAMPLE_VALUES ? values : [],
      output,
      ...(predicted !== undefined ? { predicted } : {}),
      ...(data.plan.task === 'classification'
        ? { label: table.y[row]! }
        : data.plan.task === 'regression'
          ? { target: Array.from(table.y.subarray(row * targetSize, (row + 1) * targetSize)) }
          : {}),
    };
  });
  return {
    part: input.part,
    select: input.select,
    ...(input.cell ? { cell: input.cell } : {}),
    parts: DATA_PARTS.filter((name) => data.parts[name] !== undefined),
    count,
    inputShape: [...model.inputShape],
    readsWords: model.inputDtype === 'int32',
    scores: model.task === 'classification' && model.threshold === 0,
    ...pictureShapeOf(model.inputShape, data.dataset.info.featureShape),
    ...(data.dataset.info.classNames ? { classNames: data.dataset.info.classNames } : {}),
    ...(data.dataset.info.featureNames?.length === size
      ? { featureNames: data.dataset.info.featureNames }
      : {}),
    layers: innerNodes(model).map((node) => ({
      id: node.id,
      title: nodeDisplayName(node),
      shape: (model.compiled.analysis.nodes.get(node.id)!.output!.shape as number[]).slice(),
      convolution: findKind(node.kind)?.isConvolution === true,
    })),
    examples,
  };
}

export async function insideConfusion(
  input: WorkerParsedInput<'inside.confusion'>,
): Promise<PartConfusion> {
  const model = await openModel(input.model);
  const data = await runDataOf(input.model);
  checkSelectable(data.plan.task, 'mistakes', undefined);
  const outputs = await partOutputs(input.model, input.part);
  const { source, rows } = partOf(data, input.part);
  return partConfusion(
    input.part,
    outputs,
    model.threshold,
    Array.from(rows, (row) => source.table.y[row]!),
    data.dataset.info.classNames ?? [],
  );
}

/** Loss and metrics on a part of the model's data, as `neurite evaluate` prints them. */
export async function insideEvaluate(
  input: WorkerParsedInput<'inside.evaluate'>,
): Promise<RunFigures> {
  const model = await openModel(input.model);
  const { examples, loss, metrics } = await evaluateModel(
    model,
    await runDataOf(input.model),
    input.part,
  );
  return { examples, loss, metrics };
}

/** Whether a shape is an image's: height × width × 1 or 3. */
const isPicture = (shape: readonly number[]) =>
  shape.length === 3 && (shape[2] === 1 || shape[2] === 3);

/** The shape examples are drawn in: the Input's if an image, else the data's when it fits. */
function pictureShapeOf(
  inputShape: readonly number[],
  featureShape: readonly number[],
): { pictureShape?: number[] } {
  if (isPicture(inputShape)) return { pictureShape: [...inputShape] };
  const size = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);
  return isPicture(featureShape) && size(featureShape) === size(inputShape)
    ? { pictureShape: [...featureShape] }
    : {};
}

export async function insidePredict(
  input: WorkerParsedInput<'inside.predict'>,
): Promise<Prediction> {
  const model = await openModel(input.model);
  const read = await inputOf(input.model, input.example);
  const output = predictValues(model, read.values, 1)[0]!;
  const predicted = predictedClassOf(model, output);
  const made = 'image' in input.example || 'text' in input.example;
  return {
    output,
    ...(predicted !== undefined ? { predicted } : {}),
    ...(made ? { values: Array.from(read.values) } : {}),
    ...(read.words
      ? {
          words: read.words,
          unknownWords: read.unknownWords ?? [],
          ...(read.unreadWords ? { unreadWords: read.unreadWords } : {}),
        }
      : {}),
  };
}

export async function insideExplain(
  input: WorkerParsedInput<'inside.explain'>,
): Promise<Explanation> {
  const model = await openModel(input.model);
  const values = await valuesOf(input.model, input.example);
  return explainExample(model, values, input.options);
}

export async function insideLayer(input: WorkerParsedInput<'inside.layer'>): Promise<LayerValues> {
  const model = await openModel(input.model);
  nodeById(model, input.nodeId);
  const values = await valuesOf(input.model, input.example);
  const layer = nodeValue(model, values, input.nodeId);
  if (layer.values.length > MAX_LAYER_VALUES) {
    throw new InsideError(
      'too-large',
      `Layer "${input.nodeId}" outputs ${layer.values.length.toLocaleString('en-US')} values for one example, more than the ${MAX_LAYER_VALUES.toLocaleString('en-US')} Neurite shows at once.`,
    );
  }
  return { nodeId: input.nodeId, ...layer };
}

export async function insideBoundary(
  input: WorkerParsedInput<'inside.boundary'>,
): Promise<DecisionBoundary> {
  const model = await openModel(input.model);
  return decisionBoundary(model, await runDataOf(input.model), input.size);
}

export async function insideWeights(
  input: WorkerParsedInput<'inside.weights'>,
): Promise<LayerWeights> {
  const model = await openModel(input.model);
  // A run starts from the weights its seed gives; made again, they show what training moved.
  // k-fold trains one network per fold; the weights kept are the last fold's, whose start the
  // seed alone does not give.
  const config = input.model.training?.config;
  const seed = config && config.kFold === 0 ? config.seed : undefined;
  const initial =
    model.trained && seed !== undefined
      ? openInsideModel(model.document, undefined, seed)
      : undefined;
  try {
    // An imported project's run started from the model's weights where they fit its layers.
    if (initial && input.model.startingWeightsDir) {
      loadStartingWeights(
        initial.compiled,
        await readStartingWeights(input.model.startingWeightsDir),
      );
    }
    return layerWeights(model, initial);
  } finally {
    initial?.dispose();
  }
}

export async function insideImportance(
  input: WorkerParsedInput<'inside.importance'>,
): Promise<FeatureImportance> {
  const model = await openModel(input.model);
  return featureImportance(model, await runDataOf(input.model), input.part, input.limit);
}

export async function insideLatent(
  input: WorkerParsedInput<'inside.latent'>,
): Promise<LatentSpace> {
  const model = await openModel(input.model);
  return latentSpace(model, await runDataOf(input.model), input);
}
