import { z } from 'zod';
import type { LayerKind } from './types';

/**
 * The catalog's one reader of parameter schemas: each parameter of a kind as a field with its
 * title, description, default and the constraints an input (or a line of documentation) can
 * show. The editor's inspector draws its form from these and the layer reference is written
 * from them. The schema stays the only judge of what is valid; this only describes it.
 *
 * It reads zod's JSON Schema (`z.toJSONSchema`, a public API) rather than zod's internals, with
 * `io: 'output'` because that keeps the defaults of fields written through `z.preprocess`
 * (initializers, window sizes). Custom metadata (`optionTitles`, `optionHelp`) comes through as
 * extra keys.
 */

export interface Bound {
  readonly value: number;
  /** True for "at least"/"at most", false for "more than"/"less than". */
  readonly inclusive: boolean;
}

interface FieldBase {
  readonly key: string;
  readonly title: string;
  readonly description: string;
  /**
   * When the parameter matters: for each other parameter named, the values it must have (the
   * leaky slope only with the leaky ReLU activation). Absent: always.
   */
  readonly appliesWhen?: AppliesWhen;
}

/** Other parameters' values under which a parameter matters; see FieldBase.appliesWhen. */
export type AppliesWhen = Readonly<Record<string, readonly unknown[]>>;

/** What a number must be: whole or not, and its bounds (bounds that only stop overflow are left out). */
export interface NumberRule {
  readonly integer: boolean;
  readonly min?: Bound;
  readonly max?: Bound;
}

export interface NumberField extends FieldBase, NumberRule {
  readonly type: 'number';
  readonly defaultValue: number | undefined;
}

export interface ChoiceField extends FieldBase {
  readonly type: 'choice';
  readonly defaultValue: string | undefined;
  readonly options: readonly string[];
  /** The words shown for each option; the stored value stays the option itself. */
  readonly optionTitles: Readonly<Record<string, string>>;
  /** What each option means, when the schema says (activations do). */
  readonly optionHelp: Readonly<Record<string, string>>;
}

export interface BooleanField extends FieldBase {
  readonly type: 'boolean';
  readonly defaultValue: boolean | undefined;
}

/** A shape or a size per axis, typed as "3, 3". */
export interface SizesField extends FieldBase {
  readonly type: 'sizes';
  readonly defaultValue: readonly number[] | null | undefined;
  /** Exactly this many sizes (a kernel over 2 axes), or undefined for a free-length shape. */
  readonly axes: number | undefined;
  readonly minItems: number | undefined;
  readonly maxItems: number | undefined;
  /** What each size must be. */
  readonly item: NumberRule;
  /** Left empty means "not set" (a pooling stride then follows the pool size). */
  readonly nullable: boolean;
}

/** One of several named forms, each with its own numbers: an initializer. */
export interface VariantField extends FieldBase {
  readonly type: 'variant';
  readonly defaultValue: Readonly<Record<string, unknown>> | undefined;
  readonly discriminator: string;
  readonly variants: readonly {
    readonly name: string;
    /** The words shown for this form: "Glorot (Xavier) uniform" for `glorotUniform`. */
    readonly title: string;
    readonly help: string | undefined;
    readonly fields: readonly NumberField[];
  }[];
}

/** Anything else: edited as JSON text, still checked by the schema. */
export interface JsonField extends FieldBase {
  readonly type: 'json';
  readonly defaultValue: unknown;
  /** The JSON Schema type, when there is one ("string"), for documentation. */
  readonly jsonType: string | undefined;
}

export type ParamField =
  NumberField | ChoiceField | BooleanField | SizesField | VariantField | JsonField;

/** The parts of a JSON Schema that `z.toJSONSchema` writes for the catalog's parameters. */
interface JsonSchema {
  readonly type?: string;
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly default?: unknown;
  readonly title?: string;
  readonly description?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly items?: JsonSchema | false;
  readonly prefixItems?: readonly JsonSchema[];
  readonly anyOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly optionTitles?: unknown;
  readonly optionHelp?: unknown;
  readonly appliesWhen?: unknown;
}

function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as JsonSchema;
}

