import type { Activation } from './activations';
import { ACTIVATION_TITLES, RECURRENT_ACTIVATIONS } from './activations';
import type { Initializer } from './common-params';
import { INITIALIZER_TITLES } from './common-params';
import type { TfLayerSpec, TfjsReadContext, TfjsReading } from './types';

/**
 * What the kinds share when they read a layer of a saved TF.js model back (`fromTfjs`): typed
 * access to its config, activations, initializers, penalties and windows, and the notes and
 * refusals a student reads. A kind's reader is then a few lines: see `readLayer`.
 */

/** Thrown inside a reader to refuse the layer; `readLayer` turns it into the refusal. */
class Refusal extends Error {}

/** An initializer as TF.js saves one: `{ className, config }`. */
interface ConfigDict {
  readonly className: string;
  readonly config: Readonly<Record<string, unknown>>;
}

function isConfigDict(value: unknown): value is ConfigDict {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ConfigDict).className === 'string' &&
    typeof ((value as ConfigDict).config ?? {}) === 'object'
  );
}

/** A saved setting as a message shows it: text as it is, anything else as JSON. */
export function shown(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? 'none');
}

/** "fan_avg", "fanAvg" and "FanAvg" are the same word to TF.js and Keras. */
function word(value: unknown): string {
  return typeof value === 'string' ? value.replace(/_/g, '').toLowerCase() : '';
}

const ACTIVATION_WORDS: Readonly<Record<string, Activation>> = {
  linear: 'linear',
  relu: 'relu',
  sigmoid: 'sigmoid',
  tanh: 'tanh',
  softmax: 'softmax',
  elu: 'elu',
  selu: 'selu',
};

export class ConfigReader {
  private readonly notes: string[] = [];

  constructor(
    readonly layer: TfLayerSpec,
    readonly context: TfjsReadContext,
  ) {}

  get name(): string {
    return this.context.name;
  }

  /** The config's value for `key`, with `null` read as absent (as TF.js writes unset ones). */
  value(key: string): unknown {
    return this.layer.config[key] ?? undefined;
  }

  /** A setting as a message shows it: text as it is, anything else as JSON. */
  shown(key: string): string {
    return shown(this.value(key));
  }

  refuse(reason: string): never {
    throw new Refusal(reason);
  }

  note(text: string): void {
    this.notes.push(text);
  }

  takeNotes(): readonly string[] {
    return this.notes;
  }

  number(key: string, fallback?: number): number {
    const value = this.value(key);
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    if (value === undefined && fallback !== undefined) return fallback;
    return this.refuse(
      `${this.name} has no usable "${key}" in its settings (${JSON.stringify(value) ?? 'none'}), so the model file is damaged or from a TensorFlow.js Neurite does not know. Save the model again with TensorFlow.js.`,
    );
  }

  boolean(key: string, fallback: boolean): boolean {
    const value = this.value(key);
    return typeof value === 'boolean' ? value : fallback;
  }

  /** A setting Neurite keeps at one value: any other refuses the layer with `why`. */
  expect(key: string, allowed: (value: unknown) => boolean, why: string): void {
    if (!allowed(this.value(key))) this.refuse(why);
  }

  /**
   * A size per spatial axis, saved as one number or a list; `fallback` when the layer saved
   * none (a pool's strides default to its window, axis by axis).
   */
  window(key: string, axes: 1 | 2, fallback?: number | readonly number[]): number[] {
    const value = this.value(key) ?? fallback;
    const sizes = typeof value === 'number' ? Array<number>(axes).fill(value) : value;
    if (
      Array.isArray(sizes) &&
      sizes.length === axes &&
      sizes.every((s) => typeof s === 'number' && Number.isInteger(s) && s >= 1)
    ) {
      return sizes as number[];
    }
    return this.refuse(
      `${this.name} has a "${key}" of ${JSON.stringify(value) ?? 'none'}, where Neurite needs ${axes === 1 ? 'one whole number' : 'two whole numbers'} of 1 or more.`,
    );
  }

