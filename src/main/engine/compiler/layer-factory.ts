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
export function createLayer(
  spec: TfLayerSpec,
  name: string,
  seed: number | undefined,
): tf.layers.Layer {
  const entry = tf.serialization.SerializationMap.getMap().classNameMap[spec.className];
  if (!entry) {
    throw new Error(
      `TensorFlow.js has no layer class "${spec.className}" (needed for layer "${name}").`,
    );
  }
  const LayerClass = entry[0] as unknown as LayerConstructor;
  const config: Record<string, unknown> = {
    ...seedLayerConfig(spec.className, spec.config, name, seed),
    name,
  };
  if (!spec.wrapped) return new LayerClass(config);

  const innerName = innerLayerName(name);
  config['layer'] = createLayer(spec.wrapped, innerName, seed);
  const wrapper = new LayerClass(config);
  if (spec.className === 'Bidirectional' && seed !== undefined) {
    reseedBackwardLayer(wrapper, spec.wrapped, innerName, seed);
  }
  return wrapper;
}

/**
 * A wrapper's inner layer is named after it: "encoder" wraps "encoder_inner", which TF.js
 * renames "forward_encoder_inner" (and "backward_encoder_inner" for a Bidirectional).
 */
export function innerLayerName(wrapperName: string): string {
  return `${wrapperName}_inner`;
}

/**
 * TF.js builds a Bidirectional's backward layer from the forward layer's config, seeds
 * included, so with a seed both directions would start from identical weights and learn the
 * same thing. Replace it by one seeded from its own name.
 */
function reseedBackwardLayer(
  wrapper: tf.layers.Layer,
  wrapped: TfLayerSpec,
  innerName: string,
  seed: number,
): void {
  const backwardName = `backward_${innerName}`;
  const backward = createLayer(
    { ...wrapped, config: { ...wrapped.config, goBackwards: true } },
    backwardName,
    seed,
  );
  // `backwardLayer` is private in TF.js' typings; it is read only when the layer is built.
  (wrapper as unknown as { backwardLayer: tf.layers.Layer }).backwardLayer = backward;
}
