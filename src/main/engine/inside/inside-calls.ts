import type {
  DecisionBoundary,
  LatentSpace,
  ExampleRef,
  ExamplesPage,
  Explanation,
  LayerValues,
  ModelRef,
  Prediction,
} from '../../../shared/inside/inside-schemas';
import { MAX_LAYER_VALUES } from '../../../shared/inside/inside-schemas';
import type { WorkerParsedInput } from '../../../shared/worker/requests';
import { exampleFromValues } from '../../data/single-example';
import { gatherFeatures } from '../training/batches';
import { decisionBoundary } from './boundary';
import { explainExample } from './explain';
import { latentSpace } from './latent';
import { InsideError } from './inside-error';
import type { InsideModel } from './inside-model';
import { innerNodes, nodeById, predictedClass } from './inside-model';
import { nodeDisplayName } from '../../../shared/graph/document';
import { findKind } from '../../../shared/catalog/registry';
import { runDataOf, openModel } from './model-cache';
import { predictRows, predictValues } from './predict';
import { DATA_PARTS, partOf } from './run-data';
import { nodeValue } from './run-graph';

/** What the serving process answers about a trained model (the `inside.*` worker calls). */

function predictedClassOf(model: InsideModel, output: readonly number[]): number | undefined {
  return model.task === 'classification' ? predictedClass(output) : undefined;
}

/** One example's values: a row of the run's data, or values typed or drawn by the student. */
async function valuesOf(ref: ModelRef, example: ExampleRef): Promise<Float32Array | Int32Array> {
  const model = await openModel(ref);
  if ('values' in example) {
    return exampleFromValues(example.values.join(','), model.inputShape, model.inputDtype);
  }
  const { source, rows } = partOf(await runDataOf(ref), example.part);
  const row = rows[example.index];
  if (row === undefined) {
    throw new InsideError(
      'bad-input',
      `The ${example.part} part has ${rows.length} examples; there is no example ${example.index + 1}.`,
    );
  }
  return gatherFeatures(source, [row]);
}

export async function insideExamples(
  input: WorkerParsedInput<'inside.examples'>,
): Promise<ExamplesPage> {
  const model = await openModel(input.model);
  const data = await runDataOf(input.model);
  const { source, rows } = partOf(data, input.part);
  const page = rows.subarray(input.offset, Math.min(rows.length, input.offset + input.limit));
  const outputs = predictRows(model, source, page);
  const size = model.inputShape.reduce((a, b) => a * b, 1);
  const targetSize = data.dataset.info.targetSize;
  const examples = Array.from(page, (row, i) => {
    const values = Array.from(gatherFeatures(source, [row]));
    const output = outputs[i]!;
    const predicted = predictedClassOf(model, output);
    const table = source.table;
    return {
      index: input.offset + i,
      values: values.length === size ? values : [],
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
    parts: DATA_PARTS.filter((name) => data.parts[name] !== undefined),
    count: rows.length,
    inputShape: [...model.inputShape],
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

export async function insidePredict(
  input: WorkerParsedInput<'inside.predict'>,
): Promise<Prediction> {
  const model = await openModel(input.model);
  const values = await valuesOf(input.model, input.example);
  const output = predictValues(model, values, 1)[0]!;
  const predicted = predictedClassOf(model, output);
  return { output, ...(predicted !== undefined ? { predicted } : {}) };
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

export async function insideLatent(
  input: WorkerParsedInput<'inside.latent'>,
): Promise<LatentSpace> {
  const model = await openModel(input.model);
  return latentSpace(model, await runDataOf(input.model), input);
}
