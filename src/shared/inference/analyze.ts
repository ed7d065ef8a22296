import { findKind } from '../catalog/registry';
import { nodesWithRole, roleOf } from '../catalog/roles';
import type { LayerKind, NodeProblem, ParamCount, PortSpec } from '../catalog/types';
import { NO_PARAMS } from '../catalog/types';
import type { GraphDocument, GraphEdge, GraphNode } from '../graph/document';
import { isTrainable, nodeDisplayName } from '../graph/document';
import type { TensorInfo } from '../shapes/shape';
import { elementCount, formatShape } from '../shapes/shape';
import { finalActivation, lossActivationWarning } from './loss-fit';
import { stepUnitWarnings } from './perceptron';
import {
  BYTES_PER_VALUE,
  MAX_ELEMENTS_PER_SAMPLE,
  MAX_PARAMETER_BYTES,
  formatBytes,
  formatCount,
} from './memory';
import type { Arc } from './topology';
import { findCycle, reachableFrom, topologicalOrder } from './topology';

/** A problem anywhere in the graph, located by node and/or connection when it has a place. */
export interface GraphIssue extends NodeProblem {
  readonly nodeId?: string;
  readonly edgeId?: string;
}

/**
 * Issues that only say the network is not finished yet (nothing feeds a layer, a layer leads
 * nowhere, no Input or Output). A student builds in any order, so the editor never blocks an
 * edit because of these; they must be gone before training.
 */
export const INCOMPLETE_NETWORK_CODES: ReadonlySet<string> = new Set([
  'graph.no-input',
  'graph.no-output',
  'graph.not-fed',
  'graph.unused',
  'node.input-missing',
]);

export interface NodeAnalysis {
  readonly nodeId: string;
  /** Undefined when this node or one before it has an error. */
  readonly output?: TensorInfo;
  readonly params: ParamCount;
  readonly issues: readonly GraphIssue[];
}

export interface GraphAnalysis {
  readonly nodes: ReadonlyMap<string, NodeAnalysis>;
  /** Every issue, the node ones included, in document order. */
  readonly issues: readonly GraphIssue[];
  /** Nodes in the order they can be computed (inputs first); excludes nodes on cycles. */
  readonly order: readonly string[];
  readonly totals: {
    readonly trainable: number;
    readonly nonTrainable: number;
    readonly total: number;
    /** Bytes to hold the weights (float32). */
    readonly parameterBytes: number;
    /** Bytes of every layer's output for one example: multiply by the batch size. */
    readonly activationBytesPerSample: number;
  };
  readonly errorCount: number;
  readonly warningCount: number;
}

interface Wiring {
  readonly kinds: Map<string, LayerKind>;
  readonly ports: Map<string, readonly PortSpec[]>;
  /** target node id → input port id → the edge feeding it */
  readonly feeding: Map<string, Map<string, GraphEdge>>;
  readonly arcs: Arc[];
  /**
   * Every connection between existing nodes, refused ones included: connectivity is judged
   * on what the student drew, so one misplaced connection is one error, not a cascade.
   */
  readonly drawnArcs: Arc[];
  /** Nodes with a refused incoming connection: that error already says what to fix. */
  readonly refusedTargets: Set<string>;
}

/**
 * Validates the graph and infers every node's output shape and parameter count, exactly as
 * TF.js will build them. Pure and fast enough to run on every edit.
 */
