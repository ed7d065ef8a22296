import { expect, it } from 'vitest';
import type { InferOutcome, LayerKind, ParamCount } from '../../../src/shared/catalog/types';
import type { DType, Dim, TensorInfo } from '../../../src/shared/shapes/shape';

/**
 * Table-driven helpers for the layer catalog, in the style of tfjs-layers' core_test.ts: each
 * row is parameters plus input shapes, and either the expected output shape and weight count
 * or the expected error.
 */

export const floats = (...shape: Dim[]): TensorInfo => ({ shape, dtype: 'float32' });
export const tokens = (...shape: Dim[]): TensorInfo => ({ shape, dtype: 'int32' });

/** How the catalog names the node under test in its messages. */
export function nodeName(kind: LayerKind): string {
  return `${kind.kind} "n"`;
}

/** Parses `params` through the kind's schema (so defaults apply) and runs shape inference. */
export function inferKind(
  kind: LayerKind,
  params: Record<string, unknown>,
  ...inputs: TensorInfo[]
): InferOutcome {
  return kind.infer({ params: kind.paramsSchema.parse(params), inputs, name: nodeName(kind) });
}

export interface ShapeRow {
  readonly params: Record<string, unknown>;
  readonly inputs: readonly TensorInfo[];
  readonly output: readonly Dim[];
  /** Trainable weights; non-trainable ones default to 0. */
  readonly trainable: number;
  readonly nonTrainable?: number;
  readonly dtype?: DType;
  /** Codes of the warnings expected, none when left out. */
  readonly warnings?: readonly string[];
}

export interface ErrorRow {
  readonly params: Record<string, unknown>;
  readonly inputs: readonly TensorInfo[];
  readonly code: string;
  /** Substrings the message must contain. */
  readonly message: readonly string[];
}

function describeRow(row: {
  params: Record<string, unknown>;
  inputs: readonly TensorInfo[];
}): string {
  const shapes = row.inputs
    .map((i) => `${i.dtype === 'int32' ? 'tokens ' : ''}(${i.shape.join(', ')})`)
    .join(' + ');
  return `${JSON.stringify(row.params)} on ${shapes || 'no input'}`;
}

/** One `it` per row: output shape, dtype and weight count must match exactly. */
export function itInfersShapes(kind: LayerKind, rows: readonly ShapeRow[]): void {
  for (const row of rows) {
    it(`${describeRow(row)} → (${row.output.join(', ')}), ${row.trainable} weights`, () => {
      const outcome = inferKind(kind, row.params, ...row.inputs);
      if (!outcome.ok) expect.fail(outcome.errors.map((e) => e.message).join('\n'));
      expect(outcome.output.shape).toEqual(row.output);
      expect(outcome.output.dtype).toBe(row.dtype ?? 'float32');
      const counts: ParamCount = { trainable: row.trainable, nonTrainable: row.nonTrainable ?? 0 };
      expect(outcome.params).toEqual(counts);
      expect((outcome.warnings ?? []).map((w) => w.code)).toEqual(row.warnings ?? []);
    });
  }
}

/** One `it` per row: inference must fail with this code, and the message must name the node. */
export function itRejects(kind: LayerKind, rows: readonly ErrorRow[]): void {
  for (const row of rows) {
    it(`${describeRow(row)} → ${row.code}`, () => {
      const outcome = inferKind(kind, row.params, ...row.inputs);
      if (outcome.ok) expect.fail(`expected ${row.code}, got (${outcome.output.shape.join(', ')})`);
      const error = outcome.errors[0]!;
      expect(error.severity).toBe('error');
      expect(error.code).toBe(row.code);
      expect(error.message).toContain(nodeName(kind));
      for (const part of row.message) expect(error.message).toContain(part);
    });
  }
}

/** Parameters the schema must refuse. */
export function itRefusesParams(kind: LayerKind, rows: readonly Record<string, unknown>[]): void {
  for (const params of rows) {
    it(`refuses ${JSON.stringify(params)}`, () => {
      expect(kind.paramsSchema.safeParse(params).success).toBe(false);
    });
  }
}
