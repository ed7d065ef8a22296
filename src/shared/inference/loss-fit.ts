import type { GraphNode } from '../graph/document';
import { nodeDisplayName } from '../graph/document';
import { ACTIVATION_TITLES } from '../catalog/activations';
import type { Activation } from '../catalog/activations';
import { ACTIVATIONS_FOR_LOSS, LOSS_TITLES } from '../catalog/losses';
import type { Loss } from '../catalog/losses';
import { problem } from '../catalog/outcome';
import { roleOf, valueFlowOf } from '../catalog/roles';
import type { NodeProblem } from '../catalog/types';

/**
 * The activation that produces an Output's values: the `activation` of the nearest layer
 * before it that has one. Undefined when it cannot be told (a merge, for instance).
 */
export function finalActivation(
  outputNode: GraphNode,
  producerOf: (node: GraphNode) => GraphNode | undefined,
): { activation: Activation; node: GraphNode } | undefined {
  let current = producerOf(outputNode);
  for (let guard = 0; current && guard < 10_000; guard += 1) {
    const activation = current.params['activation'];
    if (typeof activation === 'string')
      return { activation: activation as Activation, node: current };
    if (roleOf(current) === 'input') return { activation: 'linear', node: current };
    // Only layers that keep the very values (in any shape) leave the activation as it was.
    const flow = valueFlowOf(current);
    if (flow !== 'unchanged' && flow !== 'reshaped') return undefined;
    current = producerOf(current);
  }
  return undefined;
}

/** Warns when the loss expects values the final activation cannot produce. */
export function lossActivationWarning(
  output: GraphNode,
  producer: { activation: Activation; node: GraphNode },
): NodeProblem | undefined {
  const loss = output.params['loss'] as Loss;
  const fits = ACTIVATIONS_FOR_LOSS[loss];
  if (fits === 'any' || fits.includes(producer.activation)) return undefined;
  const wanted = fits.map((a) => ACTIVATION_TITLES[a as Activation] ?? a).join(' or ');
  return problem(
    'warning',
    'output.loss-activation',
    `${nodeDisplayName(output)} uses ${LOSS_TITLES[loss]}, which expects ${wanted} outputs, but ${nodeDisplayName(producer.node)} ends with ${ACTIVATION_TITLES[producer.activation]}. Set its activation to ${wanted}.`,
    'loss',
  );
}
