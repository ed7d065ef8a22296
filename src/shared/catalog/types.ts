import type { z } from 'zod';
import type { TensorInfo } from '../shapes/shape';

/** Palette groups, in the order the editor shows them. */
export const LAYER_GROUPS = [
  { id: 'io', title: 'Inputs & outputs' },
  { id: 'core', title: 'Core' },
  { id: 'convolution', title: 'Convolution & pooling' },
  { id: 'recurrent', title: 'Recurrent' },
  { id: 'merge', title: 'Merge' },
  { id: 'regularization', title: 'Regularization' },
] as const;
export type LayerGroup = (typeof LAYER_GROUPS)[number]['id'];

/**
 * A kind's colour and icon on the canvas and in the palette. Kinds of one family share a
 * colour (convolutions purple, pooling teal, recurrent orange …); the icon tells them apart.
 */
export interface KindLook {
  /** `#rrggbb`, dark enough for white text on it and readable as a stripe on white. */
  readonly colour: string;
  /** One character (a symbol every system font has), shown before the kind's title. */
  readonly icon: string;
}

export interface PortSpec {
  readonly id: string;
  readonly label: string;
}

export interface ParamCount {
  readonly trainable: number;
  readonly nonTrainable: number;
}

export const NO_PARAMS: ParamCount = { trainable: 0, nonTrainable: 0 };

/** Something wrong with one node, phrased so that a student knows what to change. */
export interface NodeProblem {
  readonly severity: 'error' | 'warning';
  /** Stable identifier, e.g. `input.rank`, for tests and for the UI to pick icons. */
  readonly code: string;
  readonly message: string;
  /** The parameter the problem is about, when there is one. */
  readonly field?: string;
  /**
   * A warning that still lets the network be built and inspected but stops it from training
   * (TF.js cannot train it). Set by the kind that finds the problem, so the trainer and the
   * training call need no list of codes.
   */
  readonly blocksTraining?: true;
}

export interface InferContext<P> {
  readonly params: P;
  /** One entry per input port, in port order. */
  readonly inputs: readonly TensorInfo[];
  /** How messages name the node: `Dense "hidden"`. */
  readonly name: string;
}

/** Either the node's output and parameter count, or why it has none. */
export type InferOutcome =
  | {
      readonly ok: true;
      readonly output: TensorInfo;
      readonly params: ParamCount;
      readonly warnings?: readonly NodeProblem[];
    }
  | { readonly ok: false; readonly errors: readonly NodeProblem[] };

/**
 * A TensorFlow.js layer as plain data: the class name and the arguments its constructor takes
 * (TF.js camelCase). Initializers and regularizers inside `config` are `{className, config}`
 * dictionaries, which TF.js deserializes itself. The engine turns these into real layers, so
 * this folder never imports TF.js.
 */
export interface TfLayerSpec {
  readonly className: string;
  readonly config: Readonly<Record<string, unknown>>;
  /** For wrappers (Bidirectional): the layer they wrap. */
  readonly wrapped?: TfLayerSpec;
  /**
   * Appended to the node id to name the TF.js layer. The node's main layer has none, so its
   * TF.js name is the node id; an activation split into its own layer gets `_activation`.
   */
  readonly nameSuffix?: string;
}

/**
 * How a kind reads a TF.js layer back from a saved layers model (model.json), the reverse of
 * `toTfjs`: the layer comes as a TfLayerSpec, its config in the same camelCase form `toTfjs`
 * writes. The params need not be complete (the kind's defaults fill the rest); anything the
 * kind cannot express is refused with a sentence that names the layer and says what to do.
 */
export interface TfjsReader {
  /**
   * The TF.js classes this kind reads. A Bidirectional is read by the kind of the layer it
   * wraps, so a recurrent kind lists its cell's class.
   */
  readonly classNames: readonly string[];
  read(layer: TfLayerSpec, context: TfjsReadContext): TfjsReading;
}

export interface TfjsReadContext {
  /** How messages name the layer: `LSTM "encoder"`. */
  readonly name: string;
  /** What reaches the layer, one entry per inbound tensor, in order. */
  readonly inputs: readonly TensorInfo[];
}

export type TfjsReading =
  | {
      readonly ok: true;
      readonly params: Readonly<Record<string, unknown>>;
      /** What was left out or changed on the way, for the student to check. */
      readonly notes?: readonly string[];
    }
  | { readonly ok: false; readonly reason: string };

/**
 * What a layer does to the values that reach it, at prediction time. Code that looks past a
 * layer (for the activation that makes the Output's values, or the Dense whose units become
 * them) asks this instead of keeping its own list of kinds.
 */
export type ValueFlow =
  /** The same values in the same shape (Dropout and GaussianNoise act only while training). */
  | 'unchanged'
  /** The same values in another shape (Flatten, Reshape). */
  | 'reshaped'
  /** One output per input value, computed from that value alone, same shape (Activation). */
  | 'elementwise'
  /** Anything else: the output is new values. */
  | 'computed';

