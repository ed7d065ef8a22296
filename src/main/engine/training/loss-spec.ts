import type { Loss } from '../../../shared/catalog/losses';
import { LOSS_TITLES } from '../../../shared/catalog/losses';
import type { GraphDocument } from '../../../shared/graph/document';
import { perceptronUnit } from '../../../shared/inference/perceptron';
import type { LossSpec } from './evaluate';
import { LOSS_FUNCTIONS, PERCEPTRON_RULE_LOSS_NAME, perceptronRule } from './losses';

/**
 * The loss a network is trained and evaluated with: the Output's, or for a lone perceptron
 * unit the perceptron rule (summed over a batch), which replaces it.
 */
export function lossSpecFor(document: GraphDocument, lossId: Loss): LossSpec {
  return perceptronUnit(document) !== undefined
    ? { fn: perceptronRule, summed: true, name: PERCEPTRON_RULE_LOSS_NAME }
    : { fn: LOSS_FUNCTIONS[lossId], summed: false, name: LOSS_TITLES[lossId] };
}