  padding(): 'valid' | 'same' {
    const value = word(this.value('padding') ?? 'valid');
    if (value === 'valid' || value === 'same') return value;
    return this.refuse(
      `${this.name} uses the padding "${this.shown('padding')}", which Neurite does not have: it has "valid" and "same". Use one of them where the model was made, train it again and export it again.`,
    );
  }

  /** Neurite keeps channels last (height, width, channels), as TF.js does. */
  channelsLast(): void {
    const format = this.value('dataFormat');
    if (format === undefined || word(format) === 'channelslast') return;
    this.refuse(
      `${this.name} keeps its channels first (${shown(format)}); Neurite keeps them last (height, width, channels), as TensorFlow.js does. Build the model with data_format="channels_last", train it again and export it again.`,
    );
  }

  /** The layer's activation, from the list a student can choose in Neurite. */
  activation(key = 'activation'): Activation {
    const value = this.value(key);
    const found = value === undefined ? 'linear' : ACTIVATION_WORDS[word(value)];
    if (found) return found;
    const known = Object.values(ACTIVATION_WORDS).map((a) => ACTIVATION_TITLES[a]);
    return this.refuse(
      `${this.name} uses the activation "${shown(value)}", which Neurite does not have. Neurite's layers can use ${known.join(', ')}, as well as leaky ReLU, PReLU, binary step and hard tanh as their own layers. Choose one of them where the model was made, train it again and export it again.`,
    );
  }

  /** The activation of a recurrent layer, which takes a shorter list. */
  recurrentActivation(): (typeof RECURRENT_ACTIVATIONS)[number] {
    const activation = this.activation();
    const allowed: readonly string[] = RECURRENT_ACTIVATIONS;
    if (allowed.includes(activation)) return activation as (typeof RECURRENT_ACTIVATIONS)[number];
    return this.refuse(
      `${this.name} uses ${ACTIVATION_TITLES[activation]} as its activation, which Neurite's recurrent layers do not offer (they have ${RECURRENT_ACTIVATIONS.join(', ')}). Choose one of them where the model was made, train it again and export it again.`,
    );
  }

  /**
   * The initializer saved under `key`, or `fallback` with a note when Neurite has no such
   * rule. It only decides weights a layer starts from afresh, never the imported ones.
   */
  initializer(
    key: string,
    fallback: Initializer | { type: 'orthogonal' },
    what: string,
  ): Initializer | { type: 'orthogonal' } {
    const value = this.value(key);
    if (value === undefined) return fallback;
    const read = isConfigDict(value)
      ? readInitializer(value, fallback.type === 'orthogonal')
      : undefined;
    if (read) return read;
    const className = isConfigDict(value) ? value.className : JSON.stringify(value);
    this.note(
      `${this.name}: its ${what} (${className}) is not one Neurite offers, so it became ${INITIALIZER_TITLES[fallback.type]}. This matters only if the layer starts again from fresh weights.`,
    );
    return fallback;
  }

  /** L1 and L2 penalties on the weights saved under `key` (0 when there are none). */
  penalties(key: string): { l1: number; l2: number } {
    const value = this.value(key);
    if (value === undefined) return { l1: 0, l2: 0 };
    if (isConfigDict(value)) {
      const kind = word(value.className);
      const config = value.config ?? {};
      const amount = (name: string) => (typeof config[name] === 'number' ? config[name] : 0);
      if (kind === 'l1l2') return { l1: amount('l1'), l2: amount('l2') };
      if (kind === 'l1') return { l1: amount('l1'), l2: 0 };
      if (kind === 'l2') return { l1: 0, l2: amount('l2') };
    }
    this.note(
      `${this.name}: its weight penalty (${isConfigDict(value) ? value.className : shown(value)}) is not one Neurite offers (L1, L2 or both), so it was left out.`,
    );
    return { l1: 0, l2: 0 };
  }

