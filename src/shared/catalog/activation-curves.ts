import type { Activation } from './activations';
import { ACTIVATIONS, activationTitle } from './activations';
import type { NodeParams } from './types';

/**
 * The activation functions as numbers: each one's value f(x) and slope f′(x), in the form the
 * course notes give them (unit 2, "Activation functions"), for the inspector's curves. Training
 * does not use these: TF.js computes the same functions in the trainer.
 */

/** One point of a curve. */
export interface CurvePoint {
  readonly value: number;
  /** f′(x); undefined where the function jumps and so has no slope (the binary step at 0). */
  readonly slope: number | undefined;
}

/**
 * Which slope a function with a corner has exactly at the corner (ReLU, leaky ReLU, PReLU and
 * SELU at 0), where the slope on the left and the slope on the right differ. The course writes
 * ReLU's as f′(x) = 1 for x ≥ 0, the slope on the right; a line of its Unit IV says 0 there,
 * which is what TF.js uses when it trains (the slope on the left).
 */
export type CornerSlope = 'course' | 'tensorflow';

/** An activation as a layer sets it: which function, and leaky ReLU's slope for negative x. */
export interface ActivationSetting {
  readonly activation: Activation;
  readonly leakyAlpha: number;
}

/** What an activation layer does before training changes anything it learns. */
export interface CurveOptions {
  readonly corner?: CornerSlope;
  /** PReLU's slope for negative x; it is learned, so it defaults to where training starts. */
  readonly preluAlpha?: number;
}

/** PReLU's learned slope starts at 0 (TF.js' and Keras' default), so PReLU starts as ReLU. */
export const PRELU_START_ALPHA = 0;
/** ELU's α in TF.js; Neurite has no setting for it. */
export const ELU_ALPHA = 1;
/** SELU's fixed constants λ and λ·α (Klambauer et al. 2017), as TF.js writes them. */
export const SELU_SCALE = 1.0507009873554805;
export const SELU_SCALE_ALPHA = 1.7580993408473768;
export const SELU_ALPHA = SELU_SCALE_ALPHA / SELU_SCALE;

/**
 * Softmax works on a whole list of scores, so it has no curve of its own. The inspector shows
 * the first probability of the scores [x, 1, 0] as x changes: these are the other two.
 */
export const SOFTMAX_OTHER_SCORES: readonly number[] = [1, 0];
/** The list the inspector's softmax table works out. */
export const SOFTMAX_EXAMPLE_SCORES: readonly number[] = [2, 1, 0];

/** The activation a node's parameters choose, for every kind whose settings include one. */
export function activationSettingOf(params: NodeParams): ActivationSetting | undefined {
  const activation = params['activation'];
  if (typeof activation !== 'string' || !isActivation(activation)) return undefined;
  const alpha = params['leakyAlpha'];
  return { activation, leakyAlpha: typeof alpha === 'number' ? alpha : 0.01 };
}

function isActivation(name: string): name is Activation {
  return (ACTIVATIONS as readonly string[]).includes(name);
}

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

/** The probabilities softmax gives a list of scores: eᶻⁱ / Σⱼ eᶻʲ. */
export function softmax(scores: readonly number[]): number[] {
  // Subtracting the largest score changes nothing but keeps e^z from overflowing.
  const largest = Math.max(...scores);
  const exps = scores.map((z) => Math.exp(z - largest));
  const total = exps.reduce((sum, e) => sum + e, 0);
  return exps.map((e) => e / total);
}

/** ∂pᵢ/∂zⱼ = pᵢ·(δᵢⱼ − pⱼ): how each probability moves when each score does. */
export function softmaxJacobian(scores: readonly number[]): number[][] {
  const p = softmax(scores);
  return p.map((pi, i) => p.map((pj, j) => pi * ((i === j ? 1 : 0) - pj)));
}

/**
 * f(x) and f′(x) of an activation applied to one number. Softmax, which needs a list, gives
 * the first probability of [x, 1, 0] and its slope ∂p₁/∂x = p₁·(1 − p₁).
 */