/** A `{ option: text }` record from the metadata (`optionTitles`, `optionHelp`). */
function textRecord(value: unknown): Readonly<Record<string, string>> {
  if (!value || typeof value !== 'object') return {};
  return Object.fromEntries(
    Object.entries(value).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );
}

const isNumberSchema = (s: JsonSchema): boolean => s.type === 'number' || s.type === 'integer';

/** Bounds that only stop overflow say nothing a student needs to see. */
function meaningful(value: number | undefined): value is number {
  return value !== undefined && Math.abs(value) < Number.MAX_SAFE_INTEGER;
}

function numberRule(s: JsonSchema): NumberRule {
  const min: Bound | undefined = meaningful(s.minimum)
    ? { value: s.minimum, inclusive: true }
    : meaningful(s.exclusiveMinimum)
      ? { value: s.exclusiveMinimum, inclusive: false }
      : undefined;
  const max: Bound | undefined = meaningful(s.maximum)
    ? { value: s.maximum, inclusive: true }
    : meaningful(s.exclusiveMaximum)
      ? { value: s.exclusiveMaximum, inclusive: false }
      : undefined;
  return { integer: s.type === 'integer', ...(min ? { min } : {}), ...(max ? { max } : {}) };
}

/** The options of a union, with `null` taken out and reported separately. */
function splitNull(s: JsonSchema): { options: readonly JsonSchema[]; nullable: boolean } {
  const options = s.anyOf ?? s.oneOf;
  if (!options) return { options: [s], nullable: false };
  const nonNull = options.filter((o) => o.type !== 'null');
  return {
    options: nonNull.flatMap((o) => splitNull(o).options),
    nullable: nonNull.length < options.length,
  };
}

function numberField(base: FieldBase, s: JsonSchema, defaultValue: unknown): NumberField {
  return {
    ...base,
    type: 'number',
    defaultValue: typeof defaultValue === 'number' ? defaultValue : undefined,
    ...numberRule(s),
  };
}

function sizesField(
  base: FieldBase,
  s: JsonSchema,
  defaultValue: unknown,
  nullable: boolean,
): SizesField | undefined {
  const tuple = s.prefixItems;
  const elements = tuple ?? (s.items ? [s.items] : []);
  if (elements.length === 0 || !elements.every(isNumberSchema)) return undefined;
  return {
    ...base,
    type: 'sizes',
    defaultValue: Array.isArray(defaultValue) || defaultValue === null ? defaultValue : undefined,
    axes: tuple ? tuple.length : undefined,
    minItems: tuple ? tuple.length : s.minItems,
    maxItems: tuple ? tuple.length : s.maxItems,
    item: numberRule(elements[0]!),
    nullable,
  };
}

function variantField(
  base: FieldBase,
  field: JsonSchema,
  options: readonly JsonSchema[],
  defaultValue: unknown,
): VariantField | undefined {
  const discriminator = 'type';
  const titles = textRecord(field.optionTitles);
  const help = textRecord(field.optionHelp);
  const variants: VariantField['variants'][number][] = [];
  for (const option of options) {
    const name = option.properties?.[discriminator]?.const;
    if (option.type !== 'object' || typeof name !== 'string') return undefined;
    const fields: NumberField[] = [];
    for (const [key, sub] of Object.entries(option.properties ?? {})) {
      if (key === discriminator) continue;
      if (!isNumberSchema(sub)) return undefined;
      const subBase = {
        key,
        title: sub.title ?? humanize(key),
        description: sub.description ?? '',
      };
      fields.push(numberField(subBase, sub, sub.default));
    }
    if (!variants.some((v) => v.name === name)) {
      variants.push({ name, title: titles[name] ?? humanize(name), help: help[name], fields });
    }
  }
  return {
    ...base,
    type: 'variant',
    discriminator,
    variants,
    defaultValue:
      defaultValue && typeof defaultValue === 'object'
        ? (defaultValue as Record<string, unknown>)
        : undefined,
  };
}

/** The `appliesWhen` metadata, when it is a record of value lists. */
function appliesWhenOf(value: unknown): AppliesWhen | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const entries = Object.entries(value).filter((entry): entry is [string, unknown[]] =>
    Array.isArray(entry[1]),
  );
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

