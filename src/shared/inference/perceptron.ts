import { ACTIVATION_TITLES } from '../catalog/activations';
import { problem } from '../catalog/outcome';
import { findKind } from '../catalog/registry';
import { nodesWithRole } from '../catalog/roles';
import type { NodeProblem } from '../catalog/types';
import type { GraphDocument, GraphNode } from '../graph/document';
import { nodeDisplayName } from '../graph/document';

/**
 * Rosenblatt's perceptron: one threshold unit between Input and Output, and nothing else. The
 * trainer teaches it by the perceptron rule, whatever loss and optimizer were chosen.
 */
export function perceptronUnit(document: GraphDocument): GraphNode | undefined {
  const layers = nodesWithRole(document, 'layer');
  const only = layers.length === 1 ? layers[0]! : undefined;
  return only && findKind(only.kind)?.isPerceptronUnit?.(only.params) ? only : undefined;
}

/**
 * A binary step anywhere but in the lone perceptron unit: its derivative is 0 (and undefined
 * at 0), so gradient descent gets no signal through it and nothing before it can learn. This
 * is the course's reason for smooth activations; the warning says so, on each such layer.
 */
export function stepUnitWarnings(
  document: GraphDocument,
): { nodeId: string; warning: NodeProblem }[] {
  if (perceptronUnit(document)) return [];
  return document.nodes
    .filter((node) => node.params['activation'] === 'step')
    .map((node) => ({
      nodeId: node.id,
      warning: problem(
        'warning',
        'activation.step-no-gradient',
        `${nodeDisplayName(node)} uses the ${ACTIVATION_TITLES.step.toLowerCase()}, whose slope is 0 everywhere (and undefined at 0). Gradient descent learns by following slopes, so no weight before or in this layer will change: that is why networks with hidden layers use sigmoid, tanh or ReLU. Only a single step unit on its own learns, by the perceptron rule. Pick a smooth activation to train this network.`,
        'activation',
      ),
    }));
}