export function activationAt(
  setting: ActivationSetting,
  x: number,
  options: CurveOptions = {},
): CurvePoint {
  const corner = options.corner ?? 'course';
  // At a corner the course takes the slope on the right (x ≥ 0), TF.js the one on the left.
  const right = corner === 'course' ? x >= 0 : x > 0;
  switch (setting.activation) {
    case 'linear':
      return { value: x, slope: 1 };
    case 'step':
      return { value: x >= 0 ? 1 : 0, slope: x === 0 ? undefined : 0 };
    case 'sigmoid': {
      const s = sigmoid(x);
      return { value: s, slope: s * (1 - s) };
    }
    case 'tanh': {
      const t = Math.tanh(x);
      return { value: t, slope: 1 - t * t };
    }
    case 'relu':
      return { value: Math.max(0, x), slope: right ? 1 : 0 };
    case 'leakyRelu':
      return leaky(x, setting.leakyAlpha, right);
    case 'prelu':
      return leaky(x, options.preluAlpha ?? PRELU_START_ALPHA, right);
    case 'hardTanh':
      // The course gives no slope at ±1; TF.js' clip passes the gradient there, as inside.
      return { value: Math.min(1, Math.max(-1, x)), slope: Math.abs(x) <= 1 ? 1 : 0 };
    case 'softmax': {
      const p = softmax([x, ...SOFTMAX_OTHER_SCORES])[0]!;
      return { value: p, slope: p * (1 - p) };
    }
    case 'elu':
      return x > 0
        ? { value: x, slope: 1 }
        : { value: ELU_ALPHA * Math.expm1(x), slope: ELU_ALPHA * Math.exp(x) };
    case 'selu':
      return {
        value: x > 0 ? SELU_SCALE * x : SELU_SCALE_ALPHA * Math.expm1(x),
        slope: right ? SELU_SCALE : SELU_SCALE_ALPHA * Math.exp(x),
      };
  }
}

function leaky(x: number, alpha: number, right: boolean): CurvePoint {
  return { value: x >= 0 ? x : alpha * x, slope: right ? 1 : alpha };
}

/** Where f or f′ jumps or has a corner: a curve is drawn in pieces between these. */
export function activationCorners(activation: Activation): readonly number[] {
  switch (activation) {
    case 'step':
    case 'relu':
    case 'leakyRelu':
    case 'prelu':
    case 'selu':
      return [0];
    case 'hardTanh':
      return [-1, 1];
    default:
      return [];
  }
}

export interface XY {
  readonly x: number;
  readonly y: number;
}

/** One function drawn: unbroken pieces, and the dots that say which end a jump belongs to. */
export interface SampledCurve {
  readonly pieces: readonly (readonly XY[])[];
  /** The function's value at a jump. */
  readonly filled: readonly XY[];
  /** Where a piece ends without reaching its end (the value belongs to the other piece). */
  readonly open: readonly XY[];
}

/** How close to a corner a one-sided limit is read. */
const SIDE = 1e-9;

/**
 * Samples f and f′ on [from, to] at `steps` even intervals, split at the function's corners so
 * a jump is not drawn as a steep line, with a filled dot on the value the function takes there
 * and an open one on the value it does not.
 */
export function sampleActivation(
  setting: ActivationSetting,
  from: number,
  to: number,
  steps: number,
  options: CurveOptions = {},
): { readonly value: SampledCurve; readonly slope: SampledCurve } {
  const at = (x: number) => activationAt(setting, x, options);
  const corners = activationCorners(setting.activation).filter((c) => c > from && c < to);
  const grid = Array.from({ length: steps + 1 }, (_, i) => from + ((to - from) * i) / steps);
  return {
    value: sampleFunction((x) => at(x).value, grid, corners),
    slope: sampleFunction((x) => at(x).slope, grid, corners),
  };
}

function sampleFunction(
  f: (x: number) => number | undefined,
  grid: readonly number[],
  corners: readonly number[],
): SampledCurve {
  const pieces: XY[][] = [];
  const filled: XY[] = [];
  const open: XY[] = [];
  let piece: XY[] = [];
  const push = (x: number, y: number | undefined) => {
    if (y !== undefined) piece.push({ x, y });
  };
  const from = grid[0]!;
  const to = grid[grid.length - 1]!;
  const ends = [...corners, to];
  let start = from;
  push(from, f(from));
  for (const end of ends) {
    for (const x of grid) if (x > start && x < end) push(x, f(x));
    if (end === to) {
      push(to, f(to));
      break;
    }
    const left = f(end - SIDE);
    const right = f(end + SIDE);
    const here = f(end);
    const joined =
      here !== undefined &&
      left !== undefined &&
      right !== undefined &&
      near(left, here) &&
      near(right, here);
    if (joined) {
      push(end, here);
    } else {
      push(end, left);
      pieces.push(piece);
      piece = [];
      push(end, right);
      if (here !== undefined) filled.push({ x: end, y: here });
      for (const side of new Set([left, right])) {
        if (side !== undefined && (here === undefined || !near(side, here))) {
          open.push({ x: end, y: side });
        }
      }
    }
    start = end;
  }
  pieces.push(piece);
  return { pieces: pieces.filter((p) => p.length > 0), filled, open };
}

function near(a: number, b: number): boolean {
  return Math.abs(a - b) < 1e-6;
}