export function analyzeGraph(document: GraphDocument): GraphAnalysis {
  const issues: GraphIssue[] = [];
  const nodeIssues = new Map<string, GraphIssue[]>(document.nodes.map((n) => [n.id, []]));
  const report = (issue: GraphIssue): void => {
    const list = issue.nodeId !== undefined ? nodeIssues.get(issue.nodeId) : undefined;
    if (list) list.push(issue);
    else issues.push(issue);
  };

  const byId = new Map(document.nodes.map((n) => [n.id, n]));
  const wiring = wire(document, byId, report);
  const nodeIds = document.nodes.map((n) => n.id);

  const inputs = nodesWithRole(document, 'input').map((n) => n.id);
  const outputs = nodesWithRole(document, 'output').map((n) => n.id);
  if (document.nodes.length > 0 && inputs.length === 0) {
    report(
      graphError(
        'graph.no-input',
        'The network has no Input. Drag an Input from the palette and connect it to the first layer.',
      ),
    );
  }
  if (document.nodes.length > 0 && outputs.length === 0) {
    report(
      graphError(
        'graph.no-output',
        'The network has no Output. Drag an Output from the palette and connect the last layer to it.',
      ),
    );
  }

  const { order, blocked } = topologicalOrder(nodeIds, wiring.arcs);
  reportCycle(nodeIds, wiring.arcs, blocked, byId, report);
  reportDisconnected(document, inputs, outputs, wiring.drawnArcs, blocked, report);

  const results = new Map<string, { output?: TensorInfo; params: ParamCount }>();
  for (const id of order) {
    const node = byId.get(id)!;
    results.set(id, inferNode(node, wiring, byId, results, report));
  }

  for (const id of outputs) {
    const node = byId.get(id)!;
    if (!results.get(id)?.output) continue;
    const producer = finalActivation(node, (n) => producerOf(n, wiring, byId));
    const warning = producer && lossActivationWarning(node, producer);
    if (warning) report({ ...warning, nodeId: id });
  }
  for (const { nodeId, warning } of stepUnitWarnings(document)) report({ ...warning, nodeId });
  const complete = outputs.length > 0 && outputs.every((id) => results.get(id)?.output);
  const learnable = [...results.values()].reduce((sum, r) => sum + r.params.trainable, 0);
  const kept = [...results.values()].reduce((sum, r) => sum + r.params.nonTrainable, 0);
  const hasFrozen = document.nodes.some((n) => !isTrainable(n)) && kept > 0;
  if (complete && learnable === 0) {
    // Inspect, the editor and the trainer agree: such a network trains by being evaluated.
    report({
      severity: 'warning',
      code: 'graph.no-weights',
      message: hasFrozen
        ? 'Every layer with weights is frozen, so training only measures how well the network does as it is. Unfreeze a layer (its "Trainable" switch) for it to learn.'
        : 'The network has no weights to learn, so training only measures how well it does as it is. Add a layer with weights (Dense, Conv2D, …) for it to learn.',
    });
  }

  return summarize(document, results, nodeIssues, issues, order);
}

function graphError(code: string, message: string): GraphIssue {
  return { severity: 'error', code, message };
}

function wire(
  document: GraphDocument,
  byId: Map<string, GraphNode>,
  report: (issue: GraphIssue) => void,
): Wiring {
  const kinds = new Map<string, LayerKind>();
  const ports = new Map<string, readonly PortSpec[]>();
  for (const node of document.nodes) {
    const kind = findKind(node.kind);
    if (!kind) {
      report({
        severity: 'error',
        code: 'node.unknown-kind',
        message: `${nodeDisplayName(node)} is not a kind of layer Neurite knows.`,
        nodeId: node.id,
      });
      continue;
    }
    kinds.set(node.id, kind);
    ports.set(node.id, kind.inputPorts(node.params));
  }
  const feeding = new Map<string, Map<string, GraphEdge>>();
  const arcs: Arc[] = [];
  const drawnArcs: Arc[] = [];
  const refusedTargets = new Set<string>();
  for (const edge of document.edges) {
    const source = byId.get(edge.source.node);
    const target = byId.get(edge.target.node);
    const sourceKind = kinds.get(edge.source.node);
    const targetKind = kinds.get(edge.target.node);
    if (!source || !target || !sourceKind || !targetKind) continue;
    drawnArcs.push({ from: source.id, to: target.id });
    if (!sourceKind.outputPorts.some((p) => p.id === edge.source.port)) {
      report({
        severity: 'error',
        code: 'edge.unknown-port',
        message: `A connection leaves ${nodeDisplayName(source)} from "${edge.source.port}", which it does not have${sourceKind.outputPorts.length === 0 ? ' (an Output has no outgoing connections)' : ''}. Delete the connection.`,
        nodeId: source.id,
        edgeId: edge.id,
      });
      continue;
    }
    const targetPorts = ports.get(target.id) ?? [];
    if (!targetPorts.some((p) => p.id === edge.target.port)) {
      report({
        severity: 'error',
        code: 'edge.unknown-port',
        message: `A connection enters ${nodeDisplayName(target)} at "${edge.target.port}", which it does not have${targetPorts.length === 0 ? ' (an Input takes no incoming connections)' : ` (it has ${targetPorts.map((p) => p.id).join(', ')})`}. Delete the connection or move it to a free input.`,
        nodeId: target.id,
        edgeId: edge.id,
      });
      refusedTargets.add(target.id);
      continue;
    }
    const taken = feeding.get(target.id) ?? new Map<string, GraphEdge>();
    if (taken.has(edge.target.port)) {
      report({
        severity: 'error',
        code: 'edge.port-taken',
        message: `${nodeDisplayName(target)} gets two connections into the same input. A layer reads one input; to combine several, connect them to an Add or Concatenate first.`,
        nodeId: target.id,
        edgeId: edge.id,
      });
      continue;
    }
    taken.set(edge.target.port, edge);
    feeding.set(target.id, taken);
    arcs.push({ from: source.id, to: target.id });
  }
  return { kinds, ports, feeding, arcs, drawnArcs, refusedTargets };
}

