import { describe, expect, it } from 'vitest';
import type { ActivationSetting, CornerSlope } from '../../../src/shared/catalog/activation-curves';
import {
  PRELU_START_ALPHA,
  SELU_ALPHA,
  SELU_SCALE,
  activationAt,
  activationCorners,
  activationSettingOf,
  curveText,
  sampleActivation,
  sigmoid,
  softmax,
  softmaxJacobian,
} from '../../../src/shared/catalog/activation-curves';
import type { Activation } from '../../../src/shared/catalog/activations';
import { ACTIVATIONS } from '../../../src/shared/catalog/activations';

/** The activations' numbers, checked against the course notes' own worked values. */

const setting = (activation: Activation, leakyAlpha = 0.01): ActivationSetting => ({
  activation,
  leakyAlpha,
});
const f = (activation: Activation, x: number, leakyAlpha = 0.01) =>
  activationAt(setting(activation, leakyAlpha), x).value;
const df = (activation: Activation, x: number, corner: CornerSlope = 'course') =>
  activationAt(setting(activation), x, { corner }).slope;

describe('the course notes’ worked values (unit 2, activation functions)', () => {
  it('binary_step(5), binary_step(−1) = (1, 0), and the step is 1 at 0 itself', () => {
    expect([f('step', 5), f('step', -1)]).toEqual([1, 0]);
    expect(f('step', 0)).toBe(1);
  });

  it('sigmoid_function(7), sigmoid_function(−22) = (0.9990889488055994, 2.7894680920908113e-10)', () => {
    expect(f('sigmoid', 7)).toBe(0.9990889488055994);
    expect(f('sigmoid', -22)).toBe(2.7894680920908113e-10);
  });

  it('tanh_function(0.5), tanh_function(−1) = (0.4621171572600098, −0.7615941559557646)', () => {
    // The notes' last digit of tanh(−1) comes from numpy's e^2; the exact value ends in …649.
    expect(f('tanh', 0.5)).toBeCloseTo(0.4621171572600098, 15);
    expect(f('tanh', -1)).toBeCloseTo(-0.7615941559557646, 15);
  });

  it('tanh(x) = 2·sigmoid(2x) − 1, as the notes define it', () => {
    for (const x of [-3, -1, -0.2, 0, 0.5, 2.5]) {
      expect(f('tanh', x)).toBeCloseTo(2 * sigmoid(2 * x) - 1, 14);
    }
  });

  it('relu_function(7), relu_function(−7) = (7, 0)', () => {
    expect([f('relu', 7), f('relu', -7)]).toEqual([7, 0]);
  });

  it('leaky_relu_function(7), leaky_relu_function(−7) = (7, −0.07) with the default slope 0.01', () => {
    expect([f('leakyRelu', 7), f('leakyRelu', -7)]).toEqual([7, -0.07]);
  });

  it('softmax([1, 3, 4, 7]) = [0.002, 0.017, 0.047, 0.934], adding up to 1 (Unit I)', () => {
    const p = softmax([1, 3, 4, 7]);
    expect(p.map((v) => Number(v.toFixed(3)))).toEqual([0.002, 0.017, 0.047, 0.934]);
    expect(p[1]).toBeCloseTo(Math.exp(3) / (Math.exp(1) + Math.exp(3) + Math.exp(4) + Math.exp(7)));
    expect(p.reduce((a, b) => a + b)).toBeCloseTo(1, 15);
  });

  it("the derivatives as the notes write them: sigmoid's σ(1 − σ), tanh's 1 − tanh²", () => {
    for (const x of [-4, -1, 0, 0.3, 2]) {
      const s = sigmoid(x);
      expect(df('sigmoid', x)).toBe(s * (1 - s));
      expect(df('tanh', x)).toBe(1 - Math.tanh(x) ** 2);
    }
  });

  it("sigmoid's slope stays within 0…0.25 and tanh's within 0…1, largest at 0 (Unit IV)", () => {
    expect(df('sigmoid', 0)).toBe(0.25);
    expect(df('tanh', 0)).toBe(1);
    for (let x = -6; x <= 6; x += 0.25) {
      expect(df('sigmoid', x)).toBeGreaterThan(0);
      expect(df('sigmoid', x)).toBeLessThanOrEqual(0.25);
      expect(df('tanh', x)).toBeGreaterThan(0);
      expect(df('tanh', x)).toBeLessThanOrEqual(1);
    }
  });

  it("ReLU's slope is 1 for x ≥ 0 and 0 for x < 0, so 1 at 0 itself; TF.js' convention gives 0", () => {
    expect([df('relu', -2), df('relu', 0), df('relu', 3)]).toEqual([0, 1, 1]);
    expect([df('relu', -2, 'tensorflow'), df('relu', 0, 'tensorflow')]).toEqual([0, 0]);
  });

  it("leaky ReLU's slope is 1 for x ≥ 0 and 0.01 for x < 0", () => {
    expect([df('leakyRelu', -2), df('leakyRelu', 0), df('leakyRelu', 3)]).toEqual([0.01, 1, 1]);
    expect(df('leakyRelu', 0, 'tensorflow')).toBe(0.01);
  });

  it("the step's slope is 0 everywhere but at 0, where it is not defined", () => {
    expect([df('step', -3), df('step', -1e-9), df('step', 1e-9), df('step', 4)]).toEqual([
      0, 0, 0, 0,
    ]);
    expect(df('step', 0)).toBeUndefined();
  });

  it('hard tanh clips to [−1, 1]', () => {
    expect([-3, -1, -0.5, 0, 0.5, 2].map((x) => f('hardTanh', x))).toEqual([
      -1, -1, -0.5, 0, 0.5, 1,
    ]);
  });
});

