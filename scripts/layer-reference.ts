import { z } from 'zod';
import {
  ACTIVATIONS,
  ACTIVATION_HELP,
  ACTIVATION_TITLES,
  RECURRENT_ACTIVATIONS,
} from '../src/shared/catalog/activations';
import {
  INITIALIZER_HELP,
  INITIALIZER_TITLES,
  INITIALIZER_TYPES,
  initializerSchema,
} from '../src/shared/catalog/common-params';
import {
  ACTIVATIONS_FOR_LOSS,
  LOSSES,
  LOSSES_FOR_TASK,
  LOSS_TITLES,
  TASKS,
} from '../src/shared/catalog/losses';
import { LAYER_KINDS } from '../src/shared/catalog/registry';
import type { LayerKind, NodeParams, PortSpec } from '../src/shared/catalog/types';
import { table } from './markdown-table';
import { LAYER_GROUPS } from '../src/shared/catalog/types';

/**
 * Renders docs/layer-reference.md from the layer catalog, so the reference can never disagree
 * with what Neurite accepts. The text comes out already in the form Prettier prints (aligned
 * tables), because the unit test compares the committed file with this function's result.
 */
export function renderLayerReference(): string {
  const slugs = new SlugMaker();
  const sections: string[] = [];

  sections.push(
    '# Layer reference',
    '<!-- Generated from the layer catalog by `npm run docs:layers`. Do not edit by hand. -->',
    'Every kind of layer a Neurite network file can use, with its connections and parameters. ' +
      'See [the file format](file-format.md) for how a network file is put together.',
    'In a file, each layer is a node whose `"kind"` is the name shown under each heading ' +
      '(exactly as written, capitals included). Every parameter has a default: leave out any ' +
      'parameter you do not want to change, or write `"params": {}` to take them all.',
  );

  const groupSlugs = LAYER_GROUPS.map((group) => slugs.make(group.title));
  const kindSlugs = new Map(LAYER_KINDS.map((kind) => [kind.kind, slugs.make(kind.title)]));
  const activationsSlug = slugs.make('Activations');
  const lossesSlug = slugs.make('Losses');
  const initializersSlug = slugs.make('Initializers');

  const contents = LAYER_GROUPS.map((group, i) => {
    const kinds = LAYER_KINDS.filter((k) => k.group === group.id)
      .map((k) => `[${k.title}](#${kindSlugs.get(k.kind)!})`)
      .join(', ');
    return `- [${group.title}](#${groupSlugs[i]!}): ${kinds}`;
  });
  contents.push(
    `- [Activations](#${activationsSlug})`,
    `- [Losses](#${lossesSlug})`,
    `- [Initializers](#${initializersSlug})`,
  );
  sections.push(contents.join('\n'));

  const links: Links = {
    activations: `#${activationsSlug}`,
    initializers: `#${initializersSlug}`,
    losses: `#${lossesSlug}`,
  };
  for (const group of LAYER_GROUPS) {
    sections.push(`## ${group.title}`);
    for (const kind of LAYER_KINDS.filter((k) => k.group === group.id)) {
      sections.push(...renderKind(kind, links));
    }
  }
  sections.push(...renderActivations(), ...renderLosses(), ...renderInitializers());
  return `${sections.join('\n\n')}\n`;
}

interface Links {
  readonly activations: string;
  readonly initializers: string;
  readonly losses: string;
}

/** The parts of a JSON Schema that `z.toJSONSchema` produces for the catalog's parameters. */
interface JsonSchema {
  type?: string;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  title?: string;
  description?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema | false;
  prefixItems?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
}

/**
 * `io: 'output'` because it keeps the defaults of fields written through `z.preprocess`
 * (initializers, window sizes); `io: 'input'` drops them.
 */
function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as JsonSchema;
}