function reportCycle(
  nodeIds: readonly string[],
  arcs: readonly Arc[],
  blocked: ReadonlySet<string>,
  byId: Map<string, GraphNode>,
  report: (issue: GraphIssue) => void,
): void {
  if (blocked.size === 0) return;
  const cycle = findCycle(nodeIds, arcs, blocked) ?? [];
  const onCycle = new Set(cycle);
  const path = cycle.map((id) => nodeDisplayName(byId.get(id)!)).join(' → ');
  for (const id of nodeIds) {
    if (!blocked.has(id)) continue;
    const name = nodeDisplayName(byId.get(id)!);
    report({
      severity: 'error',
      code: onCycle.has(id) ? 'graph.cycle' : 'graph.after-cycle',
      message: onCycle.has(id)
        ? `${name} is part of a loop: ${path}. Data must flow one way, from Input to Output; remove one of these connections.`
        : `${name} comes after a loop, so its shape cannot be worked out. Remove the loop first.`,
      nodeId: id,
    });
  }
}

function reportDisconnected(
  document: GraphDocument,
  inputs: readonly string[],
  outputs: readonly string[],
  arcs: readonly Arc[],
  blocked: ReadonlySet<string>,
  report: (issue: GraphIssue) => void,
): void {
  const nodeIds = document.nodes.map((n) => n.id);
  const fedByInput = reachableFrom(inputs, nodeIds, arcs, 'forward');
  const leadsToOutput = reachableFrom(outputs, nodeIds, arcs, 'backward');
  for (const node of document.nodes) {
    if (blocked.has(node.id)) continue;
    if (!fedByInput.has(node.id) && roleOf(node) !== 'input') {
      report({
        severity: 'error',
        code: 'graph.not-fed',
        message: `${nodeDisplayName(node)} is not connected to any Input, so no data reaches it. Connect it, or delete it.`,
        nodeId: node.id,
      });
    } else if (outputs.length > 0 && !leadsToOutput.has(node.id) && roleOf(node) !== 'output') {
      report({
        severity: 'error',
        code: 'graph.unused',
        message: `${nodeDisplayName(node)} does not lead to an Output, so training would ignore it. Connect it onward, or delete it.`,
        nodeId: node.id,
      });
    }
  }
}

function producerOf(
  node: GraphNode,
  wiring: Wiring,
  byId: Map<string, GraphNode>,
): GraphNode | undefined {
  const edges = wiring.feeding.get(node.id);
  if (!edges || edges.size !== 1) return undefined;
  const edge = [...edges.values()][0]!;
  return byId.get(edge.source.node);
}