describe('points the notes do not give', () => {
  // prettier-ignore
  const table: readonly [Activation, number, number, number | undefined][] = [
    // activation, x, f(x), f′(x)
    ['linear', -3.5, -3.5, 1],
    ['linear', 2, 2, 1],
    ['step', 0.001, 1, 0],
    ['sigmoid', 0, 0.5, 0.25],
    ['sigmoid', Math.log(3), 0.75, 0.1875],
    ['tanh', 0, 0, 1],
    ['relu', 0, 0, 1],
    ['relu', -0.5, 0, 0],
    ['relu', 2.5, 2.5, 1],
    ['prelu', -2, -2 * PRELU_START_ALPHA, PRELU_START_ALPHA],
    ['prelu', 2, 2, 1],
    ['hardTanh', -1, -1, 1],
    ['hardTanh', 1, 1, 1],
    ['hardTanh', 1.5, 1, 0],
    ['hardTanh', -4, -1, 0],
    ['hardTanh', 0.25, 0.25, 1],
    ['softmax', 1, 1 / (2 + Math.exp(-1)), undefined],
    ['elu', -1, Math.exp(-1) - 1, Math.exp(-1)],
    ['elu', 2, 2, 1],
    ['selu', 1, SELU_SCALE, SELU_SCALE],
    ['selu', -1, SELU_SCALE * SELU_ALPHA * (Math.exp(-1) - 1), SELU_SCALE * SELU_ALPHA * Math.exp(-1)],
  ];
  it.each(table)('%s(%d) = %d', (activation, x, value, slope) => {
    const point = activationAt(setting(activation), x);
    expect(point.value).toBeCloseTo(value, 14);
    if (slope !== undefined) expect(point.slope).toBeCloseTo(slope, 14);
  });

  it("leaky ReLU uses the layer's own slope α", () => {
    expect(f('leakyRelu', -2, 0.2)).toBeCloseTo(-0.4, 15);
    expect(activationAt(setting('leakyRelu', 0.2), -2).slope).toBe(0.2);
  });

  it("PReLU's learned slope starts at 0, so it starts as ReLU; a learned one bends it", () => {
    expect(PRELU_START_ALPHA).toBe(0);
    expect(activationAt(setting('prelu'), -2, { preluAlpha: 0.25 })).toEqual({
      value: -0.5,
      slope: 0.25,
    });
  });

  it('the softmax curve is the first probability of [x, 1, 0], its slope p₁·(1 − p₁)', () => {
    const p = softmax([0.7, 1, 0]);
    expect(activationAt(setting('softmax'), 0.7)).toEqual({
      value: p[0],
      slope: p[0]! * (1 - p[0]!),
    });
  });

  it('softmax does not overflow on large scores and keeps their order', () => {
    const p = softmax([1000, 999, -1000]);
    expect(p.every(Number.isFinite)).toBe(true);
    expect(p[0]).toBeCloseTo(1 / (1 + Math.exp(-1)), 14);
    expect(p[2]).toBe(0);
  });
});

