import type { GraphDocument, GraphNode } from '../../../shared/graph/document';
import { parseGraphDocument } from '../../../shared/graph/parse';
import { nodesWithRole } from '../../../shared/catalog/roles';
import { plural } from '../../../shared/text/plural';
import type { GraphAnalysis } from '../../../shared/inference/analyze';
import { analyzeGraph } from '../../../shared/inference/analyze';
import { perceptronUnit } from '../../../shared/inference/perceptron';
import type { TrainingJob } from '../../../shared/training/commands';
import { TrainingFailure } from './failure';

/** A network the trainer has read and checked again, with its one Input and one Output. */
export interface Prepared {
  readonly document: GraphDocument;
  readonly analysis: GraphAnalysis;
  readonly inputNode: GraphNode;
  readonly outputNode: GraphNode;
}

/** Reads and checks the job's network as main did; what it refuses becomes a clear failure. */
export function prepareGraph(job: TrainingJob): Prepared {
  const parsed = parseGraphDocument(job.graph);
  if (!parsed.ok) {
    throw new TrainingFailure(
      'graph.invalid',
      `The network file has ${plural(parsed.problems.length, 'problem')}: ${parsed.problems.map((p) => p.message).join(' ')}`,
    );
  }
  const analysis = analyzeGraph(parsed.document);
  const errors = analysis.issues.filter((i) => i.severity === 'error');
  if (errors.length > 0) {
    throw new TrainingFailure(
      'graph.errors',
      `Fix the network first: ${errors.map((e) => e.message).join(' ')}`,
    );
  }
  const untrainable = analysis.issues.filter((i) => i.blocksTraining);
  if (untrainable.length > 0) {
    throw new TrainingFailure('graph.untrainable', untrainable.map((i) => i.message).join(' '));
  }
  const inputs = nodesWithRole(parsed.document, 'input');
  const outputs = nodesWithRole(parsed.document, 'output');
  if (inputs.length !== 1 || outputs.length !== 1) {
    throw new TrainingFailure(
      'graph.many-ends',
      `Training on one data set needs exactly one Input and one Output; this network has ${plural(inputs.length, 'Input')} and ${plural(outputs.length, 'Output')}.`,
    );
  }
  return { document: parsed.document, analysis, inputNode: inputs[0]!, outputNode: outputs[0]! };
}

/** One threshold unit between Input and Output, and nothing else: Rosenblatt's perceptron. */
export function isPerceptron(graph: Prepared): boolean {
  return perceptronUnit(graph.document) !== undefined;
}
