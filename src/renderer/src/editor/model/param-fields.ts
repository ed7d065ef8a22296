import type { z } from 'zod';
import type { LayerKind } from '../../../../shared/catalog/types';

/**
 * The inspector's form for a kind, read from the kind's zod schema: one field per parameter
 * with its title, description, default and the constraints an input can show. The schema stays
 * the only judge of what is valid (`checkNodeParams`); this only decides which input to draw.
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
}

export interface NumberField extends FieldBase {
  readonly type: 'number';
  readonly defaultValue: number | undefined;
  readonly integer: boolean;
  readonly min?: Bound;
  readonly max?: Bound;
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
}

export type ParamField =
  NumberField | ChoiceField | BooleanField | SizesField | VariantField | JsonField;

/** zod 4 keeps a schema's structure in `_zod.def`; only what the inspector needs is read. */
interface Def {
  readonly type: string;
  readonly innerType?: z.ZodType;
  readonly defaultValue?: unknown;
  readonly in?: z.ZodType;
  readonly out?: z.ZodType;
  readonly element?: z.ZodType;
  readonly items?: readonly z.ZodType[];
  readonly options?: readonly z.ZodType[];
  readonly entries?: Readonly<Record<string, string | number>>;
  readonly shape?: Readonly<Record<string, z.ZodType>>;
  readonly values?: readonly unknown[];
  readonly checks?: readonly { readonly _zod: { readonly def: CheckDef } }[];
}

interface CheckDef {
  readonly check: string;
  readonly value?: number;
  readonly inclusive?: boolean;
  readonly format?: string;
  readonly minimum?: number;
  readonly maximum?: number;
}

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

function metaOf(schema: z.ZodType): Record<string, unknown> {
  return schema.meta() ?? {};
}

function textMeta(schema: z.ZodType, key: string): string | undefined {
  const value = metaOf(schema)[key];
  return typeof value === 'string' ? value : undefined;
}

/** A `{ option: text }` record from the metadata (`optionTitles`, `optionHelp`). */
function recordMeta(meta: Record<string, unknown>, key: string): Readonly<Record<string, string>> {
  const value = meta[key];
  if (!value || typeof value !== 'object') return {};
  return Object.fromEntries(
    Object.entries(value).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string',
    ),
  );
}

interface Unwrapped {
  readonly core: z.ZodType;
  readonly defaultValue: unknown;
  readonly nullable: boolean;
}

/** Looks through default, nullable, optional and preprocess wrappers to the value's schema. */
function unwrap(schema: z.ZodType): Unwrapped {
  let current = schema;
  let defaultValue: unknown;
  let nullable = false;
  for (;;) {
    const def = defOf(current);
    if (def.type === 'default' || def.type === 'prefault') {
      if (defaultValue === undefined) defaultValue = def.defaultValue;
      current = def.innerType!;
    } else if (def.type === 'nullable') {
      nullable = true;
      current = def.innerType!;
    } else if (def.type === 'optional' || def.type === 'readonly') {
      current = def.innerType!;
    } else if (def.type === 'pipe' && defOf(def.in!).type === 'transform') {
      current = def.out!;
    } else {
      return { core: current, defaultValue, nullable };
    }
  }
}

function numberConstraints(schema: z.ZodType): Pick<NumberField, 'integer' | 'min' | 'max'> {
  let integer = false;
  let min: Bound | undefined;
  let max: Bound | undefined;
  for (const check of defOf(schema).checks ?? []) {
    const c = check._zod.def;
    if (c.check === 'number_format' && /int/.test(c.format ?? '')) integer = true;
    else if (c.check === 'greater_than' && c.value !== undefined) {
      if (!min || c.value > min.value) min = { value: c.value, inclusive: c.inclusive ?? true };
    } else if (c.check === 'less_than' && c.value !== undefined) {
      if (!max || c.value < max.value) max = { value: c.value, inclusive: c.inclusive ?? true };
    }
  }
  // Bounds that only stop overflow say nothing a student needs to see.
  if (max && max.value >= Number.MAX_SAFE_INTEGER) max = undefined;
  if (min && min.value <= Number.MIN_SAFE_INTEGER) min = undefined;
  return { integer, ...(min ? { min } : {}), ...(max ? { max } : {}) };
}

