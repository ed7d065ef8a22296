import { describe, expect, it } from 'vitest';
import { LAYER_KINDS, findKind } from '../../../src/shared/catalog/registry';
import type { ParamField } from './model';
import { describeParams, describeRange, formatFieldValue, readFieldText } from './model';

function fieldsOf(kind: string): Map<string, ParamField> {
  const found = findKind(kind);
  if (!found) throw new Error(`no kind ${kind}`);
  return new Map(describeParams(found).map((f) => [f.key, f]));
}

function field(kind: string, key: string): ParamField {
  const found = fieldsOf(kind).get(key);
  if (!found) throw new Error(`${kind} has no ${key}`);
  return found;
}

describe('inspector fields read from the kinds’ schemas', () => {
  it('gives every parameter of every kind a title, a description and an input that is not raw JSON', () => {
    for (const kind of LAYER_KINDS) {
      for (const f of describeParams(kind)) {
        expect(f.title, `${kind.kind}.${f.key}`).toMatch(/\S/);
        expect(f.description, `${kind.kind}.${f.key}`).toMatch(/\S/);
        expect(f.type, `${kind.kind}.${f.key}`).not.toBe('json');
      }
    }
  });

  it('reads numbers with their bounds and default', () => {
    expect(field('Dense', 'units')).toMatchObject({
      type: 'number',
      title: 'Units',
      defaultValue: 16,
      integer: true,
      min: { value: 1, inclusive: true },
    });
    expect(field('Dense', 'units')).not.toHaveProperty('max');
    expect(field('Dropout', 'rate')).toMatchObject({
      type: 'number',
      integer: false,
      min: { value: 0, inclusive: true },
      max: { value: 1, inclusive: false },
    });
    expect(describeRange(field('Dropout', 'rate') as never)).toBe(
      'number, from 0 to 1 (not included)',
    );
    expect(describeRange(field('Dense', 'units') as never)).toBe('whole number, at least 1');
  });

  it('reads choices with their help, booleans, and sizes', () => {
    const activation = field('Dense', 'activation');
    expect(activation).toMatchObject({ type: 'choice', defaultValue: 'linear' });
    expect(activation.type === 'choice' && activation.options).toContain('relu');
    expect(activation.type === 'choice' && activation.optionHelp.relu).toMatch(/\S/);
    expect(field('Dense', 'useBias')).toMatchObject({ type: 'boolean', defaultValue: true });
    expect(field('Conv2D', 'kernelSize')).toMatchObject({
      type: 'sizes',
      axes: 2,
      defaultValue: [3, 3],
      nullable: false,
    });
    expect(field('Input', 'shape')).toMatchObject({
      type: 'sizes',
      axes: undefined,
      minItems: 1,
      maxItems: 3,
    });
    expect(field('MaxPool2D', 'strides')).toMatchObject({
      type: 'sizes',
      nullable: true,
      defaultValue: null,
    });
  });

  it('reads initializers as a choice of forms with their own numbers', () => {
    const init = field('Dense', 'kernelInitializer');
    expect(init.type).toBe('variant');
    if (init.type !== 'variant') return;
    expect(init.variants.map((v) => v.name)).toContain('heNormal');
    expect(init.variants.find((v) => v.name === 'randomNormal')?.fields.map((f) => f.key)).toEqual([
      'mean',
      'stddev',
    ]);
    const recurrent = field('LSTM', 'recurrentInitializer');
    expect(recurrent.type === 'variant' && recurrent.variants[0]?.name).toBe('orthogonal');
  });

  it('names options in words while keeping the stored values', () => {
    const activation = field('Dense', 'activation');
    if (activation.type !== 'choice') throw new Error(activation.type);
    expect(activation.options).toContain('leakyRelu');
    expect(activation.optionTitles.leakyRelu).toBe('Leaky ReLU');
    const padding = field('Conv2D', 'padding');
    if (padding.type !== 'choice') throw new Error(padding.type);
    expect(padding.options).toEqual(['valid', 'same']);
    expect(padding.optionTitles.valid).toMatch(/^Valid \(no padding\)/);
    expect(padding.optionHelp.same).toMatch(/keeps the input size/);
    const init = field('Dense', 'kernelInitializer');
    if (init.type !== 'variant') throw new Error(init.type);
    const glorot = init.variants.find((v) => v.name === 'glorotUniform');
    expect(glorot?.title).toBe('Glorot (Xavier) uniform');
    expect(glorot?.help).toMatch(/\S/);
  });

  it('explains every number an initializer takes', () => {
    for (const kind of LAYER_KINDS) {
      for (const f of describeParams(kind)) {
        if (f.type !== 'variant') continue;
        for (const variant of f.variants) {
          for (const sub of variant.fields) {
            const where = `${kind.kind}.${f.key} ${variant.name}.${sub.key}`;
            expect(sub.description, where).toMatch(/\S/);
          }
        }
      }
    }
  });
});

describe('typing values into inspector fields', () => {
  const units = field('Dense', 'units');
  const kernel = field('Conv2D', 'kernelSize');
  const shape = field('Input', 'shape');
  const strides = field('MaxPool2D', 'strides');
  const asText = (f: ParamField) => {
    if (f.type !== 'number' && f.type !== 'sizes' && f.type !== 'json') throw new Error(f.type);
    return f;
  };

  it('reads numbers and says plainly when the text is not one', () => {
    expect(readFieldText(asText(units), ' 12 ')).toEqual({ ok: true, value: 12 });
    expect(readFieldText(asText(units), '1e3')).toEqual({ ok: true, value: 1000 });
    expect(readFieldText(asText(units), '')).toEqual({
      ok: false,
      message: 'Units needs a number.',
    });
    const bad = readFieldText(asText(units), '12 units');
    expect(bad).toEqual({ ok: false, message: 'Units must be a number like 16, not "12 units".' });
    expect(readFieldText(asText(units), '0x10').ok).toBe(false);
    expect(readFieldText(asText(units), 'Infinity').ok).toBe(false);
  });

  it('reads sizes written in the usual ways, one size meaning every axis', () => {
    for (const text of ['3, 5', '[3, 5]', '3×5', '3x5', '3 5', '(3,5)']) {
      expect(readFieldText(asText(kernel), text), text).toEqual({ ok: true, value: [3, 5] });
    }
    expect(readFieldText(asText(kernel), '4')).toEqual({ ok: true, value: [4, 4] });
    expect(readFieldText(asText(shape), '28, 28, 1')).toEqual({ ok: true, value: [28, 28, 1] });
    expect(readFieldText(asText(shape), '2')).toEqual({ ok: true, value: [2] });
    expect(readFieldText(asText(strides), '')).toEqual({ ok: true, value: null });
    const bad = readFieldText(asText(kernel), '3, x');
    expect(bad.ok === false && bad.message).toMatch(/"x" is not a number/);
    expect(readFieldText(asText(kernel), '').ok).toBe(false);
  });

  it('writes values back as the student would type them', () => {
    expect(formatFieldValue(asText(kernel), [3, 3])).toBe('3, 3');
    expect(formatFieldValue(asText(strides), null)).toBe('');
    expect(formatFieldValue(asText(units), 16)).toBe('16');
  });
});
