import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompiledGraph } from '../../../src/main/engine/compiler/compile-graph';
import { compileGraph } from '../../../src/main/engine/compiler/compile-graph';
import { tfjsWeightName } from '../../../src/main/engine/compiler/weight-names';
import { tf } from '../../../src/main/engine/tf';
import { LAYER_KINDS } from '../../../src/shared/catalog/registry';
import { analyzeGraph } from '../../../src/shared/inference/analyze';
import { NODE, networkAround, randomInputs } from '../../fixtures/kind-networks';

/**
 * Every registered kind, built by TF.js from each of the kind's own examples, must agree with
 * what the catalog says of it without TF.js: the output shape and weight count of `infer()`,
 * the weight layout (names, shapes, order, trainable), and its value flow. A new kind is
 * checked here as soon as it is registered; a kind whose examples are missing fails.
 */

const models: CompiledGraph[] = [];

beforeAll(async () => {
  await tf.setBackend('cpu');
});

afterAll(() => {
  for (const compiled of models) compiled.model.dispose();
});

describe.each(LAYER_KINDS.map((kind) => [kind.kind, kind] as const))('%s in TF.js', (_, kind) => {
  it('has at least one example', () => {
    expect(kind.examples.length).toBeGreaterThan(0);
  });

  describe.each(kind.examples.map((example) => [JSON.stringify(example.params), example] as const))(
    'params %s',
    (_params, example) => {
      const document = networkAround(kind, example);
      const analysis = analyzeGraph(document);
      const analysed = analysis.nodes.get(NODE)!;
      const inputInfos = document.edges
        .filter((edge) => edge.target.node === NODE)
        .map((edge) => analysis.nodes.get(edge.source.node)!.output!);
      const params = kind.paramsSchema.parse(example.params);
      let compiled: CompiledGraph;
      let layers: tf.layers.Layer[];
      beforeAll(() => {
        compiled = compileGraph(document, { seed: 7 });
        models.push(compiled);
        layers = (compiled.layersByNode.get(NODE) ?? []).map((name) =>
          compiled.model.getLayer(name),
        );
      });

      it('is accepted by shape inference without errors', () => {
        expect(analysis.issues.filter((i) => i.severity === 'error')).toEqual([]);
      });

      it('gives the output shape infer() says', () => {
        const tfShape =
          kind.role === 'output'
            ? compiled.model.outputs[0]!.shape
            : (layers[layers.length - 1]!.outputShape as (number | null)[]);
        expect(tfShape.slice(1)).toEqual(analysed.output!.shape);
      });

      it('has the weight count infer() says', () => {
        const weights = layers.flatMap((layer) => layer.weights);
        const count = (trainable: boolean) =>
          weights
            .filter((w) => w.trainable === trainable)
            .reduce((sum, w) => sum + w.shape.reduce<number>((a, b) => a * (b ?? 0), 1), 0);
        expect({ trainable: count(true), nonTrainable: count(false) }).toEqual(analysed.params);
      });

      it('lays out its weights as its catalog entry says', () => {
        const declared = kind.weights?.tensors(params, inputInfos) ?? [];
        const tfWeights = layers.flatMap((layer) => layer.weights);
        expect(
          declared.map((w) => ({
            name: tfjsWeightName(NODE, w),
            shape: w.shape,
            trainable: w.trainable,
          })),
        ).toEqual(
          tfWeights.map((w) => ({ name: w.originalName, shape: w.shape, trainable: w.trainable })),
        );
        if (declared.length > 0) expect(kind.weights?.formula).toMatch(/\S/);
      });

      it(`passes values on as its value flow (${kind.valueFlow}) says`, () => {
        if (kind.role === 'input' || kind.valueFlow === 'computed') return;
        const inputs = randomInputs(compiled.model, 2);
        // Cut the model at the node: what it receives, and what it gives.
        const cut = tf.model({
          inputs: compiled.model.inputs,
          outputs:
            kind.role === 'output' ? compiled.model.outputs : layers[layers.length - 1]!.output,
        });
        const output = cut.predict(inputs) as tf.Tensor;
        const input = inputs[0]!;
        if (kind.valueFlow === 'elementwise') {
          expect(output.shape).toEqual(input.shape);
        } else {
          if (kind.valueFlow === 'unchanged') expect(output.shape).toEqual(input.shape);
          expect(Array.from(output.dataSync())).toEqual(Array.from(input.dataSync()));
        }
        tf.dispose([output, ...inputs]);
      });
    },
  );
});

describe('weight layouts', () => {
  it('name every kind that has weights', () => {
    // Every kind whose examples carry weights in TF.js declares how they are laid out.
    const missing = LAYER_KINDS.filter(
      (kind) =>
        kind.examples.some((example) => {
          const analysis = analyzeGraph(networkAround(kind, example));
          const counts = analysis.nodes.get(NODE)!.params;
          return counts.trainable + counts.nonTrainable > 0;
        }) && !kind.weights,
    ).map((kind) => kind.kind);
    expect(missing).toEqual([]);
  });
});