function renderKind(kind: LayerKind, links: Links): string[] {
  const schema = jsonSchemaOf(kind.paramsSchema);
  const fields = Object.entries(schema.properties ?? {});
  const defaults = kind.paramsSchema.parse({});
  const out = [
    `### ${kind.title}`,
    [
      `- **Kind in files:** \`"${kind.kind}"\``,
      `- **Input ports:** ${describeInputPorts(kind, defaults)}`,
      `- **Output port:** ${describePorts(kind.outputPorts, 'none: nothing can follow it')}`,
      `- **Weights:** ${kind.weights ? escapeText(kind.weights.formula) : 'none'}`,
    ].join('\n'),
    escapeText(kind.summary),
  ];
  if (fields.length === 0) {
    out.push('No parameters: write `"params": {}` or leave `params` out.');
    return out;
  }
  const shape = (kind.paramsSchema as unknown as { shape: Record<string, z.ZodType> }).shape;
  const rows = fields.map(([key, field]) => [
    `\`${key}\``,
    allowedValues(kind, key, field, links, optionTitlesOf(shape[key])),
    formatDefault(field.default),
    escapeText(
      [
        field.title ? `**${field.title}.**` : '',
        field.description ?? '',
        optionHelpText(key, field, shape[key]),
      ]
        .join(' ')
        .trim(),
    ),
  ]);
  out.push(table(['Parameter', 'Allowed values', 'Default', 'What it does'], rows));
  return out;
}

function describePorts(ports: readonly PortSpec[], none: string): string {
  if (ports.length === 0) return none;
  return ports.map((p) => `\`"${p.id}"\` (${p.label})`).join(', ');
}

/** Merges (Add, Concatenate) have one port per input, so their ports follow `inputs`. */
function describeInputPorts(kind: LayerKind, defaults: NodeParams): string {
  const ports = kind.inputPorts(defaults);
  const count = defaults['inputs'];
  if (typeof count === 'number' && ports.length === count && count > 1) {
    const stem = ports[0]!.id.replace(/\d+$/, '');
    return (
      `\`"${stem}1"\`, \`"${stem}2"\`, … up to \`"${stem}N"\`, where N is the \`inputs\` ` +
      `parameter (${count} by default)`
    );
  }
  return describePorts(ports, 'none: nothing connects into it');
}

/** What each option does, for choices without a section of their own (padding, merge mode). */
function optionHelpText(key: string, field: JsonSchema, schema: z.ZodType | undefined): string {
  const help = schema?.meta()?.['optionHelp'];
  if (!field.enum || key === 'activation' || key === 'loss' || !help || typeof help !== 'object') {
    return '';
  }
  return field.enum
    .map((v) => {
      const text = (help as Record<string, unknown>)[String(v)];
      return typeof text === 'string' ? `${code(JSON.stringify(v))}: ${text}` : '';
    })
    .filter((text) => text !== '')
    .join(' ');
}

/** The words the inspector shows for each option of a parameter, from its metadata. */
function optionTitlesOf(schema: z.ZodType | undefined): Readonly<Record<string, unknown>> {
  const titles = schema?.meta()?.['optionTitles'];
  return titles && typeof titles === 'object' ? (titles as Record<string, unknown>) : {};
}

function allowedValues(
  kind: LayerKind,
  key: string,
  field: JsonSchema,
  links: Links,
  titles: Readonly<Record<string, unknown>>,
): string {
  const initializers = initializerNames(field);
  if (initializers) {
    const extra = initializers.filter((n) => !(INITIALIZER_TYPES as readonly string[]).includes(n));
    const also = extra.length > 0 ? `, or ${extra.map((n) => `\`"${n}"\``).join(', ')}` : '';
    return `an [initializer](${links.initializers})${also}`;
  }
  const options = field.anyOf ?? field.oneOf;
  if (options) {
    const nonNull = options.filter((o) => o.type !== 'null');
    const text = nonNull.map((o) => describeValue(kind, key, o, links, titles)).join(', or ');
    return nonNull.length < options.length ? `\`null\`, or ${text}` : text;
  }
  return describeValue(kind, key, field, links, titles);
}

