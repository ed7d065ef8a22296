import { OUTPUT_ACTIVATION_SUFFIX } from '../compiler/compile-graph';
import { tf } from '../tf';
import type { InsideModel } from './inside-model';

export interface GraphRun {
  /** Every node's value for the batch (the Input's is the batch itself). */
  readonly values: ReadonlyMap<string, tf.Tensor>;
  /** What the network outputs. */
  readonly output: tf.Tensor;
  /**
   * The scores before the last layer's softmax or sigmoid (the notes' o_m), or the output
   * itself when the last layer has no such activation.
   */
  readonly scores: tf.Tensor;
}

/**
 * Runs the network on a batch node by node, in inference mode (no dropout, no noise), as the
 * trained model computes it. `replace` puts a given value in place of one node's, so that a
 * gradient can be taken with respect to what that layer outputs: every node that depends on it
 * is computed from the given value, the others as usual (skip connections included).
 */
export function runGraph(
  model: InsideModel,
  x: tf.Tensor,
  replace?: { readonly nodeId: string; readonly value: tf.Tensor },
): GraphRun {
  const values = new Map<string, tf.Tensor>();
  let scores: tf.Tensor | undefined;
  for (const nodeId of model.compiled.analysis.order) {
    if (replace?.nodeId === nodeId) {
      values.set(nodeId, replace.value);
      continue;
    }
    if (nodeId === model.input.id) {
      values.set(nodeId, x);
      continue;
    }
    const incoming = model.sources.get(nodeId)!.map((id) => values.get(id)!);
    if (nodeId === model.output.id) {
      values.set(nodeId, incoming[0]!);
      continue;
    }
    let current: tf.Tensor | tf.Tensor[] = incoming.length === 1 ? incoming[0]! : incoming;
    for (const name of model.compiled.layersByNode.get(nodeId)!) {
      if (nodeId === model.lastNodeId && name === `${nodeId}${OUTPUT_ACTIVATION_SUFFIX}`) {
        scores = current as tf.Tensor;
      }
      const layer = model.compiled.model.getLayer(name);
      current = layer.apply(current, { training: false }) as tf.Tensor;
    }
    values.set(nodeId, current as tf.Tensor);
  }
  const output = values.get(model.output.id)!;
  return { values, output, scores: scores ?? output };
}

/** One node's value for one example (`example` in the Input's shape, row-major): a feature map. */
export function nodeValue(
  model: InsideModel,
  example: Float32Array | Int32Array,
  nodeId: string,
): { readonly shape: number[]; readonly values: number[] } {
  return tf.tidy(() => {
    const x = tf.tensor(example, [1, ...model.inputShape], model.inputDtype);
    const value = runGraph(model, x).values.get(nodeId)!;
    return { shape: value.shape.slice(1), values: Array.from(value.dataSync()) };
  });
}