/**
 * Whether a parameter matters for a layer with these parameters: every parameter its
 * `appliesWhen` names has one of the values listed (a missing one counts as its default).
 */
export function fieldApplies(
  field: Pick<FieldBase, 'appliesWhen'>,
  params: Readonly<Record<string, unknown>>,
  defaults: Readonly<Record<string, unknown>> = {},
): boolean {
  if (!field.appliesWhen) return true;
  return Object.entries(field.appliesWhen).every(([key, values]) =>
    values.includes(params[key] ?? defaults[key]),
  );
}

/** The fields of a kind that matter for a layer with these parameters, in the schema's order. */
export function applicableParams(
  kind: LayerKind,
  params: Readonly<Record<string, unknown>>,
): readonly ParamField[] {
  const fields = describeParams(kind);
  const defaults = Object.fromEntries(fields.map((field) => [field.key, field.defaultValue]));
  return fields.filter((field) => fieldApplies(field, params, defaults));
}

/** The field for one parameter, from its JSON Schema. */
function describeJsonParam(key: string, field: JsonSchema): ParamField {
  const appliesWhen = appliesWhenOf(field.appliesWhen);
  const base: FieldBase = {
    key,
    title: field.title ?? humanize(key),
    description: field.description ?? '',
    ...(appliesWhen ? { appliesWhen } : {}),
  };
  const defaultValue = field.default;
  const { options, nullable } = splitNull(field);
  const only = options.length === 1 ? options[0]! : undefined;
  if (only?.enum) {
    const values = only.enum.map(String);
    const titles = textRecord(field.optionTitles ?? only.optionTitles);
    return {
      ...base,
      type: 'choice',
      defaultValue: typeof defaultValue === 'string' ? defaultValue : undefined,
      options: values,
      // An option the catalog has no words for still shows, humanized, rather than vanish.
      optionTitles: Object.fromEntries(values.map((o) => [o, titles[o] ?? humanize(o)])),
      optionHelp: textRecord(field.optionHelp ?? only.optionHelp),
    };
  }
  if (only && isNumberSchema(only)) return numberField(base, only, defaultValue);
  if (only?.type === 'boolean') {
    return {
      ...base,
      type: 'boolean',
      defaultValue: typeof defaultValue === 'boolean' ? defaultValue : undefined,
    };
  }
  if (only?.type === 'array') {
    const sizes = sizesField(base, only, defaultValue, nullable);
    if (sizes) return sizes;
  }
  if (options.length > 0 && options.every((o) => o.type === 'object')) {
    const variant = variantField(base, field, options, defaultValue);
    if (variant) return variant;
  }
  return { ...base, type: 'json', defaultValue, jsonType: only?.type };
}

const FIELDS_BY_KIND = new WeakMap<LayerKind, readonly ParamField[]>();

/** Every parameter of a kind, in the schema's order. Read once per kind. */
export function describeParams(kind: LayerKind): readonly ParamField[] {
  let fields = FIELDS_BY_KIND.get(kind);
  if (!fields) {
    const properties = jsonSchemaOf(kind.paramsSchema).properties ?? {};
    fields = Object.entries(properties).map(([key, field]) => describeJsonParam(key, field));
    FIELDS_BY_KIND.set(kind, fields);
  }
  return fields;
}

/** "kernelSize" → "Kernel size"; "glorotUniform" → "Glorot uniform". */
export function humanize(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** What a field's constraints allow, in words: "whole number, at least 1". */
export function describeRange(field: NumberRule): string {
  const parts = [field.integer ? 'whole number' : 'number'];
  const { min, max } = field;
  if (min && max) {
    parts.push(
      `from ${min.value}${min.inclusive ? '' : ' (not included)'} to ${max.value}${max.inclusive ? '' : ' (not included)'}`,
    );
  } else if (min) parts.push(`${min.inclusive ? 'at least' : 'more than'} ${min.value}`);
  else if (max) parts.push(`${max.inclusive ? 'at most' : 'less than'} ${max.value}`);
  return parts.join(', ');
}
