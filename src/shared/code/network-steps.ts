import { findKind } from '../catalog/registry';
import type { NodeRole, TfLayerSpec, WeightTensor } from '../catalog/types';
import type { GraphDocument } from '../graph/document';
import { isTrainable } from '../graph/document';
import type { GraphAnalysis, GraphIssue } from '../inference/analyze';
import { analyzeGraph } from '../inference/analyze';
import type { TensorInfo } from '../shapes/shape';

/**
 * One node of a network as code sees it: what it is, what feeds it, and the Keras layers it
 * is made of. Code generators (Keras, PyTorch) and the exporters read networks this way, so
 * they agree on names and order.
 */
export interface NetworkStep {
  readonly nodeId: string;
  readonly kind: string;
  readonly role: NodeRole;
  /**
   * A Python identifier for the node, unique in the network: its id where that already is
   * one (node ids are also the TF.js layer names, so every export names a layer alike).
   */
  readonly name: string;
  /** The student's label for the node, or its id: for comments beside the code. */
  readonly title: string;
  /**
   * False when the student froze the node: training leaves its weights as they are (and a
   * normalization layer keeps and uses its moving statistics).
   */
  readonly trainable: boolean;
  /** The names of the steps feeding this one, in the order of its input ports. */
  readonly inputs: readonly string[];
  readonly inputInfo: readonly TensorInfo[];
  /** What the node gives out, without the batch (an Output passes its input on). */
  readonly output: TensorInfo;
  /**
   * The Keras layers the node becomes, first the main one (named `name`), then any split-off
   * activation (named `name` + its suffix). For an Input, its InputLayer; none for an Output.
   */
  readonly layers: readonly TfLayerSpec[];
  /**
   * The node's weight tensors, as the catalog lays them out: in the order TF.js creates and
   * saves them, which is also the order Keras' `set_weights` takes. Each names the layer of
   * `layers` it lives in by that layer's `nameSuffix`.
   */
  readonly weights: readonly WeightTensor[];
}

export interface NetworkSteps {
  /** In an order in which each step comes after the steps feeding it. */
  readonly steps: readonly NetworkStep[];
  readonly inputs: readonly NetworkStep[];
  readonly outputs: readonly NetworkStep[];
  /**
   * One input, one output, and every step fed by the one just before it: Keras' Sequential
   * API and an nn.Sequential can hold it.
   */
  readonly isChain: boolean;
}

export type NetworkStepsOutcome =
  | ({ readonly ok: true } & NetworkSteps)
  | { readonly ok: false; readonly problems: readonly GraphIssue[] };

/**
 * Python's keywords, and the names generated code uses for itself (modules, the model, the
 * weights file, Neurite's own activations), which a layer's name must not hide.
 */
const RESERVED_NAMES = new Set(
  (
    'False None True and as assert async await break class continue def del elif else except ' +
    'finally for from global if import in is lambda nonlocal not or pass raise return try ' +
    'while with yield input print self model x ' +
    'keras layers np numpy Path trained binary_step hard_tanh'
  ).split(' '),
);

/**
 * The network as steps, or the errors that stop it being one (the same the editor shows).
 * Pure: the editor's Code panel calls it on every edit.
 */
export function networkSteps(
  document: GraphDocument,
  analysis: GraphAnalysis = analyzeGraph(document),
): NetworkStepsOutcome {
  const problems = analysis.issues.filter((issue) => issue.severity === 'error');
  if (problems.length > 0) return { ok: false, problems };

  const byId = new Map(document.nodes.map((node) => [node.id, node]));
  const names = pythonNames(analysis.order);
  const feeding = new Map(document.edges.map((e) => [`${e.target.node}:${e.target.port}`, e]));
  const steps: NetworkStep[] = [];
  for (const nodeId of analysis.order) {
    const node = byId.get(nodeId)!;
    const kind = findKind(node.kind)!;
    // The analysis found no errors, so every port is fed by a node earlier in the order.
    const sources = kind
      .inputPorts(node.params)
      .map((port) => feeding.get(`${nodeId}:${port.id}`)!.source.node);
    const inputInfo = sources.map((id) => analysis.nodes.get(id)!.output!);
    const output = analysis.nodes.get(nodeId)!.output ?? inputInfo[0]!;
    steps.push({
      nodeId,
      kind: node.kind,
      role: kind.role,
      name: names.get(nodeId)!,
      title: node.label?.trim() || nodeId,
      trainable: isTrainable(node),
      inputs: sources.map((id) => names.get(id)!),
      inputInfo,
      output,
      layers: kind.role === 'output' ? [] : kind.toTfjs(node.params, inputInfo),
      weights: kind.weights?.tensors(node.params, inputInfo) ?? [],
    });
  }
  // Inputs and outputs in document order, as the compiled model orders them.
  const inDocumentOrder = (role: NodeRole) =>
    document.nodes
      .map((node) => steps.find((step) => step.nodeId === node.id && step.role === role))
      .filter((step): step is NetworkStep => step !== undefined);
  const inputs = inDocumentOrder('input');
  const outputs = inDocumentOrder('output');
  const isChain =
    inputs.length === 1 &&
    outputs.length === 1 &&
    steps.every(
      (step, i) => i === 0 || (step.inputs.length === 1 && step.inputs[0] === steps[i - 1]!.name),
    ) &&
    steps.every((step) => steps.filter((other) => other.inputs.includes(step.name)).length <= 1);
  return { ok: true, steps, inputs, outputs, isChain };
}

/** Node id → a Python identifier, unique among them. */
function pythonNames(nodeIds: readonly string[]): Map<string, string> {
  const taken = new Set<string>();
  const names = new Map<string, string>();
  for (const id of nodeIds) {
    let base = id.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '') || 'layer';
    if (/^\d/.test(base) || RESERVED_NAMES.has(base)) base = `layer_${base}`;
    let name = base;
    for (let n = 2; taken.has(name); n += 1) name = `${base}_${n}`;
    taken.add(name);
    names.set(id, name);
  }
  return names;
}
