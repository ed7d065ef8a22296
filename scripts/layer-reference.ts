import {
  ACTIVATIONS,
  ACTIVATION_HELP,
  ACTIVATION_TITLES,
  RECURRENT_ACTIVATIONS,
} from '../src/shared/catalog/activations';
import { INITIALIZER_HELP, INITIALIZER_TYPES } from '../src/shared/catalog/common-params';
import type {
  ChoiceField,
  NumberRule,
  ParamField,
  SizesField,
  VariantField,
} from '../src/shared/catalog/param-fields';
import { describeParams } from '../src/shared/catalog/param-fields';
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

function renderKind(kind: LayerKind, links: Links): string[] {
  const fields = describeParams(kind);
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
  const rows = fields.map((field) => [
    `\`${field.key}\``,
    allowedValues(kind, field, links),
    formatDefault(field.defaultValue),
    escapeText([`**${field.title}.**`, field.description, optionHelpText(field)].join(' ').trim()),
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
function optionHelpText(field: ParamField): string {
  if (field.type !== 'choice' || field.key === 'activation' || field.key === 'loss') return '';
  return field.options
    .map((option) => {
      const text = field.optionHelp[option];
      return text ? `${code(JSON.stringify(option))}: ${text}` : '';
    })
    .filter((text) => text !== '')
    .join(' ');
}

function allowedValues(kind: LayerKind, field: ParamField, links: Links): string {
  switch (field.type) {
    case 'variant': {
      const extra = field.variants
        .map((v) => v.name)
        .filter((n) => !(INITIALIZER_TYPES as readonly string[]).includes(n));
      const also = extra.length > 0 ? `, or ${extra.map((n) => `\`"${n}"\``).join(', ')}` : '';
      return `an [initializer](${links.initializers})${also}`;
    }
    case 'choice':
      return describeChoice(field, links);
    case 'boolean':
      return '`true` or `false`';
    case 'number':
      return describeNumber(field);
    case 'sizes': {
      const text = describeSizes(kind, field);
      return field.nullable ? `\`null\`, or ${text}` : text;
    }
    case 'json':
      return field.jsonType ?? 'any value';
  }
}

function describeChoice(field: ChoiceField, links: Links): string {
  const values = field.options.map((v) => `\`${JSON.stringify(v)}\``);
  const list = joinOr(values);
  if (field.key === 'activation') return `${list} (see [Activations](${links.activations}))`;
  if (field.key === 'loss') return `${list} (see [Losses](${links.losses}))`;
  // Other choices have no section of their own: name each one as the editor does.
  return field.options
    .map((v) => `\`${JSON.stringify(v)}\`: ${field.optionTitles[v] ?? v}`)
    .join('; ');
}

function describeNumber(rule: NumberRule, plural = false): string {
  const noun = rule.integer
    ? plural
      ? 'whole numbers'
      : 'a whole number'
    : plural
      ? 'numbers'
      : 'a number';
  const { min, max } = rule;
  if (min?.inclusive && max?.inclusive) return `${noun} from ${min.value} to ${max.value}`;
  const bounds = [
    min ? `${min.inclusive ? '≥' : '>'} ${min.value}` : undefined,
    max ? `${max.inclusive ? '≤' : '<'} ${max.value}` : undefined,
  ].filter((b) => b !== undefined);
  return bounds.length > 0 ? `${noun} ${bounds.join(' and ')}` : noun;
}

const AXIS_NAMES: Readonly<Record<number, string>> = { 1: '[steps]', 2: '[height, width]' };

function describeSizes(kind: LayerKind, field: SizesField): string {
  if (field.axes !== undefined) {
    // A size per spatial axis (kernel, pool, stride…). Most also accept one number for all
    // axes; ask the schema itself rather than guess.
    const n = field.axes;
    const item = describeNumber(field.item);
    const axes = AXIS_NAMES[n] ?? `a list of ${n}`;
    const sample: number = field.defaultValue?.[0] ?? 1;
    const acceptsOne = kind.paramsSchema.safeParse({ [field.key]: sample }).success;
    if (!acceptsOne) return `a list of ${n}: \`${axes}\`, each ${item}`;
    return n === 1
      ? `${item}, or a list of one such as \`[3]\``
      : `${item} for every axis, or one per axis: \`${axes}\``;
  }
  const items = describeNumber(field.item, true);
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

/** Every initializer any kind offers, in the order the kinds offer them. */
function initializerVariants(): VariantField['variants'] {
  const byName = new Map<string, VariantField['variants'][number]>();
  for (const kind of LAYER_KINDS) {
    for (const field of describeParams(kind)) {
      if (field.type !== 'variant') continue;
      for (const variant of field.variants) {
        if (!byName.has(variant.name)) byName.set(variant.name, variant);
      }
    }
  }
  return [...byName.values()];
}

function renderInitializers(): string[] {
  const rows = initializerVariants().map((variant) => {
    const settings = variant.fields.map(
      (f) => `\`${f.key}\` (default ${compactJson(f.defaultValue)})`,
    );
    const help = INITIALIZER_HELP[variant.name as keyof typeof INITIALIZER_HELP] ?? variant.help;
    return [
      code(JSON.stringify(variant.name)),
      variant.title,
      settings.join(', ') || '—',
      escapeText(help ?? ''),
    ];
  });
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