describe('every slope is the limit of its finite differences', () => {
  const h = 1e-5;
  const xs = Array.from({ length: 33 }, (_, i) => -4 + i * 0.25 + 0.0173);

  for (const activation of ACTIVATIONS) {
    it(`${activation}: f′(x) ≈ (f(x + h) − f(x − h)) / 2h away from its corners`, () => {
      const s = setting(activation, 0.3);
      const corners = activationCorners(activation);
      for (const x of xs) {
        if (corners.some((c) => Math.abs(x - c) < 10 * h)) continue;
        const central = (activationAt(s, x + h).value - activationAt(s, x - h).value) / (2 * h);
        const slope = activationAt(s, x).slope;
        expect(slope, `x = ${x}`).toBeDefined();
        expect(slope!, `x = ${x}`).toBeCloseTo(central, 7);
      }
    });
  }

  it('PReLU with a learned slope too', () => {
    for (const x of xs) {
      const at = (v: number) => activationAt(setting('prelu'), v, { preluAlpha: 0.25 });
      expect(at(x).slope!).toBeCloseTo((at(x + h).value - at(x - h).value) / (2 * h), 7);
    }
  });

  it("softmax's Jacobian ∂pᵢ/∂zⱼ = pᵢ·(δᵢⱼ − pⱼ), for the notes' scores [1, 3, 4, 7]", () => {
    const z = [1, 3, 4, 7];
    const jacobian = softmaxJacobian(z);
    for (let j = 0; j < z.length; j += 1) {
      const up = softmax(z.map((v, k) => (k === j ? v + h : v)));
      const down = softmax(z.map((v, k) => (k === j ? v - h : v)));
      for (let i = 0; i < z.length; i += 1) {
        expect(jacobian[i]![j]!).toBeCloseTo((up[i]! - down[i]!) / (2 * h), 8);
      }
    }
    // Moving one score moves probability between classes; the total stays 1.
    for (let j = 0; j < z.length; j += 1) {
      expect(jacobian.reduce((sum, row) => sum + row[j]!, 0)).toBeCloseTo(0, 15);
    }
  });

  it('the corners really are where the slope jumps', () => {
    for (const activation of ACTIVATIONS) {
      for (const c of activationCorners(activation)) {
        const left = activationAt(setting(activation), c - 1e-6).slope;
        const right = activationAt(setting(activation), c + 1e-6).slope;
        const here = activationAt(setting(activation), c).slope;
        expect(left !== right || here === undefined, `${activation} at ${c}`).toBe(true);
      }
    }
  });
});

