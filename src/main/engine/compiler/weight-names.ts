import type { WeightTensor } from '../../../shared/catalog/types';
import { innerLayerName } from './layer-factory';

/**
 * The name TF.js gives a node's weight tensor (`LayerVariable.originalName`, also the name in
 * a saved model's weights manifest): `hidden/kernel`, `hidden_activation/alpha`, and for a
 * bidirectional layer `encoder/forward_encoder_inner/kernel`. The catalog describes weights
 * without TF.js' naming; this is the one place that knows it, beside the layer factory that
 * names the layers.
 */
export function tfjsWeightName(nodeId: string, tensor: WeightTensor): string {
  const layer = `${nodeId}${tensor.layerSuffix}`;
  const direction = /^(forward|backward)\/(.+)$/.exec(tensor.name);
  if (direction) return `${layer}/${direction[1]!}_${innerLayerName(layer)}/${direction[2]!}`;
  return `${layer}/${tensor.name}`;
}