function describeValue(
  kind: LayerKind,
  key: string,
  field: JsonSchema,
  links: Links,
  titles: Readonly<Record<string, unknown>>,
): string {
  if (field.enum) {
    const values = field.enum.map((v) => `\`${JSON.stringify(v)}\``);
    const list = joinOr(values);
    if (key === 'activation') return `${list} (see [Activations](${links.activations}))`;
    if (key === 'loss') return `${list} (see [Losses](${links.losses}))`;
    // Other choices have no section of their own: name each one as the editor does.
    const named = field.enum.map((v) => {
      const title = titles[String(v)];
      return typeof title === 'string'
        ? `\`${JSON.stringify(v)}\`: ${title}`
        : code(JSON.stringify(v));
    });
    return named.join('; ');
  }
  switch (field.type) {
    case 'boolean':
      return '`true` or `false`';
    case 'integer':
    case 'number':
      return describeNumber(field);
    case 'array':
      return describeArray(kind, key, field);
    default:
      return field.type ?? 'any value';
  }
}

/** Bounds at or beyond ±2^53 only stop nonsense; they are not worth a teacher's attention. */
function meaningful(bound: number | undefined): bound is number {
  return bound !== undefined && Math.abs(bound) < Number.MAX_SAFE_INTEGER;
}

function describeNumber(field: JsonSchema, plural = false): string {
  const noun =
    field.type === 'integer'
      ? plural
        ? 'whole numbers'
        : 'a whole number'
      : plural
        ? 'numbers'
        : 'a number';
  const { minimum: min, maximum: max, exclusiveMinimum: above, exclusiveMaximum: below } = field;
  if (meaningful(min) && meaningful(max)) return `${noun} from ${min} to ${max}`;
  const bounds = [
    meaningful(min) ? `≥ ${min}` : meaningful(above) ? `> ${above}` : undefined,
    meaningful(max) ? `≤ ${max}` : meaningful(below) ? `< ${below}` : undefined,
  ].filter((b) => b !== undefined);
  return bounds.length > 0 ? `${noun} ${bounds.join(' and ')}` : noun;
}

const AXIS_NAMES: Readonly<Record<number, string>> = { 1: '[steps]', 2: '[height, width]' };

function describeArray(kind: LayerKind, key: string, field: JsonSchema): string {
  if (field.prefixItems) {
    // A size per spatial axis (kernel, pool, stride…). Most also accept one number for all
    // axes; ask the schema itself rather than guess.
    const n = field.prefixItems.length;
    const item = describeNumber(field.prefixItems[0]!);
    const axes = AXIS_NAMES[n] ?? `a list of ${n}`;
    const sample = Array.isArray(field.default) ? (field.default[0] as unknown) : 1;
    const acceptsOne = kind.paramsSchema.safeParse({ [key]: sample }).success;
    if (!acceptsOne) return `a list of ${n}: \`${axes}\`, each ${item}`;
    return n === 1
      ? `${item}, or a list of one such as \`[3]\``
      : `${item} for every axis, or one per axis: \`${axes}\``;
  }
  const items = field.items ? describeNumber(field.items, true) : 'values';
  const { minItems: lo, maxItems: hi } = field;
  const count =
    lo !== undefined && hi !== undefined
      ? lo === hi
        ? `${lo}`
        : `${lo} to ${hi}`
      : lo !== undefined
        ? `at least ${lo}`
        : hi !== undefined
          ? `at most ${hi}`
          : 'any number of';
  return `a list of ${count} ${items}`;
}

/** The initializer names a field accepts, or undefined when it is not an initializer. */
function initializerNames(field: JsonSchema): string[] | undefined {
  const leaves: JsonSchema[] = [];
  const collect = (s: JsonSchema): void => {
    const options = s.anyOf ?? s.oneOf;
    if (options) options.forEach(collect);
    else leaves.push(s);
  };
  if (!field.anyOf && !field.oneOf) return undefined;
  collect(field);
  const names = leaves.map((leaf) => leaf.properties?.['type']?.const);
  if (names.some((n) => typeof n !== 'string')) return undefined;
  return names as string[];
}

/** Defaults as written in a file; an initializer with no settings in its short form. */
function formatDefault(value: unknown): string {
  if (value === undefined) return '';
  const short =
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.keys(value).length === 1 &&
    typeof (value as Record<string, unknown>)['type'] === 'string';
  return code(short ? JSON.stringify((value as { type: string }).type) : compactJson(value));
}

