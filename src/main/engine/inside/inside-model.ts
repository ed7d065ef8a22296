import { nodesWithRole } from '../../../shared/catalog/roles';
import { findKind } from '../../../shared/catalog/registry';
import type { Loss, Task } from '../../../shared/catalog/losses';
import type { GraphDocument, GraphNode } from '../../../shared/graph/document';
import { formatShape } from '../../../shared/shapes/shape';
import type { CompiledGraph } from '../compiler/compile-graph';
import { compileGraph } from '../compiler/compile-graph';
import { tf } from '../tf';
import { predictedClasses } from '../training/metrics';
import { decisionThreshold } from '../../data/target-plan';
import { InsideError } from './inside-error';

/** A model's trained weights as a saved model holds them: the manifest entries and the bytes. */
export interface SavedWeights {
  readonly specs: readonly tf.io.WeightsManifestEntry[];
  readonly data: ArrayBuffer;
}

/**
 * The weights of a saved TF.js layers model: the manifest of its model.json and the bytes of
 * its weights.bin. `where` names the model in the refusal when model.json is not one.
 */
export function savedWeights(
  modelJson: Uint8Array,
  weightsBin: Uint8Array,
  where: string,
): SavedWeights {
  let topology: { weightsManifest?: { weights?: SavedWeights['specs'] }[] };
  try {
    topology = JSON.parse(Buffer.from(modelJson).toString('utf8')) as typeof topology;
  } catch (error) {
    throw new InsideError(
      'mismatch',
      `The model.json of ${where} is not valid JSON (${(error as Error).message}).`,
    );
  }
  const specs = topology.weightsManifest?.flatMap((group) => group.weights ?? []);
  if (!specs) {
    throw new InsideError(
      'mismatch',
      `The model.json of ${where} has no weights manifest: it is not a TF.js layers model.`,
    );
  }
  const data = weightsBin.buffer.slice(
    weightsBin.byteOffset,
    weightsBin.byteOffset + weightsBin.byteLength,
  ) as ArrayBuffer;
  return { specs, data };
}

/**
 * The class a classifier's outputs pick, by training's own rule: the largest output, or for
 * one output class 1 from `threshold` on (0.5 for a probability, 0 for a hinge score).
 */
export function predictedClass(output: readonly number[], threshold: number): number {
  return predictedClasses(Float32Array.from(output), output.length, threshold)[0]!;
}

/** The seed a network's initial weights come from when it has no trained weights. */
export const INITIAL_WEIGHTS_SEED = 42;

/**
 * A network ready to be looked into: compiled with its trained weights (or the weights its
 * initializers give, so an untrained network can be evaluated too), with what each node reads.
 */
export interface InsideModel {
  readonly document: GraphDocument;
  readonly compiled: CompiledGraph;
  readonly input: GraphNode;
  /** One example's shape at the Input, and what it holds (int32 for word ids). */
  readonly inputShape: readonly number[];
  readonly inputDtype: 'float32' | 'int32';
  readonly output: GraphNode;
  readonly task: Task;
  readonly loss: Loss;
  /** Where one output's score turns to class 1 (0.5, or 0 for hinge losses). */
  readonly threshold: number;
  /** The node whose value the Output receives. */
  readonly lastNodeId: string;
  /** Node id → the nodes feeding its input ports, in port order. */
  readonly sources: ReadonlyMap<string, readonly string[]>;
  /** Whether trained weights were loaded (otherwise the initializers' weights, seeded). */
  readonly trained: boolean;
  dispose(): void;
}

/**
 * Compiles the network and loads its weights by name. The last layer's softmax or sigmoid is
 * kept as a layer of its own, so a class's score before it (the notes' o_m) can be explained.
 */
export function openInsideModel(
  document: GraphDocument,
  weights?: SavedWeights,
  seed = INITIAL_WEIGHTS_SEED,
): InsideModel {
  const inputs = nodesWithRole(document, 'input');
  const outputs = nodesWithRole(document, 'output');
  if (inputs.length !== 1 || outputs.length !== 1) {
    throw new InsideError(
      'unsupported',
      `Looking inside needs a network with one Input and one Output; this one has ${inputs.length} and ${outputs.length}.`,
    );
  }
  const compiled = compileGraph(document, { seed, separateOutputActivation: true });
  try {
    if (weights) loadWeights(compiled, weights);
  } catch (error) {
    compiled.model.dispose();
    throw error;
  }
  const input = inputs[0]!;
  const output = outputs[0]!;
  const info = compiled.analysis.nodes.get(input.id)!.output!;
  const sources = new Map<string, string[]>();
  for (const node of document.nodes) {
    const ports = findKind(node.kind)!.inputPorts(node.params);
    sources.set(
      node.id,
      ports.map(
        (port) =>
          document.edges.find((e) => e.target.node === node.id && e.target.port === port.id)!.source
            .node,
      ),
    );
  }
  return {
    document,
    compiled,
    input,
    inputShape: info.shape as number[],
    inputDtype: info.dtype === 'int32' ? 'int32' : 'float32',
    output,
    task: output.params['task'] as Task,
    loss: output.params['loss'] as Loss,
    threshold: decisionThreshold(output.params['loss'] as Loss),
    lastNodeId: sources.get(output.id)![0]!,
    sources,
    trained: weights !== undefined,
    dispose: () => compiled.model.dispose(),
  };
}

/** Writes the saved tensors into the compiled model's variables, matched by name and shape. */
export function loadWeights(compiled: CompiledGraph, weights: SavedWeights): void {
  const saved = tf.io.decodeWeights(weights.data, [...weights.specs]);
  try {
    const variables = compiled.model.weights;
    const missing = variables.filter((variable) => !(variable.originalName in saved));
    if (missing.length > 0) {
      throw new InsideError(
        'mismatch',
        `The saved weights do not belong to this network: it has ${missing
          .slice(0, 3)
          .map((v) => `"${v.originalName}"`)
          .join(
            ', ',
          )}${missing.length > 3 ? ', …' : ''}, which the weights file lacks. Use the network the model was trained with.`,
      );
    }
    for (const variable of variables) {
      const tensor = saved[variable.originalName]!;
      if (tensor.shape.join(',') !== variable.shape.join(',')) {
        throw new InsideError(
          'mismatch',
          `The saved weights do not fit this network: "${variable.originalName}" is ${formatShape(tensor.shape)} in the weights file but ${formatShape(variable.shape)} in the network. Use the network the model was trained with.`,
        );
      }
      variable.write(tensor);
    }
  } finally {
    Object.values(saved).forEach((tensor) => tensor.dispose());
  }
}

/** The nodes a student can look at, in the order the network computes them. */
export function innerNodes(model: InsideModel): GraphNode[] {
  const byId = new Map(model.document.nodes.map((node) => [node.id, node]));
  return model.compiled.analysis.order
    .map((id) => byId.get(id)!)
    .filter((node) => findKind(node.kind)!.role === 'layer');
}

/** The node of this id, or a sentence that lists the ones there are. */
export function nodeById(model: InsideModel, id: string): GraphNode {
  const node = model.document.nodes.find((n) => n.id === id);
  if (node) return node;
  const names = innerNodes(model).map((n) => `"${n.id}"`);
  throw new InsideError(
    'bad-input',
    `The network has no layer "${id}". Its layers are ${names.join(', ')}; name one by its id.`,
  );
}
