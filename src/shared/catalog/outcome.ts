import type { TensorInfo } from '../shapes/shape';
import type { InferOutcome, NodeProblem, ParamCount } from './types';
import { NO_PARAMS } from './types';

/** Helpers that keep the shape rules in `kinds/` short and uniform. */
export function produce(
  output: TensorInfo,
  params: ParamCount = NO_PARAMS,
  warnings: readonly NodeProblem[] = [],
): InferOutcome {
  return warnings.length > 0
    ? { ok: true, output, params, warnings }
    : { ok: true, output, params };
}

export function fail(code: string, message: string, field?: string): InferOutcome {
  return { ok: false, errors: [problem('error', code, message, field)] };
}

export function problem(
  severity: NodeProblem['severity'],
  code: string,
  message: string,
  field?: string,
): NodeProblem {
  return field === undefined ? { severity, code, message } : { severity, code, message, field };
}

/** A warning that lets the network be built but not trained; see NodeProblem.blocksTraining. */
export function trainingBlocker(code: string, message: string, field?: string): NodeProblem {
  return { ...problem('warning', code, message, field), blocksTraining: true };
}

export function trainable(count: number): ParamCount {
  return { trainable: count, nonTrainable: 0 };
}

export function addCounts(a: ParamCount, b: ParamCount): ParamCount {
  return { trainable: a.trainable + b.trainable, nonTrainable: a.nonTrainable + b.nonTrainable };
}