function lengthConstraints(schema: z.ZodType): { min?: number; max?: number } {
  let min: number | undefined;
  let max: number | undefined;
  for (const check of defOf(schema).checks ?? []) {
    const c = check._zod.def;
    if (c.check === 'min_length') min = c.minimum;
    else if (c.check === 'max_length') max = c.maximum;
    else if (c.check === 'length_equals') min = max = c.value;
  }
  return { ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
}

function isNumber(schema: z.ZodType): boolean {
  return defOf(unwrap(schema).core).type === 'number';
}

/** Object schemas with a literal `type`, found through unions and preprocess pipes. */
function collectVariants(schema: z.ZodType, discriminator: string): z.ZodType[] | undefined {
  const core = unwrap(schema).core;
  const def = defOf(core);
  if (def.type === 'union') {
    const all: z.ZodType[] = [];
    for (const option of def.options ?? []) {
      const found = collectVariants(option, discriminator);
      if (!found) return undefined;
      all.push(...found);
    }
    return all;
  }
  if (def.type === 'object') {
    const tag = def.shape?.[discriminator];
    return tag && defOf(tag).type === 'literal' ? [core] : undefined;
  }
  return undefined;
}

function variantField(
  base: FieldBase,
  schema: z.ZodType,
  defaultValue: unknown,
  meta: Record<string, unknown>,
): VariantField | undefined {
  const titles = recordMeta(meta, 'optionTitles');
  const help = recordMeta(meta, 'optionHelp');
  const discriminator = 'type';
  const objects = collectVariants(schema, discriminator);
  if (!objects || objects.length === 0) return undefined;
  const variants: VariantField['variants'][number][] = [];
  for (const object of objects) {
    const shape = defOf(object).shape ?? {};
    const name = String(defOf(shape[discriminator]!).values?.[0]);
    const fields: NumberField[] = [];
    for (const [key, sub] of Object.entries(shape)) {
      if (key === discriminator) continue;
      if (!isNumber(sub)) return undefined;
      const { core, defaultValue: subDefault } = unwrap(sub);
      fields.push({
        type: 'number',
        key,
        title: textMeta(sub, 'title') ?? humanize(key),
        description: textMeta(sub, 'description') ?? '',
        defaultValue: typeof subDefault === 'number' ? subDefault : undefined,
        ...numberConstraints(core),
      });
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

/** The inspector field for one parameter schema. */
export function describeParam(key: string, schema: z.ZodType): ParamField {
  const meta = metaOf(schema);
  const base: FieldBase = {
    key,
    title: typeof meta.title === 'string' ? meta.title : humanize(key),
    description: typeof meta.description === 'string' ? meta.description : '',
  };
  const { core, defaultValue, nullable } = unwrap(schema);
  const def = defOf(core);
  switch (def.type) {
    case 'number':
      return {
        ...base,
        type: 'number',
        defaultValue: typeof defaultValue === 'number' ? defaultValue : undefined,
        ...numberConstraints(core),
      };
    case 'boolean':
      return {
        ...base,
        type: 'boolean',
        defaultValue: typeof defaultValue === 'boolean' ? defaultValue : undefined,
      };
    case 'enum': {
      const options = Object.values(def.entries ?? {}).map(String);
      const titles = recordMeta(meta, 'optionTitles');
      return {
        ...base,
        type: 'choice',
        defaultValue: typeof defaultValue === 'string' ? defaultValue : undefined,
        options,
        // An option the catalog has no words for still shows, humanized, rather than vanish.
        optionTitles: Object.fromEntries(options.map((o) => [o, titles[o] ?? humanize(o)])),
        optionHelp: recordMeta(meta, 'optionHelp'),
      };
    }
    case 'array':
    case 'tuple': {
      const elements = def.type === 'array' ? [def.element!] : [...(def.items ?? [])];
      if (!elements.every(isNumber)) break;
      const length = def.type === 'array' ? lengthConstraints(core) : undefined;
      return {
        ...base,
        type: 'sizes',
        defaultValue:
          Array.isArray(defaultValue) || defaultValue === null ? defaultValue : undefined,
        axes: def.type === 'tuple' ? elements.length : undefined,
        minItems: def.type === 'tuple' ? elements.length : length?.min,
        maxItems: def.type === 'tuple' ? elements.length : length?.max,
        nullable,
      };
    }
    case 'union':
    case 'object': {
      const variant = variantField(base, core, defaultValue, meta);
      if (variant) return variant;
      break;
    }
  }
  return { ...base, type: 'json', defaultValue };
}

/** Every parameter of a kind, in the schema's order. */
export function describeParams(kind: LayerKind): ParamField[] {
  const shape = defOf(kind.paramsSchema).shape ?? {};
  return Object.entries(shape).map(([key, schema]) => describeParam(key, schema));
}

/** "kernelSize" → "Kernel size"; "glorotUniform" → "Glorot uniform". */
export function humanize(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** What a field's constraints allow, in words: "whole number, at least 1". */
export function describeRange(field: NumberField): string {
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