function inferNode(
  node: GraphNode,
  wiring: Wiring,
  byId: Map<string, GraphNode>,
  results: Map<string, { output?: TensorInfo; params: ParamCount }>,
  report: (issue: GraphIssue) => void,
): { output?: TensorInfo; params: ParamCount } {
  const kind = wiring.kinds.get(node.id);
  if (!kind) return { params: NO_PARAMS };
  const name = nodeDisplayName(node);
  const inputs: TensorInfo[] = [];
  let upstreamUnknown = false;
  for (const port of wiring.ports.get(node.id) ?? []) {
    const edge = wiring.feeding.get(node.id)?.get(port.id);
    if (!edge && wiring.refusedTargets.has(node.id)) {
      upstreamUnknown = true;
      continue;
    }
    if (!edge) {
      const which = (wiring.ports.get(node.id) ?? []).length > 1 ? ` "${port.label}"` : '';
      report({
        severity: 'error',
        code: 'node.input-missing',
        message: `${name} has nothing connected to its input${which}. Drag a connection to it from the layer that should feed it.`,
        nodeId: node.id,
      });
      upstreamUnknown = true;
      continue;
    }
    const upstream = results.get(edge.source.node)?.output;
    if (!upstream || !byId.has(edge.source.node)) upstreamUnknown = true;
    else inputs.push(upstream);
  }
  // An error upstream is reported there; repeating it on every later node would only bury it.
  if (upstreamUnknown) return { params: NO_PARAMS };

  const outcome = kind.infer({ params: node.params, inputs, name });
  if (!outcome.ok) {
    for (const error of outcome.errors) report({ ...error, nodeId: node.id });
    return { params: NO_PARAMS };
  }
  for (const warning of outcome.warnings ?? []) report({ ...warning, nodeId: node.id });
  const params = isTrainable(node) ? outcome.params : frozen(outcome.params);
  const tooBig = memoryProblem(name, params, outcome.output);
  if (tooBig) {
    report({ ...tooBig, nodeId: node.id });
    return { params };
  }
  return { output: outcome.output, params };
}

/** A frozen layer's weights all stay as they are, as Keras counts a layer with trainable=False. */
function frozen(params: ParamCount): ParamCount {
  return { trainable: 0, nonTrainable: params.trainable + params.nonTrainable };
}

function memoryProblem(
  name: string,
  params: ParamCount,
  output: TensorInfo,
): NodeProblem | undefined {
  const weights = params.trainable + params.nonTrainable;
  const weightBytes = weights * BYTES_PER_VALUE;
  if (weightBytes > MAX_PARAMETER_BYTES) {
    return {
      severity: 'error',
      code: 'memory.parameters',
      message: `${name} would have ${formatCount(weights)} weights, needing ${formatBytes(weightBytes)} of memory just to store them; one layer may use at most ${formatBytes(MAX_PARAMETER_BYTES)}. Use fewer units or filters, or shrink its input first.`,
    };
  }
  const elements = elementCount(output.shape) ?? 0;
  if (elements > MAX_ELEMENTS_PER_SAMPLE) {
    return {
      severity: 'error',
      code: 'memory.activations',
      message: `${name} would output ${formatShape(output.shape)} = ${formatCount(elements)} values for each example, more than TensorFlow.js can hold in one tensor (${formatCount(MAX_ELEMENTS_PER_SAMPLE)}). Make it smaller.`,
    };
  }
  return undefined;
}

function summarize(
  document: GraphDocument,
  results: Map<string, { output?: TensorInfo; params: ParamCount }>,
  nodeIssues: Map<string, GraphIssue[]>,
  graphIssues: GraphIssue[],
  order: readonly string[],
): GraphAnalysis {
  const nodes = new Map<string, NodeAnalysis>();
  const issues: GraphIssue[] = [...graphIssues];
  let trainable = 0;
  let nonTrainable = 0;
  let activationValues = 0;
  for (const node of document.nodes) {
    const result = results.get(node.id);
    const own = nodeIssues.get(node.id) ?? [];
    issues.push(...own);
    const params = result?.params ?? NO_PARAMS;
    trainable += params.trainable;
    nonTrainable += params.nonTrainable;
    if (result?.output && roleOf(node) !== 'output') {
      activationValues += elementCount(result.output.shape) ?? 0;
    }
    nodes.set(node.id, {
      nodeId: node.id,
      ...(result?.output ? { output: result.output } : {}),
      params,
      issues: own,
    });
  }
  const errorCount = issues.filter((i) => i.severity === 'error').length;
  return {
    nodes,
    issues,
    order,
    totals: {
      trainable,
      nonTrainable,
      total: trainable + nonTrainable,
      parameterBytes: (trainable + nonTrainable) * BYTES_PER_VALUE,
      activationBytesPerSample: activationValues * BYTES_PER_VALUE,
    },
    errorCount,
    warningCount: issues.length - errorCount,
  };
}
