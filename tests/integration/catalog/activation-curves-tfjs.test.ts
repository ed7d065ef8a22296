import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompiledGraph } from '../../../src/main/engine/compiler/compile-graph';
import { compileGraph } from '../../../src/main/engine/compiler/compile-graph';
import { tf } from '../../../src/main/engine/tf';
import { activationAt } from '../../../src/shared/catalog/activation-curves';
import type { Activation } from '../../../src/shared/catalog/activations';
import { ACTIVATIONS } from '../../../src/shared/catalog/activations';
import { chain } from '../../fixtures/build-graph';

/**
 * The inspector's curves draw what the trainer computes: each activation, built by the
 * compiler as an Activation layer, gives the curve's values, and its TF.js gradient gives the
 * curve's slopes (with TF.js' own choice at a corner, the curves' 'tensorflow' option).
 */

const XS = [-3, -1.5, -1, -0.25, 0, 0.5, 1, 2.5];
const ALPHA = 0.2;
const compiled: CompiledGraph[] = [];

beforeAll(async () => {
  await tf.setBackend('cpu');
});

afterAll(() => {
  for (const result of compiled.splice(0)) result.model.dispose();
});

function layerOf(activation: Activation, width: number) {
  const result = compileGraph(
    chain({ form: 'vector', shape: [width] }, [['Activation', { activation, leakyAlpha: ALPHA }]]),
  );
  compiled.push(result);
  return result.model.getLayer(result.layersByNode.get('l1')![0]!);
}

describe('the curves match TF.js', () => {
  for (const activation of ACTIVATIONS.filter((a) => a !== 'softmax')) {
    it(`${activation}: values and slopes`, () => {
      const layer = layerOf(activation, XS.length);
      const setting = { activation, leakyAlpha: ALPHA };
      const input = tf.tensor2d([XS]);
      const output = layer.apply(input) as tf.Tensor;
      const grad = tf.grad((t: tf.Tensor) => tf.sum(layer.apply(t) as tf.Tensor))(input);
      const values = Array.from(output.dataSync());
      const slopes = Array.from(grad.dataSync());
      XS.forEach((x, i) => {
        const expected = activationAt(setting, x, { corner: 'tensorflow' });
        expect(values[i], `f(${x})`).toBeCloseTo(expected.value, 5);
        // The step has no slope at 0; TF.js passes none (0) there, as everywhere.
        expect(slopes[i], `f′(${x})`).toBeCloseTo(expected.slope ?? 0, 5);
      });
      tf.dispose([input, output, grad]);
    });
  }

  it('softmax: the first probability of [x, 1, 0] and its slope', () => {
    const layer = layerOf('softmax', 3);
    for (const x of XS) {
      const input = tf.tensor2d([[x, 1, 0]]);
      const output = layer.apply(input) as tf.Tensor;
      const grad = tf.grad((t: tf.Tensor) =>
        tf.slice(layer.apply(t) as tf.Tensor, [0, 0], [1, 1]).sum(),
      )(input);
      const expected = activationAt({ activation: 'softmax', leakyAlpha: ALPHA }, x);
      expect(output.dataSync()[0], `p₁ at ${x}`).toBeCloseTo(expected.value, 6);
      expect(grad.dataSync()[0], `∂p₁/∂x at ${x}`).toBeCloseTo(expected.slope!, 6);
      tf.dispose([input, output, grad]);
    }
  });
});