/** Where a node stands in a network: the one place data enters, leaves, or a layer between. */
export type NodeRole = 'input' | 'output' | 'layer';

/**
 * One weight tensor of a node, in the order TF.js creates (and saves) them. Exporters and the
 * look-inside views read weights through this, never by guessing TF.js' names.
 */
export interface WeightTensor {
  /**
   * Its name within the node: `kernel`, `recurrent_kernel`, `bias`, `gamma`, …; a
   * bidirectional layer's are `forward/kernel` and `backward/kernel`.
   */
  readonly name: string;
  /** The TF.js layer it lives in, as the `nameSuffix` of that layer's spec ('' for the main one). */
  readonly layerSuffix: string;
  readonly shape: readonly number[];
  /** False for values kept by averaging rather than learned (batch norm's moving statistics). */
  readonly trainable: boolean;
}

/** How a kind's weights are laid out, for the docs, the exporters and the look-inside views. */
export interface WeightLayout<P> {
  /** The count as a formula, for docs/file-format.md: "inputs × units + units (one bias per neuron)". */
  readonly formula: string;
  /** The tensors for these params and input shapes (which shape inference has accepted). */
  tensors(params: P, inputs: readonly TensorInfo[]): readonly WeightTensor[];
}

/**
 * A small network around one node of this kind, for the table test that builds every kind with
 * TF.js and compares it with `infer()`: the node's params and the params of the Input layers
 * that feed its ports, in port order.
 */
export interface KindExample {
  readonly params: Readonly<Record<string, unknown>>;
  readonly inputs: readonly Readonly<Record<string, unknown>>[];
}

/** Everything Neurite knows about one kind of layer. One file per kind under `kinds/`. */
export interface LayerKindDefinition<S extends z.ZodType> {
  readonly kind: string;
  readonly title: string;
  readonly group: LayerGroup;
  /** How its card looks on the canvas, so a network reads at a glance. */
  readonly look: KindLook;
  /** One sentence a first-year student understands. */
  readonly summary: string;
  /** Input and Output mark the ends of a network; every other kind is a layer. */
  readonly role: NodeRole;
  readonly valueFlow: ValueFlow;
  /** Absent for kinds that never have weights. */
  readonly weights?: WeightLayout<z.output<S>>;
  /**
   * True when a node with these params is a single threshold unit that learns by the
   * perceptron rule when it is the network's only layer (Rosenblatt's perceptron).
   */
  isPerceptronUnit?(params: z.output<S>): boolean;
  /**
   * True for a layer that slides learned filters over positions, so its output is feature
   * maps, one per filter: what Grad-CAM weighs and what a student looks at as images.
   */
  readonly isConvolution?: boolean;
  /** At least one network that uses this kind; the catalog's TF.js table test builds each. */
  readonly examples: readonly KindExample[];
  /** How a saved TF.js model's layer becomes a node of this kind (model import). */
  readonly fromTfjs?: TfjsReader;
  /** Strict object schema; every field has a default and a `.meta({ title, description })`. */
  readonly paramsSchema: S;
  inputPorts(params: z.output<S>): readonly PortSpec[];
  readonly outputPorts: readonly PortSpec[];
  /** The key parameters, short, for the node's face: "16 units · ReLU". */
  describe(params: z.output<S>): string;
  infer(ctx: InferContext<z.output<S>>): InferOutcome;
  /**
   * The TF.js layers this node becomes, applied in sequence. Empty for nodes that only mark
   * something (Output); Input becomes `InputLayer`, which the compiler turns into `tf.input`.
   */
  toTfjs(params: z.output<S>, inputs: readonly TensorInfo[]): readonly TfLayerSpec[];
}

export type NodeParams = Readonly<Record<string, unknown>>;

/** A kind with its parameter type erased, as stored in the registry. */
export interface LayerKind {
  readonly kind: string;
  readonly title: string;
  readonly group: LayerGroup;
  readonly look: KindLook;
  readonly summary: string;
  readonly role: NodeRole;
  readonly valueFlow: ValueFlow;
  readonly weights?: WeightLayout<NodeParams>;
  isPerceptronUnit?(params: NodeParams): boolean;
  readonly isConvolution?: boolean;
  readonly examples: readonly KindExample[];
  readonly fromTfjs?: TfjsReader;
  readonly paramsSchema: z.ZodType<NodeParams>;
  inputPorts(params: NodeParams): readonly PortSpec[];
  readonly outputPorts: readonly PortSpec[];
  describe(params: NodeParams): string;
  infer(ctx: InferContext<NodeParams>): InferOutcome;
  toTfjs(params: NodeParams, inputs: readonly TensorInfo[]): readonly TfLayerSpec[];
}

export function defineKind<S extends z.ZodType>(definition: LayerKindDefinition<S>): LayerKind {
  // Safe: the registry only calls these functions with params that `paramsSchema` produced.
  return definition as unknown as LayerKind;
}
