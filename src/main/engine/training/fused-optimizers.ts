import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import {
  activeWasmBackend,
  heapOffset,
  heapView,
  onWasmHeap,
  ownValues,
  valuesChanged,
} from '../backends/wasm-heap';
import type { UpdateName } from '../backends/wasm-simd-loops';
import { runSimdUpdate } from '../backends/wasm-simd-loops';
import { tf } from '../tf';

/**
 * TF.js' optimizers, with the update done in one pass per weight tensor on the WebAssembly
 * backend. TF.js runs Adam as 13 element-wise kernels per weight tensor, each allocating a
 * tensor; for small networks that was a large share of a training step (0.22 ms of Adam for a
 * 13,610-weight CNN, 0.02 ms in one pass).
 *
 * The pass repeats TF.js' own float32 operations in TF.js' order: four weights at a time with
 * WebAssembly SIMD (wasm-simd-loops.ts), the last few in JavaScript, each operation rounded to
 * float32 with Math.fround. A float32 +, −, ×, ÷ or √ computed in double and then rounded gives
 * the float32 result exactly, so the new weights and optimizer state are bit for bit those of
 * TF.js' optimizer (fused-optimizers.test.ts compares them with the cpu backend's).
 *
 * The values are written in place on the wasm heap, after making sure no other tensor shares
 * them (wasm-heap.ts: ownValues), and each written tensor is renumbered for the C++ side so
 * that XNNPACK repacks the new weights (valuesChanged).
 *
 * The state lives where TF.js keeps it (the same variables, the same names), so the learning
 * rate, getWeights/setWeights and dispose work as before. On any other backend, for a list of
 * gradients rather than a map, or for a tensor that is not float32 on the wasm heap, the
 * update is TF.js' own.
 */

const f = Math.fround;

interface OptimizerVariable {
  originalName: string;
  variable: tf.Variable;
}

type GradientMap = Record<string, tf.Tensor>;
/** What applyGradients takes: a map from variable name to gradient, or a list of them. */
type Gradients = Parameters<tf.Optimizer['applyGradients']>[0];

/** The gradients as a map whose tensors can all be read on the wasm heap, else undefined. */
function fusable(
  variableGradients: Gradients,
): { backend: BackendWasm; grads: GradientMap } | undefined {
  const backend = activeWasmBackend();
  if (!backend || Array.isArray(variableGradients)) return undefined;
  const grads = variableGradients;
  for (const name of Object.keys(grads)) {
    const gradient = grads[name];
    const variable = tf.engine().registeredVariables[name];
    if (gradient == null) continue;
    if (!variable || !onWasmHeap(backend, gradient) || !onWasmHeap(backend, variable)) {
      return undefined;
    }
  }
  return { backend, grads };
}

/** A state variable of the optimizer, created as TF.js creates it (zeros or a fill value). */
function stateVariable(
  slots: OptimizerVariable[],
  index: number,
  name: string,
  suffix: string,
  like: tf.Variable,
  fill = 0,
): tf.Variable {
  slots[index] ??= {
    originalName: `${name}/${suffix}`,
    variable: tf.tidy(() =>
      (fill === 0 ? tf.zerosLike(like) : tf.fill(like.shape, fill)).variable(false),
    ),
  };
  return slots[index].variable;
}

/**
 * Runs the SIMD update (wasm-simd-loops.ts) on the tensors' values and returns where the
 * JavaScript loop takes over: at the last few weights, or at 0 where SIMD is missing.
 */
function simdUpdate(
  backend: BackendWasm,
  name: UpdateName,
  tensors: readonly tf.Tensor[],
  constants: readonly number[],
): number {
  const offsets = tensors.map((t) => heapOffset(backend, t));
  return runSimdUpdate(backend, name, offsets, tensors[1]!.size, constants);
}

function scalarValue(backend: BackendWasm, variable: tf.Variable): number {
  return heapView(backend, variable)[0]!;
}

// ---------------------------------------------------------------------------------------

/** SGD: w ← w + (−α)·g. */
export class FusedSGDOptimizer extends tf.SGDOptimizer {
  override applyGradients(variableGradients: Gradients): void {
    const fused = fusable(variableGradients);
    if (!fused) return super.applyGradients(variableGradients);
    const { backend, grads } = fused;
    const c = f(-this.learningRate);
    for (const name of Object.keys(grads)) {
      const gradient = grads[name];
      if (gradient == null) continue;
      const value = tf.engine().registeredVariables[name]!;
      ownValues(backend, value);
      const start = simdUpdate(backend, 'sgd', [gradient, value], [c]);
      const g = heapView(backend, gradient);
      const w = heapView(backend, value);
      for (let i = start; i < w.length; i++) w[i] = f(f(c * g[i]!) + w[i]!);
      valuesChanged(backend, value);
    }
    this.incrementIterations();
  }
}

