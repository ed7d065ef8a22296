import { describe, expect, it } from 'vitest';
import {
  applicableParams,
  describeParams,
  fieldApplies,
} from '../../../src/shared/catalog/param-fields';
import { LAYER_KINDS, findKind } from '../../../src/shared/catalog/registry';

/** When a parameter matters is a fact of the catalog, which the inspector only reads. */

describe('fieldApplies', () => {
  const leaky = { appliesWhen: { activation: ['leakyRelu'] } };
  it.each([
    [{}, { activation: 'tanh' }, true],
    [leaky, { activation: 'leakyRelu' }, true],
    [leaky, { activation: 'tanh' }, false],
    [leaky, {}, false],
    [{ appliesWhen: { a: [1], b: [true] } }, { a: 1, b: true }, true],
    [{ appliesWhen: { a: [1], b: [true] } }, { a: 1, b: false }, false],
  ])('%j with %j: %s', (field, params, expected) => {
    expect(fieldApplies(field, params)).toBe(expected);
  });

  it('takes a missing parameter as its default', () => {
    expect(fieldApplies(leaky, {}, { activation: 'leakyRelu' })).toBe(true);
  });
});

describe('applicableParams', () => {
  it('leaves the leaky slope out of a Tanh Dense layer, and keeps it for leaky ReLU', () => {
    const dense = findKind('Dense')!;
    const keys = (params: Record<string, unknown>) =>
      applicableParams(dense, params).map((f) => f.key);
    expect(keys({ units: 8, activation: 'tanh' })).not.toContain('leakyAlpha');
    expect(keys({ units: 8, activation: 'leakyRelu' })).toContain('leakyAlpha');
    expect(keys({ units: 8, activation: 'tanh' })).toContain('activation');
  });

  it('names, in every kind, parameters the kind has and values they can take', () => {
    for (const kind of LAYER_KINDS) {
      const fields = describeParams(kind);
      for (const field of fields.filter((f) => f.appliesWhen)) {
        for (const [key, values] of Object.entries(field.appliesWhen!)) {
          const other = fields.find((f) => f.key === key);
          expect(other, `${kind.kind}.${field.key} depends on ${key}`).toBeDefined();
          const allowed =
            other!.type === 'choice'
              ? other!.options
              : other!.type === 'boolean'
                ? [true, false]
                : [];
          for (const value of values) expect(allowed).toContain(value);
        }
      }
    }
  });
});