  /** Notes for settings that only shape training and that Neurite's layers do not have. */
  dropped(settings: Readonly<Record<string, string>>): void {
    for (const [key, what] of Object.entries(settings)) {
      if (this.value(key) !== undefined) {
        this.note(`${this.name}: Neurite has no ${what}, so it was left out.`);
      }
    }
  }

  /**
   * Whether to use a bias, the weight and bias initializers and the L1/L2 penalty: the weight
   * settings Dense, Conv and Conv2DTranspose share (see weightParams).
   */
  weightOptions(): Record<string, unknown> {
    this.dropped({
      biasRegularizer: 'penalty on biases',
      activityRegularizer: 'penalty on outputs (activity regularizer)',
      kernelConstraint: 'constraint on weights',
      biasConstraint: 'constraint on biases',
    });
    return {
      useBias: this.boolean('useBias', true),
      kernelInitializer: this.initializer(
        'kernelInitializer',
        { type: 'glorotUniform' },
        'weight initializer',
      ),
      biasInitializer: this.initializer('biasInitializer', { type: 'zeros' }, 'bias initializer'),
      ...this.penalties('kernelRegularizer'),
    };
  }
}

/** Neurite's form of a saved initializer, or undefined when Neurite has no such rule. */
function readInitializer(
  dict: ConfigDict,
  orthogonalAllowed: boolean,
): Initializer | { type: 'orthogonal' } | undefined {
  const config = dict.config ?? {};
  switch (word(dict.className)) {
    case 'glorotuniform':
      return { type: 'glorotUniform' };
    case 'glorotnormal':
      return { type: 'glorotNormal' };
    case 'heuniform':
      return { type: 'heUniform' };
    case 'henormal':
      return { type: 'heNormal' };
    case 'zeros':
      return { type: 'zeros' };
    case 'ones':
      return { type: 'ones' };
    case 'constant':
      return typeof config['value'] === 'number'
        ? { type: 'constant', value: config['value'] }
        : undefined;
    case 'randomuniform': {
      const { minval, maxval } = config as { minval?: unknown; maxval?: unknown };
      return typeof maxval === 'number' && maxval > 0 && minval === -maxval
        ? { type: 'randomUniform', limit: maxval }
        : undefined;
    }
    case 'randomnormal': {
      const { mean, stddev } = config as { mean?: unknown; stddev?: unknown };
      return typeof mean === 'number' && typeof stddev === 'number' && stddev > 0
        ? { type: 'randomNormal', mean, stddev }
        : undefined;
    }
    case 'orthogonal':
      return orthogonalAllowed ? { type: 'orthogonal' } : undefined;
    case 'variancescaling':
      return varianceScaling(config);
    default:
      return undefined;
  }
}

/** TF.js saves Glorot and He as the variance scaling they are. */
function varianceScaling(config: Readonly<Record<string, unknown>>): Initializer | undefined {
  const normal = word(config['distribution']).endsWith('normal');
  const uniform = word(config['distribution']) === 'uniform';
  if (!normal && !uniform) return undefined;
  const mode = word(config['mode']);
  if (config['scale'] === 1 && mode === 'fanavg') {
    return { type: normal ? 'glorotNormal' : 'glorotUniform' };
  }
  if (config['scale'] === 2 && mode === 'fanin') {
    return { type: normal ? 'heNormal' : 'heUniform' };
  }
  return undefined;
}

/** Runs a kind's reader: its params with the notes it made, or its refusal. */
export function readLayer(
  layer: TfLayerSpec,
  context: TfjsReadContext,
  read: (reader: ConfigReader) => Record<string, unknown>,
): TfjsReading {
  const reader = new ConfigReader(layer, context);
  try {
    const params = read(reader);
    const notes = reader.takeNotes();
    return notes.length > 0 ? { ok: true, params, notes } : { ok: true, params };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, reason: error.message };
    throw error;
  }
}
