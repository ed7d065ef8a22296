import type { TfLayerSpec } from '../../../shared/catalog/types';
import { tf } from '../tf';
import './custom-activations';
import { seedLayerConfig } from './seeds';

type LayerConstructor = new (args: Record<string, unknown>) => tf.layers.Layer;

/**
 * Builds a TF.js layer from the catalog's plain-data spec. TF.js keeps every layer class,
 * built-in and registered, in its serialization map; constructing through it means the
 * catalog can name any of them without a switch here.
 */
export function createLayer(spec: TfLayerSpec, name: string, seed: number | undefined): tf.layers.Layer {
  const entry = tf.serialization.SerializationMap.getMap().classNameMap[spec.className];
  if (!entry) {
    throw new Error(`TensorFlow.js has no layer class "${spec.className}" (needed for layer "${name}").`);
  }
  const LayerClass = entry[0] as unknown as LayerConstructor;
  const config: Record<string, unknown> = {
    ...seedLayerConfig(spec.className, spec.config, name, seed),
    name,
  };
  if (spec.wrapped) {
    // A wrapper's inner layer is named after it: "encoder" wraps "encoder_forward_cell".
    config['layer'] = createLayer(spec.wrapped, `${name}_inner`, seed);
  }
  return new LayerClass(config);
}
