import { plural } from '../../../shared/text/plural';
import type { Loss, Task } from '../../../shared/catalog/losses';
import type { FitProblem } from '../../../shared/data/dataset-preview';
import type { GraphDocument, GraphNode } from '../../../shared/graph/document';
import { nodeDisplayName } from '../../../shared/graph/document';
import { nodesWithRole, valueFlowOf } from '../../../shared/catalog/roles';
import { parseGraphDocument } from '../../../shared/graph/parse';
import { analyzeGraph } from '../../../shared/inference/analyze';
import type { TensorInfo } from '../../../shared/shapes/shape';

/** The two ends of a network a data set meets: what the Input takes, what the Output gives. */
export interface GraphEnds {
  readonly document: GraphDocument;
  readonly input: GraphNode;
  readonly output: GraphNode;
  readonly inputName: string;
  readonly outputName: string;
  readonly inputInfo: TensorInfo;
  readonly outputShape: TensorInfo['shape'];
  readonly task: Task;
  readonly loss: Loss;
}

export type GraphEndsResult =
  | { readonly kind: 'ready'; readonly ends: GraphEnds }
  /** No shapes to check against yet: the network is unreadable, empty or has errors. */
  | { readonly kind: 'unchecked'; readonly problem: FitProblem }
  /** The trainer would refuse this network with any data set (several Inputs, …). */
  | { readonly kind: 'mismatch'; readonly problem: FitProblem };

/**
 * Reads a network the way the trainer does before training (parse, analyse, exactly one
 * Input and one Output) and returns its ends, or why the data set cannot be checked against it.
 */
export function graphEnds(graph: unknown): GraphEndsResult {
  const parsed = parseGraphDocument(graph);
  if (!parsed.ok) {
    return {
      kind: 'unchecked',
      problem: {
        message: `The network cannot be read: ${parsed.problems.map((p) => p.message).join(' ')}`,
        fix: 'Open the Network tab and fix the network, then come back.',
      },
    };
  }
  const document = parsed.document;
  if (document.nodes.length === 0) {
    return {
      kind: 'unchecked',
      problem: {
        message: 'The network is empty, so there is nothing to check this data set against yet.',
        fix: 'Add an Input, some layers and an Output in the Network tab.',
      },
    };
  }
  const analysis = analyzeGraph(document);
  const errors = analysis.issues.filter((issue) => issue.severity === 'error');
  if (errors.length > 0) {
    return {
      kind: 'unchecked',
      problem: {
        message: `The network has ${plural(errors.length, 'error')}, so its shapes are not known yet. The first: ${errors[0]!.message}`,
        fix: 'Fix the errors in the Network tab; the data set is checked again then.',
      },
    };
  }
  const inputs = nodesWithRole(document, 'input');
  const outputs = nodesWithRole(document, 'output');
  if (inputs.length !== 1 || outputs.length !== 1) {
    return {
      kind: 'mismatch',
      problem: {
        message: `Training on one data set needs exactly one Input and one Output; this network has ${plural(inputs.length, 'Input')} and ${plural(outputs.length, 'Output')}.`,
        fix: 'Keep exactly one Input and one Output in the Network tab.',
      },
    };
  }
  const input = inputs[0]!;
  const output = outputs[0]!;
  const inputInfo = analysis.nodes.get(input.id)?.output;
  const outputInfo = analysis.nodes.get(output.id)?.output;
  if (!inputInfo || !outputInfo) {
    return {
      kind: 'unchecked',
      problem: {
        message: 'The shapes at the network’s Input and Output are not known yet.',
        fix: 'Connect the Input to the Output through some layers in the Network tab.',
      },
    };
  }
  return {
    kind: 'ready',
    ends: {
      document,
      input,
      output,
      inputName: nodeDisplayName(input),
      outputName: nodeDisplayName(output),
      inputInfo,
      outputShape: outputInfo.shape,
      task: output.params['task'] as Task,
      loss: output.params['loss'] as Loss,
    },
  };
}

/** The Dense layer whose units become the Output's values, when there is one. */
export function lastDense(ends: GraphEnds): GraphNode | undefined {
  const byId = new Map(ends.document.nodes.map((n) => [n.id, n]));
  const feeding = (node: GraphNode) => {
    const edge = ends.document.edges.find((e) => e.target.node === node.id);
    return edge ? byId.get(edge.source.node) : undefined;
  };
  let current = feeding(ends.output);
  for (let guard = 0; current && guard < 10_000; guard += 1) {
    if (current.kind === 'Dense') return current;
    // Past a layer that keeps one value per value in the same shape, the units still count them.
    const flow = valueFlowOf(current);
    if (flow !== 'unchanged' && flow !== 'elementwise') return undefined;
    current = feeding(current);
  }
  return undefined;
}
