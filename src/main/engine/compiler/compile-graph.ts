import { STEP_LAYER_CLASS } from '../../../shared/catalog/activations';
import { findKind } from '../../../shared/catalog/registry';
import type { TfLayerSpec } from '../../../shared/catalog/types';
import type { GraphDocument } from '../../../shared/graph/document';
import { isTrainable, nodeDisplayName } from '../../../shared/graph/document';
import type { GraphAnalysis, GraphIssue } from '../../../shared/inference/analyze';
import { analyzeGraph } from '../../../shared/inference/analyze';
import type { TensorInfo } from '../../../shared/shapes/shape';
import { tf } from '../tf';
import { keepsAveragedStatistics } from '../../../shared/catalog/averaged-statistics';
import { freezeLayer } from './freeze';
import { createLayer } from './layer-factory';

export interface CompileOptions {
  /** Makes every initializer and noise layer reproducible. Omit for fresh random weights. */
  readonly seed?: number;
  /**
   * The network is a lone perceptron unit that learns by the perceptron rule: its step passes
   * the gradient straight through. Everywhere else a step has its true derivative, 0.
   */
  readonly perceptronRule?: boolean;
  /**
   * The last layer's softmax or sigmoid becomes a layer of its own (`<node>_activation`, no
   * weights), so that looking inside can read a class's score before it. Outputs are the same.
   */
  readonly separateOutputActivation?: boolean;
}

/** The name suffix of the last layer's softmax or sigmoid when it is kept apart. */
export const OUTPUT_ACTIVATION_SUFFIX = '_output_activation';

/** Activations whose input, a class's score, looking inside explains. */
const SCORE_ACTIVATIONS = new Set(['softmax', 'sigmoid']);

export interface CompiledGraph {
  readonly model: tf.LayersModel;
  readonly analysis: GraphAnalysis;
  /** Node id → the TF.js layer names it became (the main layer first). */
  readonly layersByNode: ReadonlyMap<string, readonly string[]>;
  /** Node ids of the model's inputs and outputs, in the model's order. */
  readonly inputNodeIds: readonly string[];
  readonly outputNodeIds: readonly string[];
}

/** Thrown when a graph with errors is compiled; carries the same issues the editor shows. */
export class GraphCompileError extends Error {
  constructor(readonly issues: readonly GraphIssue[]) {
    super(
      `The network has ${issues.length} error${issues.length === 1 ? '' : 's'}:\n` +
        issues.map((i) => `  - ${i.message}`).join('\n'),
    );
    this.name = 'GraphCompileError';
  }
}

/**
 * Builds the TF.js functional model of a graph. The graph is analysed again first (main
 * never trusts an earlier analysis), so TF.js only ever sees a network that fits together.
 * Layer names are the node ids, so feature maps, saliency and export can find them.
 */
export function compileGraph(document: GraphDocument, options: CompileOptions = {}): CompiledGraph {
  const analysis = analyzeGraph(document);
  const errors = analysis.issues.filter((i) => i.severity === 'error');
  if (errors.length > 0) throw new GraphCompileError(errors);

  const byId = new Map(document.nodes.map((n) => [n.id, n]));
  const produced = new Map<string, tf.SymbolicTensor>();
  const layersByNode = new Map<string, string[]>();
  const inputs = new Map<string, tf.SymbolicTensor>();
  const outputs = new Map<string, tf.SymbolicTensor>();
  const edgeInto = new Map(document.edges.map((e) => [`${e.target.node}:${e.target.port}`, e]));

  for (const nodeId of analysis.order) {
    const node = byId.get(nodeId)!;
    const kind = findKind(node.kind)!;
    const ports = kind.inputPorts(node.params);
    // The analysis guarantees every port is fed exactly once by a node earlier in the order.
    const sources = ports.map((port) => edgeInto.get(`${nodeId}:${port.id}`)!.source.node);
    const incoming = sources.map((id) => produced.get(id)!);
    const incomingInfo: TensorInfo[] = sources.map((id) => analysis.nodes.get(id)!.output!);

    if (kind.role === 'output') {
      outputs.set(nodeId, incoming[0]!);
      continue;
    }
    const feedsOutput = document.edges.some(
      (e) => e.source.node === nodeId && findKind(byId.get(e.target.node)!.kind)!.role === 'output',
    );
    const specs =
      options.separateOutputActivation && feedsOutput
        ? withSeparateActivation(kind.toTfjs(node.params, incomingInfo))
        : kind.toTfjs(node.params, incomingInfo);
    if (kind.role === 'input') {
      const config = specs[0]!.config as { shape: number[]; dtype: 'float32' | 'int32' };
      const tensor = tf.input({ shape: config.shape, dtype: config.dtype, name: nodeId });
      inputs.set(nodeId, tensor);
      produced.set(nodeId, tensor);
      layersByNode.set(nodeId, [nodeId]);
      continue;
    }
    let current: tf.SymbolicTensor | tf.SymbolicTensor[] =
      incoming.length === 1 ? incoming[0]! : incoming;
    const names: string[] = [];
    const frozen = !isTrainable(node);
    const predictsWhileTraining =
      frozen && keepsAveragedStatistics(kind, node.params, incomingInfo);
    for (const spec of specs) {
      const name = `${nodeId}${spec.nameSuffix ?? ''}`;
      const layer = createLayer(withStepGradient(spec, options), name, options.seed);
      if (frozen) freezeLayer(layer, predictsWhileTraining);
      current = layer.apply(current) as tf.SymbolicTensor;
      names.push(name);
    }
    if (Array.isArray(current)) {
      throw new Error(`${nodeDisplayName(node)} did not produce a single output tensor.`);
    }
    produced.set(nodeId, current);
    layersByNode.set(nodeId, names);
  }

  const inputNodeIds = document.nodes.filter((n) => inputs.has(n.id)).map((n) => n.id);
  const outputNodeIds = document.nodes.filter((n) => outputs.has(n.id)).map((n) => n.id);
  const model = tf.model({
    inputs: inputNodeIds.map((id) => inputs.get(id)!),
    outputs: outputNodeIds.map((id) => outputs.get(id)!),
    name: modelName(document.metadata.name),
  });
  return { model, analysis, layersByNode, inputNodeIds, outputNodeIds };
}

function modelName(title: string): string {
  const slug = title.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
  return slug.length > 0 ? slug.slice(0, 64) : 'network';
}

/** The main layer's inline softmax or sigmoid, moved into a layer of its own after the others. */
function withSeparateActivation(specs: readonly TfLayerSpec[]): TfLayerSpec[] {
  const last = specs[specs.length - 1];
  const activation = last?.config['activation'];
  if (!last || typeof activation !== 'string' || !SCORE_ACTIVATIONS.has(activation)) {
    return [...specs];
  }
  return [
    ...specs.slice(0, -1),
    { ...last, config: { ...last.config, activation: 'linear' } },
    {
      className: 'Activation',
      config: { activation },
      nameSuffix: OUTPUT_ACTIVATION_SUFFIX,
    },
  ];
}

function withStepGradient(spec: TfLayerSpec, options: CompileOptions): TfLayerSpec {
  if (spec.className !== STEP_LAYER_CLASS || !options.perceptronRule) return spec;
  return { ...spec, config: { ...spec.config, perceptronRule: true } };
}