/** Momentum (TF.js' summing form): a ← β·a + g, w ← w + (−α)·a. */
export class FusedMomentumOptimizer extends tf.MomentumOptimizer {
  override applyGradients(
    variableGradients: Parameters<tf.MomentumOptimizer['applyGradients']>[0],
  ): void {
    const self = this as unknown as {
      accumulations: OptimizerVariable[];
      momentum: number;
      useNesterov: boolean;
    };
    const fused = self.useNesterov ? undefined : fusable(variableGradients);
    if (!fused) return super.applyGradients(variableGradients);
    const { backend, grads } = fused;
    const c = f(-this.learningRate);
    const beta = f(self.momentum);
    Object.keys(grads).forEach((name, index) => {
      const value = tf.engine().registeredVariables[name]!;
      const accumulation = stateVariable(self.accumulations, index, name, 'momentum', value);
      const gradient = grads[name];
      if (gradient == null) return;
      ownValues(backend, value);
      ownValues(backend, accumulation);
      const g = heapView(backend, gradient);
      const w = heapView(backend, value);
      const a = heapView(backend, accumulation);
      const start = simdUpdate(backend, 'momentum', [gradient, value, accumulation], [c, beta]);
      for (let i = start; i < w.length; i++) {
        const next = f(f(beta * a[i]!) + g[i]!);
        a[i] = next;
        w[i] = f(f(c * next) + w[i]!);
      }
      valuesChanged(backend, value);
      valuesChanged(backend, accumulation);
    });
    this.incrementIterations();
  }
}

/** Adagrad: s ← s + g², w ← w + (g / √(s + ε))·(−α). */
export class FusedAdagradOptimizer extends tf.AdagradOptimizer {
  override applyGradients(
    variableGradients: Parameters<tf.AdagradOptimizer['applyGradients']>[0],
  ): void {
    const self = this as unknown as {
      accumulatedGrads: OptimizerVariable[];
      initialAccumulatorValue: number;
    };
    const fused = fusable(variableGradients);
    if (!fused) return super.applyGradients(variableGradients);
    const { backend, grads } = fused;
    const rate = f(-this.learningRate);
    const epsilon = f(backend.epsilon());
    Object.keys(grads).forEach((name, index) => {
      const value = tf.engine().registeredVariables[name]!;
      const accumulated = stateVariable(
        self.accumulatedGrads,
        index,
        name,
        'accumulator',
        value,
        self.initialAccumulatorValue,
      );
      const gradient = grads[name];
      if (gradient == null) return;
      ownValues(backend, value);
      ownValues(backend, accumulated);
      const g = heapView(backend, gradient);
      const w = heapView(backend, value);
      const s = heapView(backend, accumulated);
      const start = simdUpdate(backend, 'adagrad', [gradient, value, accumulated], [rate, epsilon]);
      for (let i = start; i < w.length; i++) {
        const gi = g[i]!;
        const next = f(s[i]! + f(gi * gi));
        s[i] = next;
        w[i] = f(f(f(gi / f(Math.sqrt(f(next + epsilon)))) * rate) + w[i]!);
      }
      valuesChanged(backend, value);
      valuesChanged(backend, accumulated);
    });
    this.incrementIterations();
  }
}

