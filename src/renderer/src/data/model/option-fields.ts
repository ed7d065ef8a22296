import type { DatasetSpec } from '../../../../shared/data/dataset-spec';

/** Settings a built-in data set may listen to (see datasets.builtins' `options`). */
export const BUILT_IN_OPTIONS = ['samples', 'noise', 'seed', 'limit', 'steps'] as const;
export type BuiltInOption = (typeof BUILT_IN_OPTIONS)[number];

interface OptionRule {
  readonly label: string;
  readonly hint: string;
  readonly min: number;
  readonly max: number;
  readonly whole: boolean;
  readonly step: number;
}

/**
 * What each setting means and the values the data set spec accepts (the bounds of
 * builtInDatasetSchema; a unit test keeps them in step), so a bad value is explained at the
 * field before anything is loaded.
 */
export const OPTION_RULES: Readonly<Record<BuiltInOption, OptionRule>> = {
  samples: {
    label: 'Examples',
    hint: 'How many examples to generate.',
    min: 4,
    max: 100_000,
    whole: true,
    step: 1,
  },
  noise: {
    label: 'Noise',
    hint: 'How much the points scatter; 0 puts them exactly on their shape.',
    min: 0,
    max: 5,
    whole: false,
    step: 0.05,
  },
  seed: {
    label: 'Seed',
    hint: 'The same seed always gives the same examples.',
    min: 0,
    max: 2 ** 31 - 1,
    whole: true,
    step: 1,
  },
  limit: {
    label: 'Examples',
    hint: 'How many of the digits to use (the first ones, every digit in its usual share).',
    min: 10,
    max: 10_000,
    whole: true,
    step: 1,
  },
  steps: {
    label: 'Steps per sequence',
    hint: 'How long each sequence is.',
    min: 2,
    max: 500,
    whole: true,
    step: 1,
  },
};

const format = (n: number) => n.toLocaleString('en-US');

export type OptionCheck =
  { readonly ok: true; readonly value: number } | { readonly ok: false; readonly message: string };

/** Reads what the user typed into a setting's field, or says what is wrong with it. */
export function checkOption(option: BuiltInOption, text: string): OptionCheck {
  const rule = OPTION_RULES[option];
  const range = `from ${format(rule.min)} to ${format(rule.max)}`;
  const trimmed = text.trim().replace(',', '.');
  const wanted = `${rule.label} must be ${rule.whole ? 'a whole number' : 'a number'} ${range}.`;
  if (trimmed === '') return { ok: false, message: `${rule.label} is empty. ${wanted}` };
  const value = Number(trimmed);
  if (!Number.isFinite(value))
    return { ok: false, message: `"${text}" is not a number. ${wanted}` };
  if (rule.whole && !Number.isInteger(value)) {
    return { ok: false, message: `${format(value)} is not a whole number. ${wanted}` };
  }
  if (value < rule.min) return { ok: false, message: `${format(value)} is too small. ${wanted}` };
  if (value > rule.max) return { ok: false, message: `${format(value)} is too large. ${wanted}` };
  return { ok: true, value };
}

type BuiltInSpec = Extract<DatasetSpec, { source: 'builtin' }>;

/** A built-in spec with the settings the user typed; undefined while any of them is invalid. */
export function builtInSpec(
  name: BuiltInSpec['name'],
  texts: Readonly<Partial<Record<BuiltInOption, string>>>,
): BuiltInSpec | undefined {
  const spec: { -readonly [K in keyof BuiltInSpec]: BuiltInSpec[K] } = { source: 'builtin', name };
  for (const option of BUILT_IN_OPTIONS) {
    const text = texts[option];
    if (text === undefined) continue;
    const checked = checkOption(option, text);
    if (!checked.ok) return undefined;
    spec[option] = checked.value;
  }
  return spec;
}

export type OptionTexts = Readonly<Partial<Record<BuiltInOption, string>>>;

/**
 * The text of each setting's field when the list of built-in sets arrives: the saved choice's
 * own values for the saved set, the set's defaults for the others. Sets without settings get
 * no fields.
 */
export function initialOptionTexts(
  builtins: readonly {
    readonly name: string;
    readonly options?: Partial<Record<BuiltInOption, number>> | undefined;
  }[],
  saved: DatasetSpec | undefined,
): Readonly<Record<string, OptionTexts>> {
  return Object.fromEntries(
    builtins.map((d) => {
      const texts: Partial<Record<BuiltInOption, string>> = {};
      for (const option of BUILT_IN_OPTIONS) {
        const fallback = d.options?.[option];
        if (fallback === undefined) continue;
        const own =
          saved?.source === 'builtin' && saved.name === d.name ? saved[option] : undefined;
        texts[option] = String(own ?? fallback);
      }
      return [d.name, texts];
    }),
  );
}