/** `[3, 3]`, `{ "type": "constant", "value": 0 }`: JSON as people write it on one line. */
function compactJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(compactJson).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).map(
      ([k, v]) => `${JSON.stringify(k)}: ${compactJson(v)}`,
    );
    return `{ ${entries.join(', ')} }`;
  }
  return JSON.stringify(value);
}

function renderActivations(): string[] {
  const rows = ACTIVATIONS.map((a) => [
    code(JSON.stringify(a)),
    ACTIVATION_TITLES[a],
    escapeText(ACTIVATION_HELP[a]),
    (RECURRENT_ACTIVATIONS as readonly string[]).includes(a) ? 'yes' : 'no',
  ]);
  return [
    '## Activations',
    'The values of an `activation` parameter. Dense, Conv1D, Conv2D and Activation accept all of ' +
      'them; SimpleRNN, LSTM and GRU accept only those marked in the last column. For ' +
      '`"leakyRelu"`, the `leakyAlpha` parameter sets the slope.',
    table(['Value', 'Name', 'What it does', 'Recurrent layers'], rows),
  ];
}

function renderLosses(): string[] {
  const rows = LOSSES.map((loss) => {
    const tasks = TASKS.filter((t) => LOSSES_FOR_TASK[t].includes(loss));
    const fits = ACTIVATIONS_FOR_LOSS[loss];
    return [
      code(JSON.stringify(loss)),
      LOSS_TITLES[loss],
      tasks.length > 0 ? tasks.join(', ') : '—',
      fits === 'any' ? 'any' : joinOr(fits.map((a) => code(JSON.stringify(a)))),
    ];
  });
  return [
    '## Losses',
    'The values of the Output layer’s `loss` parameter. Its `task` is one of ' +
      `${joinOr(TASKS.map((t) => code(JSON.stringify(t))))}. Neurite warns when the loss is ` +
      'unusual for the task, or when the last layer’s activation does not give the values the ' +
      'loss expects.',
    table(['Value', 'Name', 'Usual for', 'Last layer’s activation'], rows),
  ];
}

function renderInitializers(): string[] {
  const schema = jsonSchemaOf(initializerSchema);
  const variants = schema.oneOf ?? schema.anyOf ?? [];
  const rows = variants.map((variant) => {
    const name = String(variant.properties?.['type']?.const);
    const settings = Object.entries(variant.properties ?? {})
      .filter(([key]) => key !== 'type')
      .map(([key, s]) => `\`${key}\` (default ${compactJson(s.default)})`);
    const key = name as keyof typeof INITIALIZER_HELP;
    return [
      code(JSON.stringify(name)),
      INITIALIZER_TITLES[key],
      settings.join(', ') || '—',
      escapeText(INITIALIZER_HELP[key]),
    ];
  });
  rows.push([
    code('"orthogonal"'),
    INITIALIZER_TITLES.orthogonal,
    '—',
    escapeText(INITIALIZER_HELP.orthogonal),
  ]);
  return [
    '## Initializers',
    'Initializers choose the starting values of a layer’s weights before training. Write one ' +
      'by name, as in `"kernelInitializer": "heNormal"`, or as an object when it has settings, ' +
      'as in `"biasInitializer": { "type": "constant", "value": 0.5 }`. Settings you leave out ' +
      'take their defaults.',
    table(['Value', 'Name', 'Settings', 'What it does'], rows),
  ];
}

function joinOr(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]!}`;
}

function code(text: string): string {
  return `\`${text}\``;
}

/** Prose from the catalog, made safe for Markdown (a table cell or a paragraph). */
function escapeText(text: string): string {
  return text.replace(/\|/g, '\\|');
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces as hyphens, -1 on repeats. */
class SlugMaker {
  private readonly seen = new Map<string, number>();

  make(heading: string): string {
    const base = heading
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    const count = this.seen.get(base) ?? 0;
    this.seen.set(base, count + 1);
    return count === 0 ? base : `${base}-${count}`;
  }
}