/** RMSProp (not centred): s ← ρ·s + (1−ρ)·g², m ← μ·m + α·g / √(s + ε), w ← w − m. */
export class FusedRMSPropOptimizer extends tf.RMSPropOptimizer {
  override applyGradients(
    variableGradients: Parameters<tf.RMSPropOptimizer['applyGradients']>[0],
  ): void {
    const self = this as unknown as {
      accumulatedMeanSquares: OptimizerVariable[];
      accumulatedMoments: OptimizerVariable[];
      decay: number;
      momentum: number;
      epsilon: number;
      centered: boolean;
    };
    const fused = self.centered ? undefined : fusable(variableGradients);
    if (!fused) return super.applyGradients(variableGradients);
    const { backend, grads } = fused;
    const decay = f(self.decay);
    const rest = f(1 - self.decay);
    const momentum = f(self.momentum);
    const rate = f(this.learningRate);
    const epsilon = f(self.epsilon);
    Object.keys(grads).forEach((name, index) => {
      const value = tf.engine().registeredVariables[name]!;
      const meanSquare = stateVariable(self.accumulatedMeanSquares, index, name, 'rms', value);
      const moment = stateVariable(self.accumulatedMoments, index, name, 'momentum', value);
      const gradient = grads[name];
      if (gradient == null) return;
      ownValues(backend, value);
      ownValues(backend, meanSquare);
      ownValues(backend, moment);
      const g = heapView(backend, gradient);
      const w = heapView(backend, value);
      const s = heapView(backend, meanSquare);
      const m = heapView(backend, moment);
      const start = simdUpdate(
        backend,
        'rmsprop',
        [gradient, value, meanSquare, moment],
        [decay, rest, momentum, rate, epsilon],
      );
      for (let i = start; i < w.length; i++) {
        const gi = g[i]!;
        const nextS = f(f(s[i]! * decay) + f(f(gi * gi) * rest));
        const step = f(f(gi * rate) / f(Math.sqrt(f(nextS + epsilon))));
        const nextM = f(f(m[i]! * momentum) + step);
        s[i] = nextS;
        m[i] = nextM;
        w[i] = f(w[i]! - nextM);
      }
      valuesChanged(backend, value);
      valuesChanged(backend, meanSquare);
      valuesChanged(backend, moment);
    });
    this.incrementIterations();
  }
}

/**
 * Adam: m ← β₁·m + (1−β₁)·g, v ← β₂·v + (1−β₂)·g², w ← w + (m̂ / (√v̂ + ε))·(−α) with
 * m̂ = m / (1 − β₁ᵗ), v̂ = v / (1 − β₂ᵗ); β₁ᵗ and β₂ᵗ are float32 variables, as in TF.js.
 */
export class FusedAdamOptimizer extends tf.AdamOptimizer {
  override applyGradients(
    variableGradients: Parameters<tf.AdamOptimizer['applyGradients']>[0],
  ): void {
    const self = this as unknown as {
      accumulatedFirstMoment: OptimizerVariable[];
      accumulatedSecondMoment: OptimizerVariable[];
      accBeta1: tf.Variable;
      accBeta2: tf.Variable;
      beta1: number;
      beta2: number;
      epsilon: number;
    };
    const fused = fusable(variableGradients);
    if (!fused || !onWasmHeap(fused.backend, self.accBeta1)) {
      return super.applyGradients(variableGradients);
    }
    const { backend, grads } = fused;
    const beta1 = f(self.beta1);
    const beta2 = f(self.beta2);
    const rest1 = f(1 - self.beta1);
    const rest2 = f(1 - self.beta2);
    const epsilon = f(self.epsilon);
    const rate = f(-this.learningRate);
    const accBeta1 = scalarValue(backend, self.accBeta1);
    const accBeta2 = scalarValue(backend, self.accBeta2);
    const correction1 = f(1 - accBeta1);
    const correction2 = f(1 - accBeta2);
    Object.keys(grads).forEach((name, index) => {
      const value = tf.engine().registeredVariables[name]!;
      const first = stateVariable(self.accumulatedFirstMoment, index, name, 'm', value);
      const second = stateVariable(self.accumulatedSecondMoment, index, name, 'v', value);
      const gradient = grads[name];
      if (gradient == null) return;
      ownValues(backend, value);
      ownValues(backend, first);
      ownValues(backend, second);
      const g = heapView(backend, gradient);
      const w = heapView(backend, value);
      const m = heapView(backend, first);
      const v = heapView(backend, second);
      const start = simdUpdate(
        backend,
        'adam',
        [gradient, value, first, second],
        [beta1, rest1, beta2, rest2, correction1, correction2, epsilon, rate],
      );
      for (let i = start; i < w.length; i++) {
        const gi = g[i]!;
        const nextM = f(f(m[i]! * beta1) + f(gi * rest1));
        const nextV = f(f(v[i]! * beta2) + f(f(gi * gi) * rest2));
        m[i] = nextM;
        v[i] = nextV;
        const mHat = f(nextM / correction1);
        const vHat = f(nextV / correction2);
        w[i] = f(f(f(mHat / f(f(Math.sqrt(vHat)) + epsilon)) * rate) + w[i]!);
      }
      valuesChanged(backend, value);
      valuesChanged(backend, first);
      valuesChanged(backend, second);
    });
    ownValues(backend, self.accBeta1);
    ownValues(backend, self.accBeta2);
    heapView(backend, self.accBeta1)[0] = f(accBeta1 * beta1);
    heapView(backend, self.accBeta2)[0] = f(accBeta2 * beta2);
    valuesChanged(backend, self.accBeta1);
    valuesChanged(backend, self.accBeta2);
    this.incrementIterations();
  }
}
