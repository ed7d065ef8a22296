import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_OPTIONS,
  OPTION_RULES,
  builtInSpec,
  checkOption,
} from '../../../src/renderer/src/data/model/option-fields';
import { builtInDatasetSchema } from '../../../src/shared/data/dataset-spec';

/** The built-in sets' settings are checked as typed, with the spec's own bounds. */

describe('OPTION_RULES', () => {
  it.each(BUILT_IN_OPTIONS)('%s accepts exactly what the data set spec accepts', (option) => {
    const { min, max, whole } = OPTION_RULES[option];
    const accepts = (value: number) =>
      builtInDatasetSchema.safeParse({ source: 'builtin', name: 'circle', [option]: value })
        .success;
    expect(accepts(min)).toBe(true);
    expect(accepts(max)).toBe(true);
    expect(accepts(min - 1)).toBe(false);
    expect(accepts(max + 1)).toBe(false);
    expect(accepts(min + 0.5)).toBe(!whole);
    for (const value of [min, max, min - 1, max + 1, min + 0.5]) {
      expect(checkOption(option, String(value)).ok).toBe(accepts(value));
    }
  });
});

describe('checkOption', () => {
  it('says what is wrong and what is allowed', () => {
    expect(checkOption('samples', '2')).toEqual({
      ok: false,
      message: '2 is too small. Examples must be a whole number from 4 to 100,000.',
    });
    expect(checkOption('samples', '12.5')).toEqual({
      ok: false,
      message: '12.5 is not a whole number. Examples must be a whole number from 4 to 100,000.',
    });
    expect(checkOption('noise', '')).toEqual({
      ok: false,
      message: 'Noise is empty. Noise must be a number from 0 to 5.',
    });
    expect(checkOption('noise', 'abc')).toEqual({
      ok: false,
      message: '"abc" is not a number. Noise must be a number from 0 to 5.',
    });
    expect(checkOption('limit', '20000')).toEqual({
      ok: false,
      message: '20,000 is too large. Examples must be a whole number from 10 to 10,000.',
    });
  });

  it('reads a decimal comma and surrounding spaces', () => {
    expect(checkOption('noise', ' 0,25 ')).toEqual({ ok: true, value: 0.25 });
  });
});

describe('builtInSpec', () => {
  it('builds the spec from the typed settings, or nothing while one is invalid', () => {
    expect(builtInSpec('circle', { samples: '300', noise: '0.2', seed: '7' })).toEqual({
      source: 'builtin',
      name: 'circle',
      samples: 300,
      noise: 0.2,
      seed: 7,
    });
    expect(builtInSpec('circle', { samples: '3', noise: '0.2' })).toBeUndefined();
    expect(builtInSpec('xor', {})).toEqual({ source: 'builtin', name: 'xor' });
  });
});