/** The formulas and the words the inspector shows with a curve. */
export interface CurveText {
  /** Names the function with its settings: "Leaky ReLU (α 0.01)". */
  readonly title: string;
  readonly value: string;
  readonly slope: string;
  /** What the picture alone does not say: a slope that is not defined, a choice of convention. */
  readonly note: string;
}

export function curveText(
  setting: ActivationSetting,
  options: Pick<CurveOptions, 'preluAlpha'> = {},
): CurveText {
  const title = activationTitle(setting.activation, setting.leakyAlpha);
  const cornerNote = (left: string, right: string) =>
    `At x = 0 the slope jumps from ${left} to ${right}. The curve follows the course, f′(0) = ${right}; TensorFlow, which trains the network, uses ${left} there. Only that one point differs.`;
  switch (setting.activation) {
    case 'linear':
      return {
        title,
        value: 'f(x) = x',
        slope: 'f′(x) = 1',
        note: "The course also writes f(x) = a·x; a layer's weights already scale the sum, so Neurite uses a = 1.",
      };
    case 'step':
      return {
        title,
        value: 'f(x) = 1 for x ≥ 0, 0 for x < 0',
        slope: 'f′(x) = 0 for every x except 0',
        note: 'At x = 0 the step jumps from 0 to 1, so it has no slope there: f′(0) is not defined. Everywhere else the slope is 0, so gradient descent gets no signal through a step; a lone perceptron learns by the perceptron rule instead.',
      };
    case 'sigmoid':
      return {
        title,
        value: 'f(x) = 1 / (1 + e⁻ˣ)',
        slope: 'f′(x) = f(x)·(1 − f(x))',
        note: 'The slope is largest at x = 0 (0.25) and almost 0 beyond ±3, where a neuron learns slowly.',
      };
    case 'tanh':
      return {
        title,
        value: 'f(x) = tanh(x) = 2·sigmoid(2x) − 1',
        slope: 'f′(x) = 1 − tanh²(x)',
        note: 'Like sigmoid but centred on 0, with a steeper slope: 1 at x = 0.',
      };
    case 'relu':
      return {
        title,
        value: 'f(x) = max(0, x)',
        slope: 'f′(x) = 1 for x ≥ 0, 0 for x < 0',
        note: cornerNote('0', '1'),
      };
    case 'leakyRelu': {
      const a = String(setting.leakyAlpha);
      return {
        title,
        value: `f(x) = x for x ≥ 0, ${a}·x for x < 0`,
        slope: `f′(x) = 1 for x ≥ 0, ${a} for x < 0`,
        note: cornerNote(a, '1'),
      };
    }
    case 'prelu': {
      const a = String(options.preluAlpha ?? PRELU_START_ALPHA);
      return {
        title,
        value: `f(x) = x for x ≥ 0, α·x for x < 0 (α = ${a})`,
        slope: `f′(x) = 1 for x ≥ 0, α for x < 0`,
        note: `PReLU learns α while it trains, one for every value of the layer's output. Each starts at ${a}, so before training PReLU is a ReLU: that is the curve shown. ${cornerNote('α', '1')}`,
      };
    }
    case 'hardTanh':
      return {
        title,
        value: 'f(x) = −1 for x < −1, x for −1 ≤ x ≤ 1, 1 for x > 1',
        slope: 'f′(x) = 1 for −1 ≤ x ≤ 1, 0 elsewhere',
        note: 'The course gives no slope at the corners x = ±1; the curve, like TensorFlow, uses 1 there.',
      };
    case 'softmax':
      return {
        title,
        value: 'f(x) = p₁ = eˣ / (eˣ + e¹ + e⁰)',
        slope: 'f′(x) = ∂p₁/∂x = p₁·(1 − p₁)',
        note: 'Softmax turns a whole list of scores into probabilities that add up to 1, so it has no curve of its own. Here the scores are [x, 1, 0], and the curve is the first probability p₁ as x changes.',
      };
    case 'elu':
      return {
        title,
        value: 'f(x) = x for x > 0, eˣ − 1 for x ≤ 0',
        slope: 'f′(x) = 1 for x > 0, eˣ for x ≤ 0',
        note: 'ELU is not in the course; its slope has no jump, so it bends smoothly at 0.',
      };
    case 'selu':
      return {
        title,
        value: `f(x) = λ·x for x ≥ 0, λ·α·(eˣ − 1) for x < 0`,
        slope: `f′(x) = λ for x ≥ 0, λ·α·eˣ for x < 0`,
        note: `SELU is not in the course. λ ≈ ${SELU_SCALE.toFixed(4)} and α ≈ ${SELU_ALPHA.toFixed(4)} are fixed. ${cornerNote('λ·α', 'λ')}`,
      };
  }
}