describe('the curve as drawn', () => {
  it('a smooth function is one piece of evenly spaced points, with no dots', () => {
    const { value, slope } = sampleActivation(setting('sigmoid'), -4, 4, 160);
    expect(value.pieces).toHaveLength(1);
    expect(value.pieces[0]).toHaveLength(161);
    expect(value.pieces[0]![80]).toEqual({ x: 0, y: 0.5 });
    expect([value.filled, value.open, slope.filled, slope.open]).toEqual([[], [], [], []]);
  });

  it('the step jumps at 0: filled at 1, open at 0; its slope has a hole at 0', () => {
    const { value, slope } = sampleActivation(setting('step'), -4, 4, 160);
    expect(value.pieces).toHaveLength(2);
    expect(value.pieces[0]!.every((p) => p.y === 0)).toBe(true);
    expect(value.pieces[1]!.every((p) => p.y === 1)).toBe(true);
    expect(value.filled).toEqual([{ x: 0, y: 1 }]);
    expect(value.open).toEqual([{ x: 0, y: 0 }]);
    expect(slope.pieces).toHaveLength(2);
    expect(slope.filled).toEqual([]);
    expect(slope.open).toEqual([{ x: 0, y: 0 }]);
  });

  it("ReLU is unbroken; its slope jumps at 0 with the course's f′(0) = 1 filled", () => {
    const { value, slope } = sampleActivation(setting('relu'), -4, 4, 160);
    expect(value.pieces).toHaveLength(1);
    expect(slope.pieces).toHaveLength(2);
    expect(slope.filled).toEqual([{ x: 0, y: 1 }]);
    expect(slope.open).toEqual([{ x: 0, y: 0 }]);
  });

  it("hard tanh's slope is 1 on [−1, 1] and 0 outside, in three pieces", () => {
    const { slope } = sampleActivation(setting('hardTanh'), -4, 4, 160);
    expect(slope.pieces.map((piece) => [...new Set(piece.map((p) => p.y))])).toEqual([
      [0],
      [1],
      [0],
    ]);
    expect(slope.filled).toEqual([
      { x: -1, y: 1 },
      { x: 1, y: 1 },
    ]);
    expect(slope.open).toEqual([
      { x: -1, y: 0 },
      { x: 1, y: 0 },
    ]);
  });

  it("leaky ReLU's curve follows α", () => {
    const small = sampleActivation(setting('leakyRelu', 0.01), -4, 4, 160);
    const large = sampleActivation(setting('leakyRelu', 0.2), -4, 4, 160);
    expect(small.value.pieces[0]![0]!.y).toBeCloseTo(-0.04, 15);
    expect(large.value.pieces[0]![0]!.y).toBeCloseTo(-0.8, 15);
    expect(large.slope.open).toEqual([{ x: 0, y: 0.2 }]);
  });
});

describe('which layers have a curve, and its words', () => {
  it("reads the activation from any kind's settings", () => {
    expect(activationSettingOf({ units: 4, activation: 'leakyRelu', leakyAlpha: 0.2 })).toEqual({
      activation: 'leakyRelu',
      leakyAlpha: 0.2,
    });
    expect(activationSettingOf({ units: 8, activation: 'tanh', returnSequences: false })).toEqual({
      activation: 'tanh',
      leakyAlpha: 0.01,
    });
    expect(activationSettingOf({ rate: 0.5 })).toBeUndefined();
    expect(activationSettingOf({ activation: 'swish' })).toBeUndefined();
  });

  it('names every activation, with formulas for f and f′ and a note', () => {
    for (const activation of ACTIVATIONS) {
      const text = curveText(setting(activation));
      expect(text.value.startsWith('f(x) = '), activation).toBe(true);
      expect(text.slope.startsWith('f′(x) = '), activation).toBe(true);
      expect(text.note.length, activation).toBeGreaterThan(20);
    }
    expect(curveText(setting('leakyRelu', 0.2))).toMatchObject({
      title: 'Leaky ReLU (α 0.2)',
      value: 'f(x) = x for x ≥ 0, 0.2·x for x < 0',
      slope: 'f′(x) = 1 for x ≥ 0, 0.2 for x < 0',
    });
    expect(curveText(setting('step')).note).toContain('f′(0) is not defined');
    expect(curveText(setting('relu')).note).toContain('f′(0) = 1');
  });
});
