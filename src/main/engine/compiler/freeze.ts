import type { tf } from '../tf';

type Kwargs = Record<string, unknown>;
type Call = (inputs: tf.Tensor | tf.Tensor[], kwargs: Kwargs) => tf.Tensor | tf.Tensor[];

/**
 * A frozen node's layers, as Keras treats a layer with trainable=False: the optimizer never
 * sees their weights. A layer that keeps statistics by averaging (batch normalization's moving
 * mean and variance) also computes as it does when predicting, so training neither uses the
 * batch's own statistics nor moves the stored ones: the layer stays exactly as it was.
 */
export function freezeLayer(layer: tf.layers.Layer, predictsWhileTraining: boolean): void {
  // The setter reaches a Bidirectional's two inner layers too.
  layer.trainable = false;
  if (!predictsWhileTraining) return;
  // TF.js' own layers decide training versus prediction from `training` alone; fixing it here
  // keeps the layer's class (and so its saved form) the standard one.
  const call = layer.call.bind(layer);
  (layer as unknown as { call: Call }).call = (inputs, kwargs) =>
    call(inputs, { ...kwargs, training: false });
}
